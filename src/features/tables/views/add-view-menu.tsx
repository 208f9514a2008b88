// The "+ View" menu: a grid view, or a kanban view when the table has a field to stack cards by. Unlike the row menu
// of ui/, an item here can be unavailable, and then says why instead of disappearing.
import { useCallback, useId, useRef, useState } from 'react';
import { useDismiss } from '../../../ui';
import { useTranslation } from 'react-i18next';
import type { View } from '../../../engine';
import { VIEW_KIND_ICONS } from './view-icons';

export interface AddViewMenuProps {
  /** Why a kanban view cannot be added (localized), or undefined when it can. */
  readonly kanbanUnavailable: string | undefined;
  readonly onAdd: (kind: View['kind']) => void;
}

export function AddViewMenu({ kanbanUnavailable, onAdd }: AddViewMenuProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const reasonId = useId();

  useDismiss(open, rootRef, close);

  const choose = (kind: View['kind']) => {
    setOpen(false);
    onAdd(kind);
  };

  return (
    <div className="menu view-add" ref={rootRef}>
      <button
        type="button"
        className="btn btn-quiet btn-small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        {t('views.add')}
      </button>
      {open ? (
        <div className="menu-popover view-add-popover" role="menu" id={menuId}>
          <button type="button" role="menuitem" className="menu-item" onClick={() => choose('grid')}>
            <span className="view-tab-icon" aria-hidden="true">
              {VIEW_KIND_ICONS.grid}
            </span>
            {t('views.addGrid')}
          </button>
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            // aria-disabled rather than disabled: the item stays focusable, so its reason is read out.
            aria-disabled={kanbanUnavailable !== undefined}
            aria-describedby={kanbanUnavailable ? reasonId : undefined}
            onClick={() => {
              if (kanbanUnavailable === undefined) choose('kanban');
            }}
          >
            <span className="view-tab-icon" aria-hidden="true">
              {VIEW_KIND_ICONS.kanban}
            </span>
            {t('views.addKanban')}
          </button>
          {kanbanUnavailable ? (
            <p className="view-add-reason" id={reasonId}>
              {kanbanUnavailable}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
