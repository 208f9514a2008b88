// The create / rename / duplicate / delete dialogs of a list of named things (apps, tables), driven by one state.
import { ConfirmDialog } from './confirm-dialog';
import { NameDialog } from './name-dialog';
import type { EntityDialog } from './use-entity-dialog';

export interface EntityDialogsLabels {
  readonly createTitle: string;
  readonly renameTitle: string;
  readonly duplicateTitle: string;
  readonly deleteTitle: (name: string) => string;
  readonly deleteText: string;
  readonly copyOf: (name: string) => string;
  readonly name: string;
  readonly create: string;
  readonly save: string;
  readonly duplicate: string;
  readonly moveToTrash: string;
  readonly cancel: string;
  readonly nameRequired: string;
  readonly nameTooLong: string;
}

export interface EntityDialogsProps {
  readonly dialog: EntityDialog;
  readonly labels: EntityDialogsLabels;
  readonly onClose: () => void;
  readonly onCreate: (name: string) => void;
  readonly onRename: (id: string, name: string) => void;
  readonly onDuplicate: (id: string, name: string) => void;
  readonly onDelete: (id: string, name: string) => void;
}

export function EntityDialogs({
  dialog,
  labels,
  onClose,
  onCreate,
  onRename,
  onDuplicate,
  onDelete,
}: EntityDialogsProps) {
  const nameLabels = {
    field: labels.name,
    cancel: labels.cancel,
    required: labels.nameRequired,
    tooLong: labels.nameTooLong,
  };
  const target = dialog.kind === 'none' || dialog.kind === 'create' ? undefined : dialog;
  const submit = (action: (id: string, name: string) => void) => (name: string) => {
    if (target) action(target.id, name);
    onClose();
  };
  return (
    <>
      <NameDialog
        open={dialog.kind === 'create'}
        initialName=""
        labels={{ ...nameLabels, title: labels.createTitle, submit: labels.create }}
        onCancel={onClose}
        onSubmit={(name) => {
          onClose();
          onCreate(name);
        }}
      />
      <NameDialog
        open={dialog.kind === 'rename'}
        initialName={target?.name ?? ''}
        labels={{ ...nameLabels, title: labels.renameTitle, submit: labels.save }}
        onCancel={onClose}
        onSubmit={submit(onRename)}
      />
      <NameDialog
        open={dialog.kind === 'duplicate'}
        initialName={target ? labels.copyOf(target.name) : ''}
        labels={{ ...nameLabels, title: labels.duplicateTitle, submit: labels.duplicate }}
        onCancel={onClose}
        onSubmit={submit(onDuplicate)}
      />
      <ConfirmDialog
        open={dialog.kind === 'delete'}
        title={labels.deleteTitle(target?.name ?? '')}
        confirmLabel={labels.moveToTrash}
        cancelLabel={labels.cancel}
        danger
        onCancel={onClose}
        onConfirm={() => {
          if (target) onDelete(target.id, target.name);
          onClose();
        }}
      >
        <p>{labels.deleteText}</p>
      </ConfirmDialog>
    </>
  );
}
