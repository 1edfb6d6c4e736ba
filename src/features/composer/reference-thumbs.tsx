import { useState } from 'react';
import { useLingui } from '@lingui/react/macro';

/** Props of {@link ReferenceThumbs}. */
export interface ReferenceThumbsProps {
  urls: readonly string[];
  onRemove: (url: string) => void;
}

/** The references as thumbnails, each with "Remove reference N"; one that fails says why. */
export function ReferenceThumbs({ urls, onRemove }: ReferenceThumbsProps) {
  // Links whose picture did not load: said in words, not as a broken icon with clipped alt text.
  const { t } = useLingui();
  const [failed, setFailed] = useState<ReadonlySet<string>>(() => new Set());
  return (
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
              onClick={() => onRemove(u)}
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
    </>
  );
}
