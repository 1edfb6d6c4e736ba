import { useLingui } from '@lingui/react/macro';
import { useEffect, useLayoutEffect, useState } from 'react';
import type { Job } from '../../../jobs/job';
import { useFeedActions } from '../card-actions';
import { MissingPicture } from './missing-picture';
import { useLoadedSrc } from './use-loaded-src';

/** Props of {@link JobImage}. */
export interface JobImageProps {
  job: Job;
  aspect: number;
  /** The grid's selected quadrant (1–4), if any. */
  selected: number | null;
  onSelect: (quadrant: number) => void;
  onOpen: () => void;
}

const QUADRANTS = [1, 2, 3, 4] as const;

/**
 * The picture box: sized to the expected aspect from the start; shows the live preview while the
 * job runs and the final image after, with the four grid quadrants clickable.
 */
export function JobImage({ job, aspect, selected, onSelect, onOpen }: JobImageProps) {
  const finalUrl = job.result?.image_url;
  const keptUrl = job.result?.raw_image_url ?? finalUrl;
  const { cachedImage, onCopyChange } = useFeedActions();
  const { t } = useLingui();
  // Loaded again on Try again, and when the picture's copy changes (kept later, or mended).
  const [again, setAgain] = useState(0);
  useEffect(
    () => (keptUrl ? onCopyChange((url) => url === keptUrl && setAgain((n) => n + 1)) : undefined),
    [keptUrl, onCopyChange],
  );
  const loaded = useLoadedSrc(
    finalUrl ?? job.preview?.url,
    finalUrl ? () => cachedImage(job) : undefined,
    again,
  );
  // A preview is never shown as the final picture: a final that failed shows why instead.
  const missing = !!finalUrl && loaded.failed;
  const src = missing ? undefined : loaded.url;
  const isGrid = (job.result?.actions ?? []).some((a) => /^upscale[1-4]$/.test(a));
  const label = job.request.prompt || t`Generated image`;
  const progress = job.progress;
  useLayoutEffect(() => {
    // For `npm run bench`: the moment this picture is on screen. Set up before the commit is
    // painted, so the frame a requestAnimationFrame callback runs in is the one that paints it;
    // a task posted from that callback runs after the paint.
    if (!src) return;
    const frame = requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        performance.mark('imagine:shown', { detail: src });
        channel.port1.close();
      };
      channel.port2.postMessage(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [src]);

  return (
    <div
      className="job-image"
      style={{ aspectRatio: String(aspect), ['--aspect' as string]: String(aspect) }}
    >
      {src ? (
        <img
          src={src}
          // Element Timing (not in React's types): when the frame showing it was presented.
          {...{ elementtiming: 'job-image' }}
          alt={finalUrl ? label : t`Preview at ${progress}%: ${label}`}
          className={
            finalUrl &&
            (src === finalUrl || src === job.result?.raw_image_url || src.startsWith('blob:'))
              ? 'final'
              : 'preview'
          }
          data-progress={job.progress}
          draggable
          onDragStart={(e) => {
            const raw = job.result?.raw_image_url ?? src;
            e.dataTransfer.setData('text/uri-list', raw);
            e.dataTransfer.setData('text/plain', raw);
          }}
        />
      ) : missing ? (
        <MissingPicture job={job} onRetry={() => setAgain((n) => n + 1)} />
      ) : (
        <div className="placeholder" aria-hidden="true" />
      )}
      {finalUrl && isGrid && (
        <div className="quadrants" role="group" aria-label={t`Grid quadrants`}>
          {QUADRANTS.map((q) => (
            <button
              key={q}
              type="button"
              className="quadrant"
              aria-label={t`Quadrant ${q}`}
              aria-pressed={selected === q}
              onClick={() => onSelect(q)}
              onDoubleClick={onOpen}
            />
          ))}
        </div>
      )}
      {finalUrl && !isGrid && (
        <button type="button" className="open-full" aria-label={t`Open full size`} onClick={onOpen}>
          ⤢
        </button>
      )}
    </div>
  );
}
