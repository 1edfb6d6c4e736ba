import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import { getImageUrls } from '../../prompt/compose';
import { promptText, replacePromptText, withOriginalParams } from '../../prompt/prompt-text';
import { checkImageUrl } from '../../prompt/reference-urls';
import { useSetDraftPrompt } from './draft-store';
import { usePromptTools, type PromptTools as Tools } from './prompt-tools-context';
import { ShortenCandidates } from './shorten-candidates';
import { translateStatus } from './translate-status';

/** Props of {@link PromptTools}. */
export interface PromptToolsProps {
  prompt: string;
  /** What is typed in "Image URL" (not yet added as a reference). */
  imageUrl: string;
  /** Counts the lint hint's "Translate now" presses: each new count translates once. */
  translateAsks?: number;
}

/**
 * Describe, Edit image, Shorten prompt and Translate to English. Translate replaces only the
 * prompt's words (image URLs and `--params` stay) and one Undo brings the original back.
 */
export function PromptTools(props: PromptToolsProps) {
  const tools = usePromptTools();
  return tools ? <ToolRow {...props} tools={tools} /> : null;
}

type ToolRowProps = PromptToolsProps & { tools: Tools };

function ToolRow({ prompt, imageUrl, translateAsks = 0, tools }: ToolRowProps) {
  const { t, i18n } = useLingui();
  const setPrompt = useSetDraftPrompt();
  const [busy, setBusy] = useState<'shorten' | 'translate' | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [candidates, setCandidates] = useState<string[]>([]);
  const [undo, setUndo] = useState<string | null>(null);

  /** The image to describe or edit: the typed link, else the first reference. */
  const image = (): string | undefined => {
    const typed = imageUrl.trim();
    const url = typed || getImageUrls(prompt)[0];
    if (!url) {
      setError(t`Type an image link in Image URL (or add a reference image) first.`);
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
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  const shorten = () =>
    run('shorten', async () => {
      const out = await tools.shorten(prompt.trim());
      setCandidates(out.map((c) => withOriginalParams(c, prompt)));
      if (out.length === 0) setStatus(t`The service offered no shorter prompt.`);
    });

  const translate = () =>
    run('translate', async () => {
      const text = promptText(prompt);
      if (!text) throw new Error(t`There are no words to translate in the prompt.`);
      const english = await tools.translate(text);
      setUndo(prompt);
      setPrompt(replacePromptText(prompt, english));
      setStatus(translateStatus(english, tools.translatesByGlossary?.() ?? false, i18n));
    });

  // The lint hint's "Translate now" does what "Translate to English" does, once per press; a
  // press made before this chunk loaded is answered when it mounts.
  const asked = useRef(0);
  const onAsk = useEffectEvent(() => void translate());
  useEffect(() => {
    if (translateAsks === asked.current) return;
    asked.current = translateAsks;
    onAsk();
  }, [translateAsks]);

  return (
    <div className="prompt-tools" role="group" aria-label={t`Prompt tools`}>
      <div className="row">
        <button type="button" onClick={() => void shorten()} disabled={!!busy || !prompt.trim()}>
          <Trans>Shorten prompt</Trans>
        </button>
        <button type="button" onClick={() => void translate()} disabled={!!busy || !prompt.trim()}>
          <Trans>Translate to English</Trans>
        </button>
        {undo !== null && (
          <button
            type="button"
            className="ghost"
            onClick={() => {
              setPrompt(undo);
              setUndo(null);
              setStatus(t`The original prompt is back.`);
            }}
          >
            <Trans>Undo</Trans>
          </button>
        )}
        <button type="button" onClick={() => withImage(tools.describe)}>
          <Trans>Describe</Trans>
        </button>
        <button type="button" onClick={() => withImage(tools.editImage)}>
          <Trans>Edit image</Trans>
        </button>
      </div>
      <p className="hint" role="status" aria-live="polite">
        {busy === 'shorten' ? t`Shortening…` : busy === 'translate' ? t`Translating…` : status}
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
