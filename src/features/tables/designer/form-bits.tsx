// Labelled inputs bound to the properties form, each with its message underneath (linked by aria-describedby).
import { useId } from 'react';
import type { ReactNode } from 'react';
import { useFormContext, useFormState } from 'react-hook-form';
import type { FieldPath, RegisterOptions } from 'react-hook-form';
import type { FieldFormValues } from './field-form';

type Path = FieldPath<FieldFormValues>;

/** The message of `name`, if any, as the form currently holds it. */
export function useFieldError(name: Path): string | undefined {
  const { control, getFieldState } = useFormContext<FieldFormValues>();
  const formState = useFormState({ control, name });
  const message = getFieldState(name, formState).error?.message;
  return message === '' ? undefined : message;
}

export function FieldError({ id, message }: { readonly id: string; readonly message: string | undefined }) {
  return message ? (
    <p className="field-error" id={id} role="alert">
      {message}
    </p>
  ) : null;
}

export interface TextInputProps {
  readonly name: Path;
  readonly label: string;
  readonly rules?: RegisterOptions<FieldFormValues, Path>;
  readonly type?: 'text' | 'number';
  readonly placeholder?: string;
  readonly hint?: ReactNode;
  readonly multiline?: boolean;
  readonly autoFocus?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly className?: string;
  /** Spell-checking and monospace, for formula text. */
  readonly code?: boolean;
  /** Id of a <datalist> of suggestions. */
  readonly list?: string;
}

export function TextInput({
  name,
  label,
  rules,
  type = 'text',
  placeholder,
  hint,
  multiline = false,
  autoFocus = false,
  min,
  max,
  className,
  code = false,
  list,
}: TextInputProps) {
  const { register } = useFormContext<FieldFormValues>();
  const error = useFieldError(name);
  const errorId = useId();
  const hintId = useId();
  const describedBy = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    ...register(name, rules),
    className: code ? 'text-input designer-code' : 'text-input',
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    placeholder,
    spellCheck: code ? false : undefined,
    // A new field's name is what the person types next.
    autoFocus,
  };
  return (
    <div className={className ? `designer-input ${className}` : 'designer-input'}>
      <label className="field-label">
        {label}
        {multiline ? (
          <textarea rows={code ? 4 : 3} {...common} />
        ) : (
          <input type={type} min={min} max={max} list={list} {...common} />
        )}
      </label>
      {hint ? (
        <p className="muted designer-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

export function CheckboxInput({ name, label }: { readonly name: Path; readonly label: string }) {
  const { register } = useFormContext<FieldFormValues>();
  return (
    <label className="designer-check">
      <input type="checkbox" {...register(name)} />
      {label}
    </label>
  );
}

export interface SelectInputProps {
  readonly name: Path;
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly rules?: RegisterOptions<FieldFormValues, Path>;
}

export function SelectInput({ name, label, options, rules }: SelectInputProps) {
  const { register } = useFormContext<FieldFormValues>();
  const error = useFieldError(name);
  const errorId = useId();
  return (
    <div className="designer-input">
      <label className="field-label">
        {label}
        <select
          className="text-input"
          {...register(name, rules)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <FieldError id={errorId} message={error} />
    </div>
  );
}
