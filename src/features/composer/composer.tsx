import { useId, useState, type KeyboardEvent } from 'react';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { PartBoundary } from '../../components/ui/part-boundary';
import { lazyPart } from '../../lazy/lazy-part';
import type { ImagineRequest } from '../../api/contract';
import { readDashes } from '../../prompt/dashes';
import { getImageUrls, isBlend, stripModeParams } from '../../prompt/compose';
import { useDraft, useDraftPrompt, useDraftStore } from './draft-store';
import { usePromptText } from './use-prompt-text';
import { ReferenceImages } from './reference-images';
import { LintLine } from './lint-line';
import { usePromptLint } from './use-prompt-lint';
import { ComposerActions } from './composer-actions';

// Describe, Edit image, Shorten and Translate arrive just after first paint; parameters on opening.
const PromptTools = lazyPart(() => import('./prompt-tools').then((m) => m.PromptTools));
const ParametersPanel = lazyPart(() => import('./parameters-panel').then((m) => m.ParametersPanel));

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
  // The box holds words and parameters; the references sit beside it as thumbnails.
  const { text, linkError, onChange, onBlur } = usePromptText();
  const prompt = useDraftPrompt();
  const translation = useDraft((s) => s.translation);
  const [showParams, setShowParams] = useState(false);
  // On a phone the composer can fold away to give the feed the screen; wide screens ignore this.
  const [folded, setFolded] = useState(false);
  // What is typed in Image URL: Describe and Edit image work on it before it is a reference.
  const [imageUrl, setImageUrl] = useState('');
  // Each press of a lint hint's "Translate now" asks the prompt tools to translate once.
  const [translateAsks, setTranslateAsks] = useState(0);
  const promptId = useId();
  const { issues, ready, lint } = usePromptLint(prompt, { translation, locale: i18n.locale });
  // A sure refusal holds the paid call back; "Send anyway" is for anyone who knows better.
  const refused = issues.some((i) => i.severity === 'error');
  const blank = prompt.trim() === '';
  const blend = isBlend(prompt);

  const submit = async (anyway = false) => {
    if (blank || (refused && !anyway)) return;
    // Sent in the first moments, before the lint line had loaded: checked all the same.
    if (!ready && !anyway && (await lint())(prompt).some((i) => i.severity === 'error')) return;
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
      void submit();
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
          void submit();
        }}
      >
        <label htmlFor={promptId} className="composer-label">
          <Trans>Prompt</Trans>
        </label>
        <textarea
          id={promptId}
          value={text}
          placeholder={t`A lighthouse on a cliff at dusk, oil painting --ar 3:2`}
          onChange={(e) => onChange(e.target.value, e.nativeEvent)}
          onBlur={(e) => onBlur(e.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={`${promptId}-lint`}
          spellCheck
        />
        {linkError && (
          <p role="alert" className="field-error">
            {linkError}
          </p>
        )}
        <LintLine
          id={`${promptId}-lint`}
          issues={issues}
          onTranslate={() => setTranslateAsks((n) => n + 1)}
        />
        <ReferenceImages text={text} onUrlChange={setImageUrl} />
        <PartBoundary name={msg`the prompt tools`}>
          <PromptTools prompt={prompt} imageUrl={imageUrl} translateAsks={translateAsks} />
        </PartBoundary>
        <details
          className="params"
          open={showParams}
          onToggle={(e) => setShowParams((e.target as HTMLDetailsElement).open)}
        >
          <summary>
            <Trans>Parameters</Trans>
          </summary>
          {showParams && (
            <PartBoundary name={msg`the parameters`}>
              <ParametersPanel prompt={text} />
            </PartBoundary>
          )}
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
          onSendAnyway={() => void submit(true)}
          {...(onAnimate ? { onAnimate: () => onAnimate(getImageUrls(prompt)[0]) } : {})}
        />
      </form>
    </section>
  );
}
