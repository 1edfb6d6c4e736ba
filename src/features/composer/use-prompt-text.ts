import { useState } from 'react';
import { absorbLeadingLinks } from '../../prompt/draft-prompt';
import { useDraft, useDraftStore } from './draft-store';

/** A paste or a drop lands whole: a link it starts with needs no space after it to be complete. */
function pasted(event: Event): boolean {
  const type = (event as InputEvent).inputType;
  return type === 'insertFromPaste' || type === 'insertFromDrop';
}

/**
 * The Prompt box's text and its writer. A link typed or pasted at the start of the box becomes a
 * thumbnail, as if added with Image URL; one the checks refuse stays in the text, and `linkError`
 * says why.
 */
export function usePromptText() {
  const store = useDraftStore();
  const text = useDraft((s) => s.text);
  const [linkError, setLinkError] = useState('');
  const setText = (next: string, all: boolean) => {
    const { draft, error } = absorbLeadingLinks(
      { text: next, references: store.getState().references },
      { all },
    );
    store.setState({ text: draft.text, references: draft.references });
    setLinkError(error ?? '');
  };
  return {
    text,
    linkError,
    /** For the box's `onChange`: while typing, a link counts once a space follows it. */
    onChange: (value: string, event: Event) => setText(value, pasted(event)),
    /** For the box's `onBlur`: leaving the box completes a link typed at its start. */
    onBlur: (value: string) => setText(value, true),
  };
}
