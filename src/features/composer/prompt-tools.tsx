import { useState, type ReactNode } from 'react';
import { useLingui } from '@lingui/react/macro';
import { reasonOf, type Msg } from '../../api/message';
import { say } from '../../i18n/say';
import { getImageUrls } from '../../prompt/compose';
import { checkImageUrl } from '../../prompt/reference-urls';
import type { PromptToolRow } from '../../kinds/shared/kind-tools';
import { useTools, type ToolsValue } from '../../kinds/shared/tools-context';
import { ImageChoice } from './image-choice';

/** Props of {@link PromptTools}. */
export interface PromptToolsProps {
  prompt: string;
  /** What is typed in "Image URL" (not yet added as a reference). */
  imageUrl: string;
  /**
   * Counts the prompt check's asks for a kind's tool, by the kind's name (a Chinese prompt's
   * "Translate now" asks `translate`'s): each new count runs that tool once.
   */
  asks?: Readonly<Record<string, number>>;
}

/**
 * The composer's row of tools (Describe, Edit image, Shorten prompt, Translate to English, …), as
 * the endpoints' entries declare them; one status line, one error and one answer under the row.
 */
export function PromptTools(props: PromptToolsProps) {
  const tools = useTools();
  return tools ? <ToolRow {...props} tools={tools} /> : null;
}

type ToolRowProps = PromptToolsProps & { tools: ToolsValue };

function ToolRow({ prompt, imageUrl, asks = {}, tools }: ToolRowProps) {
  const { t, i18n } = useLingui();
  const [pending, setPending] = useState<string | null>(null);
  // A thrown reason stays a message, worded as it is shown (in the language of the moment).
  const [error, setError] = useState<Msg | string>('');
  const [status, setStatus] = useState('');
  const [panel, setPanel] = useState<ReactNode>(null);

  const usable = (url: string | undefined): string | undefined => {
    if (!url) {
      setError(t`Type an image link in Image URL (or add a reference image) first.`);
      return undefined;
    }
    const check = checkImageUrl(url);
    setError(check.ok ? '' : check.message);
    return check.ok ? check.url : undefined;
  };
  const row: PromptToolRow = {
    busy: pending !== null,
    pickImage: (take) => {
      const references = getImageUrls(prompt);
      if (imageUrl.trim() || references.length < 2) {
        const url = usable(imageUrl.trim() || references[0]);
        if (url) take(url);
        return;
      }
      setError('');
      setPanel(
        <ImageChoice
          urls={references}
          onPick={(url) => {
            setPanel(null);
            const checked = usable(url);
            if (checked) take(checked);
          }}
        />,
      );
    },
    run: async (label, work) => {
      setPending(label);
      setError('');
      setStatus('');
      try {
        await work();
      } catch (err) {
        setError(reasonOf(err));
      } finally {
        setPending(null);
      }
    },
    say: setStatus,
    showPanel: setPanel,
  };

  return (
    <div className="prompt-tools" role="group" aria-label={t`Prompt tools`}>
      <div className="row">
        {tools.entries.flatMap((entry) =>
          (entry.tools?.prompt ?? []).map(({ Tool }, i) => (
            <Tool
              key={`${entry.name}-${i}`}
              prompt={prompt}
              row={row}
              services={tools.services}
              asks={asks[entry.name] ?? 0}
            />
          )),
        )}
      </div>
      <p className="hint" role="status" aria-live="polite">
        {pending ?? status}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {say(error, i18n)}
        </p>
      )}
      {panel}
    </div>
  );
}
