/**
 * The composer's draft keeps reference images beside the words, not inside them: the Prompt box
 * holds only text and `--params`, and the links are shown as thumbnails. The prompt the service
 * reads (links first, then text, then params) is put together only when a request is built.
 */
import { isUrlToken } from '../api/prompt-syntax';
import { getImageUrls, setImageUrls } from './compose';
import { addReference, type UrlCheckOptions } from './reference-urls';

/** The two halves of a draft prompt: the reference links and what the Prompt box shows. */
export interface DraftPrompt {
  /** Text and `--params`, as typed. */
  text: string;
  /** Reference image links, in the order they lead the prompt. */
  references: readonly string[];
}

/**
 * The prompt as the service reads it: the references first, then the text. Links the text itself
 * still starts with (one the person is typing, or one the checks refused) follow the references.
 */
export function composeDraft(draft: DraftPrompt): string {
  if (draft.references.length === 0) return draft.text;
  return setImageUrls(draft.text, [...draft.references, ...getImageUrls(draft.text)]);
}

/**
 * Split a whole prompt (an old job's, a describe result, a tool's rewrite) into references and
 * text, losing nothing: every link it starts with becomes a reference, checked or not, so the
 * lint still points at a dead one.
 */
export function splitDraft(prompt: string): DraftPrompt {
  const references = getImageUrls(prompt);
  if (references.length === 0) return { text: prompt, references: [] };
  return { text: setImageUrls(prompt, []).replace(/^\s+/, ''), references };
}

/** What {@link absorbLeadingLinks} did: the new draft and, when a link stayed in the text, why. */
export interface Absorbed {
  draft: DraftPrompt;
  error?: string;
}

/**
 * Move the links a person typed or pasted at the start of the Prompt box into the references.
 * While typing, only a link already followed by a space counts (the last one may be half-typed);
 * with `all` (a paste, a drop, leaving the box) every leading link does. A link the reference
 * checks refuse stays in the text, with the reason.
 */
export function absorbLeadingLinks(
  draft: DraftPrompt,
  opts: { all: boolean } & UrlCheckOptions,
): Absorbed {
  const { text } = draft;
  let references = [...draft.references];
  let cut = 0;
  let error: string | undefined;
  for (const m of text.matchAll(/\S+/g)) {
    const end = m.index + m[0].length;
    if (!isUrlToken(m[0]) || (!opts.all && end >= text.length)) break;
    const added = addReference(composeDraft({ text: '', references }), m[0], opts);
    if ('error' in added) {
      error = added.error;
      break;
    }
    references = getImageUrls(added.prompt);
    cut = end;
  }
  if (cut === 0) return error === undefined ? { draft } : { draft, error };
  const next = { text: text.slice(cut).replace(/^\s+/, ''), references };
  return error === undefined ? { draft: next } : { draft: next, error };
}
