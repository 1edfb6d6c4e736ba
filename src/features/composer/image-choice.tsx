import { Trans, useLingui } from '@lingui/react/macro';
import { shortImageName } from '../../jobs/image-link-name';

/** Props of {@link ImageChoice}. */
export interface ImageChoiceProps {
  /** The prompt's reference images, in order. */
  urls: readonly string[];
  onPick: (url: string) => void;
}

/**
 * "Which image?" under the composer's tools, when a tool needs one image and the prompt has
 * several references: each as a thumbnail with its number and short name, picked by click or
 * keyboard.
 */
export function ImageChoice({ urls, onPick }: ImageChoiceProps) {
  const { t } = useLingui();
  return (
    <div className="image-choice" role="group" aria-label={t`Which image?`}>
      <p className="hint">
        <Trans>The prompt has {urls.length} reference images. Which one?</Trans>
      </p>
      <div className="row">
        {urls.map((url, i) => {
          const n = i + 1;
          const name = shortImageName(url);
          return (
            <button
              key={`${i}-${url}`}
              type="button"
              className="chip image-choice-item"
              title={name}
              onClick={() => onPick(url)}
            >
              <img src={url} alt="" width={32} height={32} loading="lazy" />
              {t`Image ${n}: ${name}`}
            </button>
          );
        })}
      </div>
    </div>
  );
}
