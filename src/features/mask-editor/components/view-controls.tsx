import { Trans, useLingui } from '@lingui/react/macro';
import type { ViewportController } from './use-viewport';

/** Props of the view controls. */
export interface ViewControlsProps {
  viewport: ViewportController;
  showMask: boolean;
  onShowMaskChange(show: boolean): void;
}

/** Zoom buttons, the zoom level, and the switch to the black-and-white mask that will be sent. */
export function ViewControls({ viewport, showMask, onShowMaskChange }: ViewControlsProps) {
  const scale = viewport.viewport?.scale;
  const { i18n, t } = useLingui();
  return (
    <div role="group" aria-label={t`View`} className="mask-editor__view">
      <button type="button" className="mask-editor__button" onClick={viewport.zoomOut}>
        <Trans>Zoom out</Trans>
      </button>
      <output className="mask-editor__zoom" aria-label={t`Zoom level`}>
        {scale === undefined
          ? '–'
          : new Intl.NumberFormat(i18n.locale, { style: 'percent' }).format(scale)}
      </output>
      <button type="button" className="mask-editor__button" onClick={viewport.zoomIn}>
        <Trans>Zoom in</Trans>
      </button>
      <button type="button" className="mask-editor__button" onClick={viewport.fit}>
        <Trans>Fit</Trans>
      </button>
      <label className="mask-editor__toggle">
        <input
          type="checkbox"
          checked={showMask}
          onChange={(e) => onShowMaskChange(e.currentTarget.checked)}
        />
        <Trans>Show mask</Trans>
      </label>
    </div>
  );
}
