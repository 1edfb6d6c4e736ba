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
  return (
    <div role="group" aria-label="View" className="mask-editor__view">
      <button type="button" className="mask-editor__button" onClick={viewport.zoomOut}>
        Zoom out
      </button>
      <output className="mask-editor__zoom" aria-label="Zoom level">
        {scale === undefined ? '–' : `${Math.round(scale * 100)}%`}
      </output>
      <button type="button" className="mask-editor__button" onClick={viewport.zoomIn}>
        Zoom in
      </button>
      <button type="button" className="mask-editor__button" onClick={viewport.fit}>
        Fit
      </button>
      <label className="mask-editor__toggle">
        <input
          type="checkbox"
          checked={showMask}
          onChange={(e) => onShowMaskChange(e.currentTarget.checked)}
        />
        Show mask
      </label>
    </div>
  );
}
