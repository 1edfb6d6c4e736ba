import { createStore, useStore } from 'zustand';
import type { MessageDescriptor } from '@lingui/core';
import { useLingui } from '@lingui/react/macro';

/** A toast's words: a message (translated as it is shown, `msg` from @lingui/core/macro) or text. */
export type ToastText = MessageDescriptor | string;

/** A button a toast offers (e.g. Undo); clicking it also closes the toast. */
export interface ToastAction {
  label: ToastText;
  onClick: () => void;
}

interface Toast {
  id: number;
  text: ToastText;
  action?: ToastAction;
}

const toastStore = createStore<{ toasts: Toast[] }>(() => ({ toasts: [] }));
let nextId = 1;

const close = (id: number) =>
  toastStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));

const timers = new Map<number, ReturnType<typeof setTimeout>>();

const keyOf = (text: ToastText) => (typeof text === 'string' ? text : (text.id ?? text.message));

/**
 * Show a short message for a few seconds; one with an action (Undo) stays for `ms`, long enough
 * to find the button. The same words again do not stack a second toast over the page: the one
 * shown stays, for the full time again.
 */
export function toast(text: ToastText, action?: ToastAction, ms = action ? 10_000 : 4000): void {
  const same = toastStore
    .getState()
    .toasts.find((t) => keyOf(t.text) === keyOf(text) && !t.action && !action);
  const id = same?.id ?? nextId++;
  if (!same) {
    toastStore.setState((s) => ({
      toasts: [...s.toasts, { id, text, ...(action ? { action } : {}) }],
    }));
  }
  clearTimeout(timers.get(id));
  timers.set(
    id,
    setTimeout(() => {
      timers.delete(id);
      close(id);
    }, ms),
  );
}

/**
 * Where toasts appear: bottom centre, clear of the cards' buttons at the sides, each with its own
 * close button; announced politely to screen readers.
 */
export function Toasts() {
  const { i18n, t: tr } = useLingui();
  const say = (text: ToastText) => (typeof text === 'string' ? text : i18n._(text));
  const toasts = useStore(toastStore, (s) => s.toasts);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className="toast">
          {say(t.text)}
          {t.action && (
            <button
              type="button"
              className="chip"
              onClick={() => {
                close(t.id);
                t.action!.onClick();
              }}
            >
              {say(t.action.label)}
            </button>
          )}
          <button
            type="button"
            className="ghost toast-close"
            aria-label={tr`Close`}
            onClick={() => close(t.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
