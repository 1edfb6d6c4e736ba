import { useId, useState, type ClipboardEvent, type DragEvent } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import { addReference, removeReference } from '../../prompt/reference-urls';
import { getImageUrls, readControls, writeControl } from '../../prompt/compose';
import { MAX_IMAGE_PROMPTS } from '../../api/prompt-syntax';
import { useSetDraftPrompt } from './draft-store';

/** Props of {@link ReferenceImages}. */
export interface ReferenceImagesProps {
  prompt: string;
  /** Told what is typed in Image URL (Describe and Edit image use it). */
  onUrlChange?: (url: string) => void;
}

/** Image prompts: URLs that lead the prompt, with thumbnails, a weight, paste and drag-and-drop. */
export function ReferenceImages({ prompt, onUrlChange }: ReferenceImagesProps) {
  const { t } = useLingui();
  const setDraftPrompt = useSetDraftPrompt();
  const [url, setUrlState] = useState('');
  const setUrl = (next: string) => {
    setUrlState(next);
    onUrlChange?.(next);
  };
  const [error, setError] = useState('');
  // Links whose picture did not load: said in words, not as a broken icon with clipped alt text.
  const [failed, setFailed] = useState<ReadonlySet<string>>(() => new Set());
  const id = useId();
  const urls = getImageUrls(prompt);
  const weight = readControls(prompt).iw ?? 1;

  const add = (candidate: string) => {
    const result = addReference(prompt, candidate);
    if ('error' in result) {
      setError(result.error);
      return false;
    }
    setDraftPrompt(result.prompt);
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
          <ul className="ref-thumbs" aria-label={t`Reference images`}>
            {urls.map((u, i) => (
              <li key={u}>
                {failed.has(u) ? (
                  <span className="ref-broken" aria-hidden="true">
                    ✕
                  </span>
                ) : (
                  <img
                    src={u}
                    alt={t`Reference ${i + 1}`}
                    referrerPolicy="no-referrer"
                    onError={() => setFailed((prev) => new Set(prev).add(u))}
                  />
                )}
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t`Remove reference ${i + 1}`}
                  onClick={() => setDraftPrompt(removeReference(prompt, u))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          {urls.map((u, i) =>
            failed.has(u) ? (
              <p key={u} className="field-error ref-failed" role="status">
                {t`Reference ${i + 1} did not load: the link may have expired, be private or not point to an image. Remove it or use another link.`}
              </p>
            ) : null,
          )}
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
                setDraftPrompt(writeControl(prompt, 'iw', v === 1 ? null : v));
              }}
            />
          </label>
        </>
      )}
    </div>
  );
}
