// The line under a view's toolbar: what the query worker is doing (loading the table, sorting and filtering,
// recomputing formulas), else how many records the view shows of the table's.
import { useTranslation } from 'react-i18next';
import { useQueryStore } from '../../../stores/query-store';

export interface ViewStatusProps {
  readonly tableId: string;
  /** A query of this view is running. */
  readonly busy: boolean;
  /** Records the view shows and the table holds; undefined while unknown. */
  readonly counts: { readonly matched: number; readonly total: number } | undefined;
}

export function ViewStatus({ tableId, busy, counts }: ViewStatusProps) {
  const { t } = useTranslation();
  const loading = useQueryStore((state) => (state.loading?.tableId === tableId ? state.loading : undefined));
  const recomputing = useQueryStore((state) => state.recomputing.includes(tableId));
  let text: string | null = null;
  if (loading) text = t('grid.loading', { loaded: loading.loaded, total: loading.total });
  else if (busy) text = t('grid.querying');
  else if (recomputing) text = t('grid.recomputing');
  else if (counts)
    text =
      counts.matched === counts.total
        ? t('grid.recordCount', { count: counts.total })
        : t('grid.matchedCount', { count: counts.matched, total: counts.total });
  return (
    <div className="grid-status" aria-live="polite">
      {text}
    </div>
  );
}
