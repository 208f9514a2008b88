// Where a new link, lookup or rollup points before the person picks: the first sensible target, or why there is none.
import type { FieldKind, NewFieldParams } from '../../../engine';
import type { DesignerEnv } from './field-form';

export type TargetChoice =
  | { readonly ok: true; readonly params: Omit<NewFieldParams, 'id' | 'name'> }
  /** A catalog key saying what to create first. */
  | { readonly ok: false; readonly reason: string };

/** Starting targets for a new field of `kind` in `env.table`; other kinds need none. */
export function targetsFor(kind: FieldKind, env: DesignerEnv): TargetChoice {
  const { table } = env;
  if (kind === 'link') {
    // Another table of the app first; a table may also link to itself (a customer referred by a customer).
    const target = env.appTables.find((candidate) => candidate.id !== table.id) ?? table;
    return { ok: true, params: { targetTableId: target.id } };
  }
  if (kind === 'lookup' || kind === 'rollup') {
    for (const link of table.fields) {
      if (link.kind !== 'link') continue;
      const target = env.appTables.find((candidate) => candidate.id === link.targetTableId);
      const targetField = target?.fields[0];
      if (kind === 'rollup') return { ok: true, params: { linkFieldId: link.id } };
      if (targetField) return { ok: true, params: { linkFieldId: link.id, targetFieldId: targetField.id } };
    }
    return { ok: false, reason: 'designer.palette.needsLink' };
  }
  return { ok: true, params: {} };
}
