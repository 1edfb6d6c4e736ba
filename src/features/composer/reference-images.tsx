import { useId, useState, type ClipboardEvent, type DragEvent } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import { addReference, removeReference } from '../../prompt/reference-urls';
import { composeDraft } from '../../prompt/draft-prompt';
import { getImageUrls, readControls, writeControl } from '../../prompt/compose';
import { MAX_IMAGE_PROMPTS } from '../../api/prompt-syntax';
import { useDraft, useDraftStore } from './draft-store';
import { ReferenceThumbs } from './reference-thumbs';

/** Props of {@link ReferenceImages}. */
export interface ReferenceImagesProps {
  /** The Prompt box's text, where `--iw` lives. */
  text: string;
  /** Told what is typed in Image URL (Describe and Edit image use it). */
  onUrlChange?: (url: string) => void;
}

/**
 * Image prompts: the links that will lead the prompt, kept beside the text and shown as
 * thumbnails, with a weight, paste and drag-and-drop.
 */
export function ReferenceImages({ text, onUrlChange }: ReferenceImagesProps) {
  const { t } = useLingui();
  const draft = useDraftStore();
  const urls = useDraft((s) => s.references);
  // The references alone, as a prompt: the reference helpers edit a prompt's leading links.
  const refsOnly = composeDraft({ text: '', references: urls });
  const setUrls = (prompt: string) => draft.setState({ references: getImageUrls(prompt) });
  const [url, setUrlState] = useState('');
  const setUrl = (next: string) => {
    setUrlState(next);
    onUrlChange?.(next);
  };
  const [error, setError] = useState('');
  const id = useId();
  const weight = readControls(text).iw ?? 1;

  const add = (candidate: string) => {
    const result = addReference(refsOnly, candidate);
    if ('error' in result) {
      setError(result.error);
      return false;
    }
    setUrls(result.prompt);
    setError('');
    setUrl('');
    return true;
  };

  const fromTransfer = (data: DataTransfer) =>
    (data.getData('text/uri-list') || data.getData('text/plain'))
      .split(/\s+/)
      .filter((s) => s && !s.startsWith('#'));

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    for (const candidate of fromTransfer(e.dataTransfer)) if (!add(candidate)) break;
  };
  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text/plain').trim();
    if (/^\S+$/.test(text) && /^[a-z]+:/i.test(text)) {
      e.preventDefault();
      add(text);
    }
  };

  return (
    <div className="refs" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <div className="row refs-add">
        <label htmlFor={`${id}-url`} className="visually-hidden">
          <Trans>Image URL</Trans>
        </label>
        <input
          id={`${id}-url`}
          type="url"
          placeholder="https://…/image.png"
          aria-describedby={`${id}-hint ${id}-err`}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          onPaste={onPaste}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add(url);
            }
          }}
          aria-invalid={error ? true : undefined}
        />
        <button type="button" onClick={() => add(url)} disabled={url.trim() === ''}>
          <Trans>Add image</Trans>
        </button>
      </div>
      <p id={`${id}-hint`} className="hint refs-hint">
        {t`Image references: up to ${MAX_IMAGE_PROMPTS} links, pasted, typed or dropped here.`}
      </p>
      <p id={`${id}-err`} role={error ? 'alert' : undefined} className="field-error">
        {error}
      </p>
      {urls.length > 0 && (
        <>
          <ReferenceThumbs urls={urls} onRemove={(u) => setUrls(removeReference(refsOnly, u))} />
          <label className="field">
            <span>
              <Trans>
                Image weight (--iw): <output>{weight}</output>
              </Trans>
            </span>
            <input
              type="range"
              min={0}
              max={3}
              step={0.25}
              value={weight}
              aria-label={t`Image weight`}
              onChange={(e) => {
                const v = Number(e.target.value);
                draft.setState({ text: writeControl(text, 'iw', v === 1 ? null : v) });
              }}
            />
          </label>
        </>
      )}
    </div>
  );
}
