import { useId } from 'react';
import type { MaskAction } from '../model/mask-model';
import type { ToolKind } from '../model/tools';

const TOOLS: { kind: ToolKind; label: string; key: string }[] = [
  { kind: 'brush', label: 'Brush', key: 'B' },
  { kind: 'eraser', label: 'Eraser', key: 'E' },
  { kind: 'rect', label: 'Rectangle', key: 'R' },
  { kind: 'lasso', label: 'Lasso', key: 'L' },
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
  return (
    <div className="mask-editor__tools">
      <div role="group" aria-label="Tools" className="mask-editor__group">
        {TOOLS.map((t) => (
          <button
            key={t.kind}
            type="button"
            className="mask-editor__button"
            aria-pressed={tool === t.kind}
            aria-keyshortcuts={t.key}
            title={`${t.label} (${t.key})`}
            onClick={() => onToolChange(t.kind)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="mask-editor__field">
        <label htmlFor={sizeId}>Brush size</label>
        <input
          id={sizeId}
          type="range"
          min={1}
          max={brush.max}
          step={1}
          value={brush.size}
          aria-valuetext={`${brush.size} image pixels`}
          onChange={(e) => brush.onChange(Number(e.currentTarget.value))}
        />
        <output htmlFor={sizeId}>{brush.size} px</output>
      </div>
      <div role="group" aria-label="Edit" className="mask-editor__group">
        <button
          type="button"
          className="mask-editor__button"
          disabled={!history.canUndo}
          aria-keyshortcuts="Control+Z Meta+Z"
          onClick={() => onMaskAction({ type: 'undo' })}
        >
          Undo
        </button>
        <button
          type="button"
          className="mask-editor__button"
          disabled={!history.canRedo}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
          onClick={() => onMaskAction({ type: 'redo' })}
        >
          Redo
        </button>
        <button
          type="button"
          className="mask-editor__button"
          disabled={!history.canClear}
          onClick={() => onMaskAction({ type: 'clear' })}
        >
          Clear
        </button>
        <button
          type="button"
          className="mask-editor__button"
          onClick={() => onMaskAction({ type: 'invert' })}
        >
          Invert
        </button>
      </div>
      <p className="mask-editor__hint">
        Paint the area to redraw. Alt-drag with Rectangle or Lasso subtracts. Wheel or pinch to
        zoom; Space-drag or two fingers to pan.
      </p>
    </div>
  );
}
