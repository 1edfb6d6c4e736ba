import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import { promptText, replacePromptText } from '../../prompt/prompt-text';
import type { PromptToolProps } from '../shared/kind-tools';
import { translateStatus } from './translate-status';

// The call (and its schemas) loads with the first press, not with the composer.
const call = () => import('./translate-call');

/**
 * Translate to English: replaces only the prompt's words (image URLs and `--params` stay), and
 * one Undo brings the original back. The prompt check's "Translate now" runs it too.
 */
export function TranslatePromptTool({ prompt, row, services, asks }: PromptToolProps) {
  const { t, i18n } = useLingui();
  const [undo, setUndo] = useState<string | null>(null);

  const translate = () =>
    row.run(t`Translating…`, async () => {
      const text = promptText(prompt);
      if (!text) throw new Error(t`There are no words to translate in the prompt.`);
      const english = await (await call()).translateText(services.client(), text);
      setUndo(prompt);
      services.setPrompt(replacePromptText(prompt, english));
      // The local engine's translate is a glossary of common prompt words, not a translator.
      row.say(translateStatus(english, services.target() === 'local', i18n));
    });

  // Each ask of the prompt check does what the button does, once; an ask made before this code
  // loaded is answered when it mounts.
  const asked = useRef(0);
  const onAsk = useEffectEvent(() => void translate());
  useEffect(() => {
    if (asks === asked.current) return;
    asked.current = asks;
    onAsk();
  }, [asks]);

  return (
    <>
      <button type="button" onClick={() => void translate()} disabled={row.busy || !prompt.trim()}>
        <Trans>Translate to English</Trans>
      </button>
      {undo !== null && (
        <button
          type="button"
          className="ghost"
          onClick={() => {
            services.setPrompt(undo);
            setUndo(null);
            row.say(t`The original prompt is back.`);
          }}
        >
          <Trans>Undo</Trans>
        </button>
      )}
    </>
  );
}
