import { useEffect, useRef } from 'react';
import type { MaskAction } from '../model/mask-model';
import type { ToolKind } from '../model/tools';

/** The single-letter tool keys (as in most paint programs); listed in the shortcuts help too. */
const TOOL_KEYS: Readonly<Record<string, ToolKind>> = {
  b: 'brush',
  e: 'eraser',
  r: 'rect',
  l: 'lasso',
};

function isTextField(t: EventTarget | null): boolean {
  return (
    t instanceof HTMLTextAreaElement ||
    (t instanceof HTMLInputElement && !['range', 'checkbox', 'button'].includes(t.type)) ||
    (t instanceof HTMLElement && t.isContentEditable)
  );
}

/** What the editor's keys do. */
export interface EditorKeyHandlers {
  onMaskAction(action: MaskAction): void;
  onToolChange(tool: ToolKind): void;
}

/**
 * The editor's keys, heard on the whole document while it is open. Listening on the dialog alone
 * lost them whenever focus fell to <body>, which happens as soon as a focused button becomes
 * disabled: pressing Redo until it greys out left Ctrl+Z dead until the canvas was painted again.
 * The modal dialog makes the page behind it inert, so nothing else can want these keys meanwhile.
 */
export function useEditorKeys(handlers: EditorKeyHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      // Inside the region prompt, letters and Ctrl+Z belong to the text.
      if (e.defaultPrevented || e.altKey || isTextField(e.target)) return;
      const key = e.key.toLowerCase();
      const { onMaskAction, onToolChange } = latest.current;
      if (e.ctrlKey || e.metaKey) {
        if (key === 'z' && !e.shiftKey) onMaskAction({ type: 'undo' });
        else if ((key === 'z' && e.shiftKey) || key === 'y') onMaskAction({ type: 'redo' });
        else return;
      } else {
        const tool = e.shiftKey ? undefined : TOOL_KEYS[key];
        if (!tool) return;
        onToolChange(tool);
      }
      e.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
