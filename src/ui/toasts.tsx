// Short-lived messages at the bottom of the screen (saved, restored, failed). Announced to screen readers.
export interface ToastItem {
  readonly id: number;
  readonly tone: 'success' | 'error' | 'info';
  readonly text: string;
}

export function Toasts({
  items,
  dismissLabel,
  onDismiss,
}: {
  items: readonly ToastItem[];
  dismissLabel: string;
  onDismiss: (id: number) => void;
}) {
  return (
    <div className="toasts" aria-live="polite">
      {items.map((item) => (
        <div
          key={item.id}
          className={`toast toast-${item.tone}`}
          role={item.tone === 'error' ? 'alert' : 'status'}
        >
          <span>{item.text}</span>
          <button
            type="button"
            className="toast-close"
            aria-label={dismissLabel}
            onClick={() => onDismiss(item.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
