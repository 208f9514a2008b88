// A toolbar button that opens a small panel under it: closes on Esc (focus back on the button) or a click outside.
// The view controls share it so filter, sort and field panels behave alike.
import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { useDismiss } from '../../../../ui';
import './view-controls.css';

export interface ToolbarPopoverProps {
  /** The button's text (for example "Filter" or "2 filters"). */
  readonly buttonText: string;
  /** Highlights the button while the setting is in effect (a filter or sort applies). */
  readonly active: boolean;
  /** The panel's accessible name. */
  readonly title: string;
  readonly children: ReactNode;
}

export function ToolbarPopover({ buttonText, active, title, children }: ToolbarPopoverProps) {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const focusButton = useCallback(() => buttonRef.current?.focus(), []);

  useDismiss(open, rootRef, close, focusButton);

  return (
    <div className="vc-root" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={active ? 'btn btn-small vc-button vc-button-active' : 'btn btn-small vc-button'}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        {buttonText}
      </button>
      {open ? (
        <div className="vc-popover" role="dialog" id={panelId} aria-label={title}>
          {children}
        </div>
      ) : null}
    </div>
  );
}
