import { useLingui } from '@lingui/react/macro';
import { reasonOf, type Msg } from '../../api/message';
import { say } from '../../i18n/say';
import { isChunkLoadError } from '../../lazy/chunk-load-error';
import { UNLOADED } from '../../components/ui/unloaded';
import { useState } from 'react';
import { jobTitle, type Job } from '../../jobs/job';
import { videoResultOf } from './videos-kind';
import { useFeedActions } from '../shared/card-actions';
import { ClipsKept } from './clips-kept';
import { VideoClip } from './video-clip';
import { VideoLightbox } from './video-lightbox';

/** Props of {@link VideoCard}. */
export interface VideoCardProps {
  job: Job;
}

/**
 * What a finished videos job shows inside its card: the four clips, each to play, download or
 * extend; the lightbox plays one with controls. Loaded only when a video job is on screen.
 */
export function VideoCard({ job }: VideoCardProps) {
  const { extendClip, downloadClip } = useFeedActions();
  const { i18n, t } = useLingui();
  const [open, setOpen] = useState<{ n: number; src: string } | null>(null);
  const [error, setError] = useState<Msg | string>('');
  const video = videoResultOf(job.result);
  if (!video) return null;
  const title = jobTitle(job, i18n);
  const n = open?.n;
  const aspect = video.width && video.height ? String(video.width / video.height) : undefined;
  return (
    <div className="video-card">
      <div className="video-clips" role="group" aria-label={t`Clips`}>
        {video.urls.map((url, i) => (
          <VideoClip
            key={url}
            n={i + 1}
            url={url}
            title={title}
            {...(video.cover ? { poster: video.cover } : {})}
            {...(aspect ? { aspect } : {})}
            onOpen={(src) => setOpen({ n: i + 1, src })}
            onDownload={() => {
              const name = `${title} clip ${i + 1}`;
              // From the kept copy (the link may have expired); the link itself where no
              // studio wiring is there.
              const saving = downloadClip
                ? downloadClip(url, name)
                : import('../../components/ui/save-file').then((m) => m.downloadImage(url, name));
              saving.then(
                () => setError(''),
                (e: Error) => setError(isChunkLoadError(e) ? i18n._(UNLOADED) : reasonOf(e)),
              );
            }}
            {...(extendClip ? { onExtend: () => extendClip(job, i) } : {})}
          />
        ))}
      </div>
      <ClipsKept urls={video.urls} />
      {error && (
        <p role="alert" className="field-error">
          {say(error, i18n)}
        </p>
      )}
      {open && n !== undefined && (
        <VideoLightbox
          src={open.src}
          title={t`Clip ${n}: ${title}`}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
