import { createStore, useStore } from 'zustand';

/** A button a toast offers (e.g. Undo); clicking it also closes the toast. */
export interface ToastAction {
  label: string;
  onClick: () => void;
}

interface Toast {
  id: number;
  text: string;
  action?: ToastAction;
}

const toastStore = createStore<{ toasts: Toast[] }>(() => ({ toasts: [] }));
let nextId = 1;

const close = (id: number) =>
  toastStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));

/**
 * Show a short message for a few seconds; one with an action (Undo) stays for `ms`, long enough
 * to find the button.
 */
export function toast(text: string, action?: ToastAction, ms = action ? 10_000 : 4000): void {
  const id = nextId++;
  toastStore.setState((s) => ({
    toasts: [...s.toasts, { id, text, ...(action ? { action } : {}) }],
  }));
  setTimeout(() => close(id), ms);
}

/** Where toasts appear; announced politely to screen readers. */
export function Toasts() {
  const toasts = useStore(toastStore, (s) => s.toasts);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className="toast">
          {t.text}
          {t.action && (
            <button
              type="button"
              className="chip"
              onClick={() => {
                close(t.id);
                t.action!.onClick();
              }}
            >
              {t.action.label}
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
