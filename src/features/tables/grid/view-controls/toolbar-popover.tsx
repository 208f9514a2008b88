// A toolbar button that opens a small panel under it: closes on Esc (focus back on the button) or a click outside.
// The view controls share it so filter, sort and field panels behave alike.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
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
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

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
