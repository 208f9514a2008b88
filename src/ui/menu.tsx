// A small action menu (⋯) for list rows: opens on click, closes on choice, outside click or Esc.
import { useCallback, useId, useRef, useState } from 'react';
import { useDismiss } from './use-dismiss';

export interface MenuItem {
  readonly label: string;
  readonly onSelect: () => void;
  readonly danger?: boolean;
}

export interface MenuProps {
  readonly label: string;
  readonly items: readonly MenuItem[];
  /** Shows the label as the button's text (a toolbar menu) instead of the ⋯ of a row menu. */
  readonly showLabel?: boolean;
}

export function Menu({ label, items, showLabel = false }: MenuProps) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useDismiss(open, rootRef, close);

  return (
    <div className="menu" ref={rootRef}>
      <button
        type="button"
        className={showLabel ? 'btn btn-secondary btn-small' : 'btn btn-quiet btn-icon'}
        aria-label={showLabel ? undefined : label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        {showLabel ? `${label} ▾` : '⋯'}
      </button>
      {open ? (
        <div className="menu-popover" role="menu" id={menuId}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              className={item.danger ? 'menu-item menu-item-danger' : 'menu-item'}
              onClick={() => {
                setOpen(false);
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
