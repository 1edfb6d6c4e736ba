import { useState } from 'react';
import { getImageUrls } from '../../prompt/compose';
import { promptText, replacePromptText, withOriginalParams } from '../../prompt/prompt-text';
import { checkImageUrl } from '../../prompt/reference-urls';
import { useSetDraftPrompt } from './draft-store';
import { usePromptTools } from './prompt-tools-context';
import { ShortenCandidates } from './shorten-candidates';

/** Props of {@link PromptTools}. */
export interface PromptToolsProps {
  prompt: string;
  /** What is typed in "Image URL" (not yet added as a reference). */
  imageUrl: string;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Describe, Edit image, Shorten prompt and Translate to English. Translate replaces only the
 * prompt's words (image URLs and `--params` stay) and one Undo brings the original back.
 */
export function PromptTools({ prompt, imageUrl }: PromptToolsProps) {
  const tools = usePromptTools();
  const setPrompt = useSetDraftPrompt();
  const [busy, setBusy] = useState<'shorten' | 'translate' | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [candidates, setCandidates] = useState<string[]>([]);
  const [undo, setUndo] = useState<string | null>(null);
  if (!tools) return null;

  /** The image to describe or edit: the typed link, else the first reference. */
  const image = (): string | undefined => {
    const typed = imageUrl.trim();
    const url = typed || getImageUrls(prompt)[0];
    if (!url) {
      setError('Type an image link in Image URL (or add a reference image) first.');
      return undefined;
    }
    const check = checkImageUrl(url);
    if (!check.ok) setError(check.message);
    else setError('');
    return check.ok ? check.url : undefined;
  };

  const withImage = (fn: (url: string) => void) => {
    const url = image();
    if (url) fn(url);
  };

  const run = async (what: 'shorten' | 'translate', fn: () => Promise<void>) => {
    setBusy(what);
    setError('');
    setStatus('');
    try {
      await fn();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  };

  const shorten = () =>
    run('shorten', async () => {
      const out = await tools.shorten(prompt.trim());
      setCandidates(out.map((c) => withOriginalParams(c, prompt)));
      if (out.length === 0) setStatus('The service offered no shorter prompt.');
    });

  const translate = () =>
    run('translate', async () => {
      const text = promptText(prompt);
      if (!text) throw new Error('There are no words to translate in the prompt.');
      const english = await tools.translate(text);
      setUndo(prompt);
      setPrompt(replacePromptText(prompt, english));
      setStatus('Translated to English.');
    });

  return (
    <div className="prompt-tools" role="group" aria-label="Prompt tools">
      <div className="row">
        <button type="button" onClick={() => void shorten()} disabled={!!busy || !prompt.trim()}>
          Shorten prompt
        </button>
        <button type="button" onClick={() => void translate()} disabled={!!busy || !prompt.trim()}>
          Translate to English
        </button>
        {undo !== null && (
          <button
            type="button"
            className="ghost"
            onClick={() => {
              setPrompt(undo);
              setUndo(null);
              setStatus('The original prompt is back.');
            }}
          >
            Undo
          </button>
        )}
        <button type="button" onClick={() => withImage(tools.describe)}>
          Describe
        </button>
        <button type="button" onClick={() => withImage(tools.editImage)}>
          Edit image
        </button>
      </div>
      <p className="hint" role="status" aria-live="polite">
        {busy === 'shorten' ? 'Shortening…' : busy === 'translate' ? 'Translating…' : status}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {candidates.length > 0 && (
        <ShortenCandidates
          candidates={candidates}
          onUse={(c) => {
            setPrompt(c);
            setCandidates([]);
          }}
          onDismiss={() => setCandidates([])}
        />
      )}
    </div>
  );
}
