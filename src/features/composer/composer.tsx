import { lazy, Suspense, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import type { ImagineRequest } from '../../api/contract';
import { lintPrompt } from '../../prompt/lint';
import { readDashes } from '../../prompt/dashes';
import { getImageUrls, isBlend, stripModeParams } from '../../prompt/compose';
import { useDraft, useDraftStore, useSetDraftPrompt } from './draft-store';
import { ParametersPanel } from './parameters-panel';
import { ReferenceImages } from './reference-images';
import { LintLine } from './lint-line';
import { ComposerActions } from './composer-actions';

// Describe, Edit image, Shorten and Translate arrive just after first paint, in their own chunk.
const PromptTools = lazy(() => import('./prompt-tools').then((m) => ({ default: m.PromptTools })));

/** Props of {@link Composer}. */
export interface ComposerProps {
  /** Called with a ready request; the caller owns delivery, mode and the token. */
  onSubmit: (request: ImagineRequest) => void;
  /** Opens the Animate form, with the prompt's first image link if it has one. */
  onAnimate?: (imageUrl: string | undefined) => void;
}

/** Prompt entry: text, reference images, parameters and a lint line, before any credit is spent. */
export function Composer({ onSubmit, onAnimate }: ComposerProps) {
  const { t, i18n } = useLingui();
  const draftStore = useDraftStore();
  const setDraftPrompt = useSetDraftPrompt();
  const prompt = useDraft((s) => s.prompt);
  const translation = useDraft((s) => s.translation);
  const [showParams, setShowParams] = useState(false);
  // On a phone the composer can fold away to give the feed the screen; wide screens ignore this.
  const [folded, setFolded] = useState(false);
  // What is typed in Image URL: Describe and Edit image work on it before it is a reference.
  const [imageUrl, setImageUrl] = useState('');
  // Each press of a lint hint's "Translate now" asks the prompt tools to translate once.
  const [translateAsks, setTranslateAsks] = useState(0);
  const promptId = useId();
  // An empty box is not a mistake yet: the disabled button says enough until the person types.
  // The lint speaks the active language, so a change of language lints again.
  const { locale } = i18n;
  const issues = useMemo(
    () => (prompt.trim() && locale ? lintPrompt(prompt, { translation }) : []),
    [prompt, translation, locale],
  );
  // A sure refusal holds the paid call back; "Send anyway" is there for anyone who knows better
  // (Midjourney adds parameters faster than any list here).
  const refused = issues.some((i) => i.severity === 'error');
  const blank = prompt.trim() === '';
  const blend = isBlend(prompt);

  const submit = (anyway = false) => {
    if (blank || (refused && !anyway)) return;
    // Send what the lint read: `—ar` goes out as `--ar`, as the lint line said.
    const clean = stripModeParams(readDashes(prompt).prompt).trim();
    // `split_images`: the grid comes with its four pictures, so one can be used as a reference.
    onSubmit({
      prompt: clean,
      action: 'generate',
      split_images: true,
      ...(translation ? { translation: true } : {}),
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <section className={`panel composer${folded ? ' folded' : ''}`} aria-label={t`Composer`}>
      <button
        type="button"
        className="ghost composer-toggle"
        aria-expanded={!folded}
        aria-controls={`${promptId}-form`}
        onClick={() => setFolded((f) => !f)}
      >
        {folded ? t`Show composer` : t`Hide composer`}
      </button>
      <form
        id={`${promptId}-form`}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label htmlFor={promptId} className="composer-label">
          <Trans>Prompt</Trans>
        </label>
        <textarea
          id={promptId}
          value={prompt}
          placeholder={t`A lighthouse on a cliff at dusk, oil painting --ar 3:2`}
          onChange={(e) => setDraftPrompt(e.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={`${promptId}-lint`}
          spellCheck
        />
        <LintLine
          id={`${promptId}-lint`}
          issues={issues}
          onTranslate={() => setTranslateAsks((n) => n + 1)}
        />
        <ReferenceImages prompt={prompt} onUrlChange={setImageUrl} />
        <Suspense fallback={null}>
          <PromptTools prompt={prompt} imageUrl={imageUrl} translateAsks={translateAsks} />
        </Suspense>
        <details
          className="params"
          open={showParams}
          onToggle={(e) => setShowParams((e.target as HTMLDetailsElement).open)}
        >
          <summary>
            <Trans>Parameters</Trans>
          </summary>
          {showParams && <ParametersPanel prompt={prompt} />}
        </details>
        <label className="check">
          <input
            type="checkbox"
            checked={translation}
            onChange={(e) => draftStore.setState({ translation: e.target.checked })}
          />
          <Trans>Translate prompt</Trans>
        </label>
        <ComposerActions
          blendOf={blend ? getImageUrls(prompt).length : 0}
          refused={refused}
          blank={blank}
          onSendAnyway={() => submit(true)}
          {...(onAnimate ? { onAnimate: () => onAnimate(getImageUrls(prompt)[0]) } : {})}
        />
      </form>
    </section>
  );
}
