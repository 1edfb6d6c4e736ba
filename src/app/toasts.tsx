import { createStore, useStore } from 'zustand';

interface Toast {
  id: number;
  text: string;
}

const toastStore = createStore<{ toasts: Toast[] }>(() => ({ toasts: [] }));
let nextId = 1;

/** Show a short message for a few seconds. */
export function toast(text: string): void {
  const id = nextId++;
  toastStore.setState((s) => ({ toasts: [...s.toasts, { id, text }] }));
  setTimeout(
    () => toastStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
    4000,
  );
}

/** Where toasts appear; announced politely to screen readers. */
export function Toasts() {
  const toasts = useStore(toastStore, (s) => s.toasts);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className="toast">
          {t.text}
        </div>
      ))}
    </div>
  );
}
