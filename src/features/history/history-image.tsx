import { useLingui } from '@lingui/react/macro';
import { statusWord } from './status-words';
import { useState } from 'react';
import { useHistoryDeps } from './history-context';
import type { HistoryJob } from './job-labels';
import { describedImage, useHistoryImage } from './use-history-image';

/** Props of {@link HistoryImage}. */
export interface HistoryImageProps {
  job: HistoryJob;
  /** Edge of the square box, in CSS pixels; fixed so nothing moves when the image arrives. */
  size: number;
}

/**
 * A job's final image in a fixed square box: the cached copy when there is one, lazy-loaded. The
 * picture is decorative here (alt=""): the button or heading around it carries the prompt.
 */
export function HistoryImage({ job, size }: HistoryImageProps) {
  const { persistence } = useHistoryDeps();
  const { i18n, t } = useLingui();
  const tile = useHistoryImage(persistence, job);
  const [broken, setBroken] = useState<readonly string[]>([]);
  // When the small link fails (expired), the full picture's URL, which the offline cache may
  // answer; only when both fail is the image called expired.
  const raw = job.result?.raw_image_url;
  const candidates = tile ? [tile, ...(raw && raw !== tile ? [raw] : [])] : [];
  const src = candidates.find((c) => !broken.includes(c));
  const box = { width: size, height: size };

  if (!src) {
    const hasImage = Boolean(
      job.result?.image_url ?? job.result?.raw_image_url ?? describedImage(job),
    );
    const text = !hasImage
      ? job.status === 'done'
        ? t`No image`
        : statusWord(job.status, i18n)
      : tile && broken.includes(tile)
        ? t`Image expired`
        : '';
    return (
      <span className="history-image placeholder" style={box} aria-hidden="true">
        {text}
      </span>
    );
  }
  return (
    <img
      className="history-image"
      style={box}
      src={src}
      alt=""
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      draggable={false}
      onError={() => setBroken((b) => [...b, src])}
    />
  );
}
