// The saved views of a table as tabs: pick one, add a grid or kanban view, rename, duplicate or delete one. Every
// change is a table-definition edit through the table store, so it is undoable like any other.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Table, View } from '../../../engine';
import { newId } from '../../../shared/ids';
import { tableStore, type EditLabel } from '../../../stores/table-store';
import { ConfirmDialog, Menu, NameDialog } from '../../../ui';
import { AddViewMenu } from './add-view-menu';
import { stackableFields } from './kanban-columns';
import { VIEW_KIND_ICONS } from './view-icons';
import './views.css';

export interface ViewTabsProps {
  readonly table: Table;
  /** The open view (see useActiveView). */
  readonly activeViewId: string | undefined;
  readonly onSelect: (viewId: string) => void;
}

/** "Kanban", else "Kanban 2", "Kanban 3"…: the first name no view of the table has. */
export function freeViewName(views: readonly View[], base: string): string {
  const taken = new Set(views.map((view) => view.name));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} ${n}`)) return `${base} ${n}`;
}

function changeViews(
  tableId: string,
  change: (views: readonly View[]) => View[],
  label: EditLabel,
): Promise<boolean> {
  return tableStore
    .getState()
    .changeTable(tableId, (current) => ({ ...current, views: change(current.views) }), label);
}

export function ViewTabs({ table, activeViewId, onSelect }: ViewTabsProps) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState<View | undefined>();
  const [deleting, setDeleting] = useState<View | undefined>();
  const views = table.views;
  const activeId = activeViewId ?? views[0]?.id;
  const stackField = stackableFields(table)[0];

  const add = async (kind: View['kind']) => {
    const base = kind === 'grid' ? t('views.defaultName.grid') : t('views.defaultName.kanban');
    const view: View = {
      id: newId(),
      name: freeViewName(views, base),
      kind,
      ...(kind === 'kanban' && stackField ? { stackFieldId: stackField.id } : {}),
    };
    const saved = await changeViews(table.id, (current) => [...current, view], {
      label: 'history.addView',
      params: { name: view.name },
    });
    if (saved) onSelect(view.id);
  };

  const duplicate = async (view: View) => {
    const copy: View = {
      ...view,
      id: newId(),
      name: freeViewName(views, t('common.copyOf', { name: view.name })),
    };
    const saved = await changeViews(
      table.id,
      (current) => {
        const at = current.findIndex((candidate) => candidate.id === view.id);
        const next = [...current];
        next.splice(at < 0 ? next.length : at + 1, 0, copy);
        return next;
      },
      { label: 'history.duplicateView', params: { name: view.name } },
    );
    if (saved) onSelect(copy.id);
  };

  const rename = (view: View, name: string) => {
    setRenaming(undefined);
    if (name === view.name) return;
    void changeViews(
      table.id,
      (current) =>
        current.map((candidate) => (candidate.id === view.id ? { ...candidate, name } : candidate)),
      { label: 'history.renameView', params: { name } },
    );
  };

  const remove = async (view: View) => {
    setDeleting(undefined);
    const at = views.findIndex((candidate) => candidate.id === view.id);
    // The last view stays: a table page always has a view to show (the menu does not offer it either).
    const saved = await changeViews(
      table.id,
      (current) =>
        current.length > 1 ? current.filter((candidate) => candidate.id !== view.id) : [...current],
      { label: 'history.deleteView', params: { name: view.name } },
    );
    if (saved && view.id === activeId) {
      const neighbour = views[at + 1] ?? views[at - 1];
      if (neighbour) onSelect(neighbour.id);
    }
  };

  return (
    <div className="view-tabs">
      <div className="view-tab-list" role="tablist" aria-label={t('views.tabs')}>
        {views.map((view) => {
          const active = view.id === activeId;
          return (
            <div key={view.id} className={active ? 'view-tab view-tab-active' : 'view-tab'}>
              <button
                type="button"
                role="tab"
                aria-selected={active}
                className="view-tab-button"
                title={t(`views.kind.${view.kind}`)}
                onClick={() => onSelect(view.id)}
              >
                <span className="view-tab-icon" aria-hidden="true">
                  {VIEW_KIND_ICONS[view.kind]}
                </span>
                {view.name}
              </button>
              <Menu
                label={t('views.actionsFor', { name: view.name })}
                items={[
                  { label: t('common.rename'), onSelect: () => setRenaming(view) },
                  { label: t('common.duplicate'), onSelect: () => void duplicate(view) },
                  ...(views.length > 1
                    ? [{ label: t('common.delete'), danger: true, onSelect: () => setDeleting(view) }]
                    : []),
                ]}
              />
            </div>
          );
        })}
      </div>
      <AddViewMenu
        kanbanUnavailable={stackField ? undefined : t('views.kanbanNeedsField')}
        onAdd={(kind) => void add(kind)}
      />
      <NameDialog
        open={renaming !== undefined}
        initialName={renaming?.name ?? ''}
        labels={{
          title: t('views.rename'),
          field: t('common.name'),
          submit: t('common.save'),
          cancel: t('common.cancel'),
          required: t('validation.nameRequired'),
          tooLong: t('validation.nameTooLong'),
        }}
        onSubmit={(name) => {
          if (renaming) rename(renaming, name);
        }}
        onCancel={() => setRenaming(undefined)}
      />
      <ConfirmDialog
        open={deleting !== undefined}
        danger
        title={t('views.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('views.deleteConfirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => {
          if (deleting) void remove(deleting);
        }}
        onCancel={() => setDeleting(undefined)}
      >
        {t('views.deleteText')}
      </ConfirmDialog>
    </div>
  );
}
