import { useLingui } from '@lingui/react/macro';
import { useRef } from 'react';
import { useFeedActions } from '../shared/card-actions';
import { useClipSrc } from './use-clip-src';

/** Props of {@link VideoClip}. */
export interface VideoClipProps {
  /** 1–4, as the buttons name it. */
  n: number;
  url: string;
  poster?: string;
  /** Width/height of the clip, so its box is sized before the metadata loads. */
  aspect?: string;
  title: string;
  onOpen: (src: string) => void;
  onDownload: () => void;
  onExtend?: () => void;
}

/**
 * One clip: muted and looping, it plays while hovered or focused (as the provider's own gallery
 * does) and rests on its first frame otherwise. It plays from the copy kept on this device when
 * there is one; where it cannot play at all, it says why.
 */
export function VideoClip(props: VideoClipProps) {
  const { n, url, poster, aspect, title, onOpen, onDownload, onExtend } = props;
  const { cachedUrl, clipCopy } = useFeedActions();
  const { t } = useLingui();
  const ref = useRef<HTMLVideoElement>(null);
  const { src, problem, onError } = useClipSrc(n, url, {
    ...(cachedUrl ? { cachedUrl } : {}),
    ...(clipCopy ? { clipCopy } : {}),
  });
  const play = () => void ref.current?.play().catch(() => {});
  const pause = () => ref.current?.pause();
  return (
    <figure className="video-clip">
      <video
        ref={ref}
        {...(src ? { src } : {})}
        {...(poster ? { poster } : {})}
        muted
        loop
        playsInline
        preload="metadata"
        {...(aspect ? { style: { aspectRatio: aspect } } : {})}
        tabIndex={0}
        aria-label={t`Clip ${n}: ${title}`}
        onMouseEnter={play}
        onMouseLeave={pause}
        onFocus={play}
        onBlur={pause}
        onClick={() => onOpen(src ?? url)}
        onError={onError}
      />
      {problem && (
        <p role="status" className="hint clip-problem">
          {problem}
        </p>
      )}
      <figcaption className="row">
        <button type="button" className="chip" onClick={() => onOpen(src ?? url)}>
          {t`Play clip ${n}`}
        </button>
        <button type="button" className="chip" onClick={onDownload}>
          {t`Download clip ${n}`}
        </button>
        {onExtend && (
          <button type="button" className="chip" onClick={onExtend}>
            {t`Extend clip ${n}`}
          </button>
        )}
      </figcaption>
    </figure>
  );
}
