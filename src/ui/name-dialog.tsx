// Asks for a name (create, rename, duplicate) with validation: required, trimmed, at most 200 characters.
import { useForm } from 'react-hook-form';
import { Button } from './button';
import { Dialog } from './dialog';

export interface NameDialogLabels {
  readonly title: string;
  readonly field: string;
  readonly submit: string;
  readonly cancel: string;
  readonly required: string;
  readonly tooLong: string;
}

export interface NameDialogProps {
  readonly open: boolean;
  readonly initialName: string;
  readonly labels: NameDialogLabels;
  readonly onSubmit: (name: string) => void;
  readonly onCancel: () => void;
}

const MAX_NAME_LENGTH = 200;

/**
 * The form is mounted afresh each time the dialog opens, so the name field shows `initialName` from the first paint:
 * resetting it in an effect after opening could overwrite what a fast typist (or a test) already typed.
 */
export function NameDialog({ open, initialName, labels, onSubmit, onCancel }: NameDialogProps) {
  return (
    <Dialog open={open} title={labels.title} onClose={onCancel}>
      {open ? (
        <NameForm initialName={initialName} labels={labels} onSubmit={onSubmit} onCancel={onCancel} />
      ) : null}
    </Dialog>
  );
}

function NameForm({ initialName, labels, onSubmit, onCancel }: Omit<NameDialogProps, 'open'>) {
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<{ name: string }>({ defaultValues: { name: initialName } });

  const submit = handleSubmit(({ name }) => onSubmit(name.trim()));
  const error = errors.name?.message;

  return (
    <form
      className="form-stack"
      noValidate
      onSubmit={(event) => {
        void submit(event);
      }}
    >
      <label className="field-label">
        <span>{labels.field}</span>
        <input
          className="text-input"
          autoFocus
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          {...register('name', {
            validate: (value) => {
              const trimmed = value.trim();
              if (trimmed.length === 0) return labels.required;
              if (trimmed.length > MAX_NAME_LENGTH) return labels.tooLong;
              return true;
            },
          })}
        />
      </label>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-footer">
        <Button onClick={onCancel}>{labels.cancel}</Button>
        <Button type="submit" variant="primary">
          {labels.submit}
        </Button>
      </div>
    </form>
  );
}
