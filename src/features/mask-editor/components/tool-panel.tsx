import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useId } from 'react';
import type { MaskAction } from '../model/mask-model';
import type { ToolKind } from '../model/tools';

const TOOLS: { kind: ToolKind; label: MessageDescriptor; key: string }[] = [
  { kind: 'brush', label: msg`Brush`, key: 'B' },
  { kind: 'eraser', label: msg`Eraser`, key: 'E' },
  { kind: 'rect', label: msg`Rectangle`, key: 'R' },
  { kind: 'lasso', label: msg`Lasso`, key: 'L' },
];

/** Props of the tool panel. */
export interface ToolPanelProps {
  tool: ToolKind;
  onToolChange(tool: ToolKind): void;
  /** Brush / eraser diameter in image pixels, and its slider range. */
  brush: { size: number; max: number; onChange(size: number): void };
  history: { canUndo: boolean; canRedo: boolean; canClear: boolean };
  onMaskAction(action: MaskAction): void;
}

/** Tools down the side: what the pointer draws, the brush size, and history/whole-mask actions. */
export function ToolPanel({ tool, onToolChange, brush, history, onMaskAction }: ToolPanelProps) {
  const sizeId = useId();
  const { i18n, t } = useLingui();
  const size = brush.size;
  return (
    <div className="mask-editor__tools">
      <div role="group" aria-label={t`Tools`} className="mask-editor__group">
        {TOOLS.map((it) => {
          const label = i18n._(it.label);
          return (
            <button
              key={it.kind}
              type="button"
              className="mask-editor__button"
              aria-pressed={tool === it.kind}
              aria-keyshortcuts={it.key}
              title={`${label} (${it.key})`}
              onClick={() => onToolChange(it.kind)}
            >
              {label}
            </button>
          );
        })}
      </div>
      <div className="mask-editor__field">
        <label htmlFor={sizeId}>
          <Trans>Brush size</Trans>
        </label>
        <input
          id={sizeId}
          type="range"
          min={1}
          max={brush.max}
          step={1}
          value={brush.size}
          aria-valuetext={t`${size} image pixels`}
          onChange={(e) => brush.onChange(Number(e.currentTarget.value))}
        />
        <output htmlFor={sizeId}>{brush.size} px</output>
      </div>
      <div role="group" aria-label={t`Edit`} className="mask-editor__group">
        <button
          type="button"
          className="mask-editor__button"
          disabled={!history.canUndo}
          aria-keyshortcuts="Control+Z Meta+Z"
          onClick={() => onMaskAction({ type: 'undo' })}
        >
          <Trans>Undo</Trans>
        </button>
        <button
          type="button"
          className="mask-editor__button"
          disabled={!history.canRedo}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
          onClick={() => onMaskAction({ type: 'redo' })}
        >
          <Trans>Redo</Trans>
        </button>
        <button
          type="button"
          className="mask-editor__button"
          disabled={!history.canClear}
          onClick={() => onMaskAction({ type: 'clear' })}
        >
          <Trans>Clear</Trans>
        </button>
        <button
          type="button"
          className="mask-editor__button"
          onClick={() => onMaskAction({ type: 'invert' })}
        >
          <Trans>Invert</Trans>
        </button>
      </div>
      <p className="mask-editor__hint">
        <Trans>
          Paint the area to redraw. Alt-drag with Rectangle or Lasso subtracts. Wheel or pinch to
          zoom; Space-drag or two fingers to pan.
        </Trans>
      </p>
    </div>
  );
}
