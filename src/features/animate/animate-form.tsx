import { Trans, useLingui } from '@lingui/react/macro';
import { actionName } from '../../jobs/action-names';
import { useId, useMemo, useState } from 'react';
import { ModalDialog } from '../../components/ui/modal-dialog';
import { CostFigure } from '../../components/ui/cost-figure';
import { costOf } from '../../prompt/cost';
import { SelectField } from '../../components/ui/select-field';
import type { AnimateInput } from '../../kinds/videos/videos-requests';
import { animateSubmission } from '../../kinds/videos/videos-requests';
import { lintVideoRequest, VIDEO_MODES, type VideoMode } from '../../kinds/videos/video-lint';
import { StudioImagePicker, type StudioImage } from './studio-image-picker';

/** Props of {@link AnimateForm}. */
export interface AnimateFormProps {
  /** The first frame when it is a studio image; without it the form asks for an image URL. */
  imageUrl?: string;
  /** A link to start the Image URL field with (the composer's first reference image). */
  suggestedUrl?: string;
  /** The Settings mode, preselected when video has it (relax is not a video mode). */
  mode: VideoMode;
  /** Finished studio images to pick an end frame from. */
  studioImages: readonly StudioImage[];
  onSubmit: (input: AnimateInput) => void;
  onClose: () => void;
}

const MODES = VIDEO_MODES.map((m) => ({ value: m, label: m }));

/**
 * The Animate form: an image becomes four short clips. Only what video takes is offered (fast or
 * turbo, 480p or 720p), and the request is checked as the reference says before it is sent.
 */
export function AnimateForm(props: AnimateFormProps) {
  const { imageUrl, mode: initialMode, studioImages, onSubmit, onClose } = props;
  const id = useId();
  const { i18n, t } = useLingui();
  const resolutions = [
    { value: '480p', label: '480p' },
    { value: '720p', label: t`720p (the API default)` },
  ];
  const [url, setUrl] = useState(props.suggestedUrl ?? '');
  const [motion, setMotion] = useState('');
  const [end, setEnd] = useState('');
  const [loop, setLoop] = useState(false);
  const [resolution, setResolution] = useState<AnimateInput['resolution']>('480p');
  const [mode, setMode] = useState<VideoMode>(initialMode);
  const [tried, setTried] = useState(false);
  const input: AnimateInput = {
    imageUrl: imageUrl ?? url,
    motionPrompt: motion,
    endImageUrl: end,
    loop,
    resolution,
    mode,
  };
  const issues = useMemo(
    () => lintVideoRequest(animateSubmission(input).request),
    // The input is rebuilt each render from these fields.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [imageUrl, url, motion, end, loop, resolution, mode],
  );
  const blocked = issues.some((i) => i.severity === 'error');
  const cost = costOf({ kind: 'videos', resolution, mode });

  return (
    <ModalDialog title={actionName('animate', i18n)} onClose={onClose} className="animate-dialog">
      <form
        className="animate-form"
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (!blocked) onSubmit(input);
        }}
      >
        {imageUrl ? (
          <img className="animate-source" src={imageUrl} alt={t`First frame`} />
        ) : (
          <label className="field">
            <span>
              <Trans>Image URL</Trans>
            </span>
            <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} required />
          </label>
        )}
        <label className="field">
          <span>
            <Trans>Motion prompt</Trans>
          </span>
          <textarea
            value={motion}
            placeholder={t`Optional: how things move (the camera drifts left…)`}
            onChange={(e) => setMotion(e.target.value)}
          />
        </label>
        <label className="field">
          <span>
            <Trans>End frame</Trans>
          </span>
          <input
            type="url"
            value={end}
            placeholder={t`Optional: an image the motion arrives at`}
            onChange={(e) => setEnd(e.target.value)}
          />
        </label>
        <StudioImagePicker images={studioImages} onPick={setEnd} />
        <label className="check">
          <input type="checkbox" checked={loop} onChange={(e) => setLoop(e.target.checked)} />
          <Trans>Loop</Trans>
        </label>
        <SelectField
          label={t`Resolution`}
          value={resolution}
          options={resolutions}
          onChange={(v) => setResolution(v as AnimateInput['resolution'])}
        />
        <SelectField
          label={t`Mode`}
          value={mode}
          options={MODES}
          onChange={(v) => setMode(v as VideoMode)}
          hint={t`Video has no relax mode.`}
        />
        <ul id={`${id}-check`} className="lint" aria-live="polite" aria-label={t`Video check`}>
          {issues
            .filter((i) => tried || i.severity !== 'error' || i.param !== 'image_url' || url)
            .map((issue, n) => (
              <li key={`${issue.param ?? ''}-${n}`} className={`lint-${issue.severity}`}>
                {issue.message}
              </li>
            ))}
        </ul>
        <div className="row">
          {cost && <CostFigure cost={cost} id={`${id}-cost`} labelled />}
          <button
            type="submit"
            className="primary"
            disabled={tried && blocked}
            aria-describedby={`${id}-cost`}
          >
            {actionName('animate', i18n)}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
