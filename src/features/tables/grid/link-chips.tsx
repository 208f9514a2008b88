// The records a link cell points at, as chips with their titles (the primary field of the linked table). Titles are
// read by id through the link store, and read again after any link change.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLinkStore, linkStore, type LinkCandidate } from '../../../stores/link-store';

export interface LinkChipsProps {
  /** The linked table (the link field's target). */
  readonly tableId: string;
  readonly ids: readonly string[];
}

export function LinkChips({ tableId, ids }: LinkChipsProps) {
  const { t } = useTranslation();
  const revision = useLinkStore((state) => state.revision);
  const [titles, setTitles] = useState<readonly LinkCandidate[]>([]);
  // A stable dependency for the effect: the same ids in a new array need no new read.
  const key = ids.join('\u0000');

  useEffect(() => {
    let live = true;
    const wanted = key === '' ? [] : key.split('\u0000');
    void linkStore
      .getState()
      .recordTitles(tableId, wanted)
      .then((found) => {
        if (live) setTitles(found);
      });
    return () => {
      live = false;
    };
  }, [tableId, key, revision]);

  if (ids.length === 0) return null;
  return (
    <span className="cell-chips">
      {titles.map((item) => (
        <span key={item.id} className="chip" title={item.missing ? t('links.missing') : undefined}>
          {item.missing ? t('links.missing') : item.title || t('links.untitled')}
        </span>
      ))}
    </span>
  );
}
