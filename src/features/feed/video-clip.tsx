import { useLingui } from '@lingui/react/macro';
import { useRef, useState } from 'react';
import { useFeedActions } from './feed-actions';

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
  onDownload: (src: string) => void;
  onExtend?: () => void;
}

/**
 * One clip: muted and looping, it plays while hovered or focused (as the provider's own gallery
 * does) and rests on its first frame otherwise. A link that fails (expired) falls back once to
 * the copy kept on this device.
 */
export function VideoClip(props: VideoClipProps) {
  const { n, url, poster, aspect, title, onOpen, onDownload, onExtend } = props;
  const { cachedUrl } = useFeedActions();
  const { t } = useLingui();
  const ref = useRef<HTMLVideoElement>(null);
  const [src, setSrc] = useState(url);
  const [triedCache, setTriedCache] = useState(false);
  const play = () => void ref.current?.play().catch(() => {});
  const pause = () => ref.current?.pause();
  return (
    <figure className="video-clip">
      <video
        ref={ref}
        src={src}
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
        onClick={() => onOpen(src)}
        onError={() => {
          if (triedCache || !cachedUrl) return;
          setTriedCache(true);
          void cachedUrl(url).then((other) => {
            if (other && other !== url) setSrc(other);
          });
        }}
      />
      <figcaption className="row">
        <button type="button" className="chip" onClick={() => onOpen(src)}>
          {t`Play clip ${n}`}
        </button>
        <button type="button" className="chip" onClick={() => onDownload(src)}>
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
