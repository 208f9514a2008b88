// Picking the records a link cell points at: the linked records on top (each with a remove button), a search box, and
// the matching records of the linked table with checkboxes (a radio for a link to one record). Nothing is written
// until Save: the caller then stores the whole list in one change (both sides of the link at once).
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkField, Table } from '../../../engine';
import { linkStore, MAX_LINK_RESULTS, type LinkCandidate } from '../../../stores/link-store';
import { Button, Dialog } from '../../../ui';

export interface LinkEditorProps {
  /** The table of the record being edited. */
  readonly table: Table;
  readonly field: LinkField;
  readonly value: readonly string[] | null;
  /** The new list of linked record ids, on Save. */
  readonly onChange: (ids: string[]) => void;
  readonly onClose: () => void;
}

/** How long typing pauses before the search runs. */
const SEARCH_DELAY_MS = 200;

export function LinkEditor({ table, field, value, onChange, onClose }: LinkEditorProps) {
  const { t } = useTranslation();
  const inputName = useId();
  const targetTableId = field.targetTableId;
  const [selected, setSelected] = useState<string[]>(() => [...new Set(value ?? [])]);
  const [titles, setTitles] = useState<ReadonlyMap<string, LinkCandidate>>(() => new Map());
  const [text, setText] = useState('');
  const [results, setResults] = useState<LinkCandidate[] | undefined>();

  // Titles of the records linked when the dialog opened; later picks bring their titles with them.
  useEffect(() => {
    let live = true;
    void linkStore
      .getState()
      .recordTitles(targetTableId, value ?? [])
      .then((found) => {
        if (live)
          setTitles((current) => new Map([...found.map((item) => [item.id, item] as const), ...current]));
      });
    return () => {
      live = false;
    };
  }, [targetTableId, value]);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void linkStore
        .getState()
        .searchRecords(targetTableId, text, MAX_LINK_RESULTS)
        .then((found) => {
          if (live) setResults(found); // A slower, older search never overwrites a newer one.
        });
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [targetTableId, text]);

  const titleText = (item: LinkCandidate | undefined): string => {
    if (item?.missing) return t('links.missing');
    return item?.title || t('links.untitled');
  };

  const pick = (candidate: LinkCandidate, checked: boolean) => {
    setTitles((current) => new Map(current).set(candidate.id, candidate));
    setSelected((current) => {
      if (!field.multiple) return checked ? [candidate.id] : [];
      if (!checked) return current.filter((id) => id !== candidate.id);
      return current.includes(candidate.id) ? current : [...current, candidate.id];
    });
  };

  const remove = (id: string) => setSelected((current) => current.filter((candidate) => candidate !== id));

  return (
    <Dialog
      open
      wide
      title={t('links.pickTitle', { name: field.name, table: table.name })}
      onClose={onClose}
      footer={
        <>
          <Button variant="quiet" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            variant="primary"
            onClick={() => {
              onChange(selected);
              onClose();
            }}
          >
            {t('links.save')}
          </Button>
        </>
      }
    >
      <div className="form-stack">
        <section aria-label={t('links.linked')}>
          <h3 className="field-label">{t('links.linked')}</h3>
          {selected.length === 0 ? (
            <p className="muted">{t('links.none')}</p>
          ) : (
            <ul className="form-stack" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {selected.map((id) => {
                const title = titleText(titles.get(id));
                return (
                  <li key={id} className="row-gap">
                    <span className="chip">{title}</span>
                    <Button
                      variant="quiet"
                      onClick={() => remove(id)}
                      aria-label={t('links.remove', { title })}
                    >
                      ×
                    </Button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <label className="field-label">
          {t('links.search')}
          <input
            className="text-input"
            type="search"
            value={text}
            autoFocus
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <fieldset className="form-stack">
          <legend className="field-label">{field.multiple ? t('links.pickMany') : t('links.pickOne')}</legend>
          {results === undefined ? (
            <p className="muted">{t('links.searching')}</p>
          ) : results.length === 0 ? (
            <p className="muted">{t('links.noResults')}</p>
          ) : (
            results.map((candidate) => (
              <label key={candidate.id} className="row-gap">
                <input
                  type={field.multiple ? 'checkbox' : 'radio'}
                  name={inputName}
                  checked={selected.includes(candidate.id)}
                  onChange={(event) => pick(candidate, event.target.checked)}
                />
                {titleText(candidate)}
              </label>
            ))
          )}
          {results !== undefined && results.length >= MAX_LINK_RESULTS ? (
            <p className="muted">{t('links.moreResults', { limit: MAX_LINK_RESULTS })}</p>
          ) : null}
        </fieldset>
      </div>
    </Dialog>
  );
}
