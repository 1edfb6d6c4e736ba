import { useId, useState, type KeyboardEvent } from 'react';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { PartBoundary } from '../../components/ui/part-boundary';
import { lazyPart } from '../../lazy/lazy-part';
import type { ImagineRequest, Mode } from '../../api/contract';
import { getImageUrls, isBlend } from '../../prompt/compose';
import type { JobBatch } from '../../jobs/job';
import { useDraft, useDraftPrompt, useDraftStore } from './draft-store';
import { usePromptText } from './use-prompt-text';
import { ReferenceImages } from './reference-images';
import { LintLine } from './lint-line';
import { usePromptLint } from './use-prompt-lint';
import { ComposerActions } from './composer-actions';
import { useBatchSubmit } from './use-batch-submit';
import { BatchPreview } from './batch-preview';
import { BatchConfirm } from './batch-confirm';
import { ParamsDetails } from './params-details';

// Describe, Edit image, Shorten and Translate arrive just after first paint.
const PromptTools = lazyPart(() => import('./prompt-tools').then((m) => m.PromptTools));

/** Props of {@link Composer}. */
export interface ComposerProps {
  /**
   * Called with a ready request, once per job (a permutation or `--repeat` prompt makes several,
   * each with its `batch`); the caller owns delivery, mode and the token.
   */
  onSubmit: (request: ImagineRequest, batch?: JobBatch) => void;
  /** The mode Settings will send (for the cost shown before sending). Default `fast`. */
  mode?: Mode;
  /** Opens the Animate form, with the prompt's first image link if it has one. */
  onAnimate?: (imageUrl: string | undefined) => void;
}

/** Prompt entry: text, reference images, parameters and a lint line, before any credit is spent. */
export function Composer({ onSubmit, onAnimate, mode = 'fast' }: ComposerProps) {
  const { t, i18n } = useLingui();
  const draftStore = useDraftStore();
  // The box holds words and parameters; the references sit beside it as thumbnails.
  const { text, linkError, onChange, onBlur } = usePromptText();
  const prompt = useDraftPrompt();
  const translation = useDraft((s) => s.translation);
  // On a phone the composer can fold away to give the feed the screen; wide screens ignore this.
  const [folded, setFolded] = useState(false);
  // What is typed in Image URL: Describe and Edit image work on it before it is a reference.
  const [imageUrl, setImageUrl] = useState('');
  // Each press of a lint hint's fix ("Translate now") asks the tool of the kind it names, once.
  const [asks, setAsks] = useState<Readonly<Record<string, number>>>({});
  const promptId = useId();
  const { issues, ready, lint } = usePromptLint(prompt, { translation, locale: i18n.locale });
  // A sure refusal holds the paid call back; "Send anyway" is for anyone who knows better.
  const refused = issues.some((i) => i.severity === 'error');
  const blank = prompt.trim() === '';
  const blend = isBlend(prompt);
  // Every job the prompt stands for, and its cost, before anything is sent.
  const batch = useBatchSubmit({ prompt, mode, translation, onSubmit });

  const submit = async (anyway = false) => {
    if (blank || (refused && !anyway)) return;
    // Sent in the first moments, before the lint line had loaded: checked all the same.
    if (!ready && !anyway && (await lint())(prompt).some((i) => i.severity === 'error')) return;
    // Send what the lint read (`—ar` as `--ar`); a large batch is asked about first.
    batch.go();
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
          onFix={(fix) => setAsks((a) => ({ ...a, [fix]: (a[fix] ?? 0) + 1 }))}
        />
        <BatchPreview plan={batch.plan} />
        <ReferenceImages text={text} onUrlChange={setImageUrl} />
        <PartBoundary name={msg`the prompt tools`}>
          <PromptTools prompt={prompt} imageUrl={imageUrl} asks={asks} />
        </PartBoundary>
        <ParamsDetails prompt={text} />
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
          cost={batch.plan.total}
          onSendAnyway={() => void submit(true)}
          {...(onAnimate ? { onAnimate: () => onAnimate(getImageUrls(prompt)[0]) } : {})}
        />
      </form>
      {batch.confirming && (
        <BatchConfirm plan={batch.confirming} onCancel={batch.cancel} onConfirm={batch.confirm} />
      )}
    </section>
  );
}
