// Dialog state for the create / rename / duplicate / delete actions on a list of named things (apps, tables).
import { useState } from 'react';

export type EntityDialog =
  | { readonly kind: 'none' }
  | { readonly kind: 'create' }
  | { readonly kind: 'rename' | 'duplicate' | 'delete'; readonly id: string; readonly name: string };

export function useEntityDialog() {
  const [dialog, setDialog] = useState<EntityDialog>({ kind: 'none' });
  return { dialog, open: setDialog, close: () => setDialog({ kind: 'none' }) };
}
