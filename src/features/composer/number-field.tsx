import { useId } from 'react';
import { useLingui } from '@lingui/react/macro';
import { inRange, rangeText, type NumberRange } from '../../api/param-ranges';

/** Props of {@link NumberField}. */
export interface NumberFieldProps {
  label: string;
  /** From the one table of ranges (`api/param-ranges.ts`), which the lint and engine share. */
  range: NumberRange;
  value: number | null;
  onChange: (value: string) => void;
}

/** A numeric parameter's field, with the range the service takes. */
export function NumberField({ label, range, value, onChange }: NumberFieldProps) {
  const { t } = useLingui();
  const id = useId();
  // Out of range is written to the prompt as typed (the lint then holds the call back), but
  // never silently: the field says what it takes.
  const bad = value !== null && !inRange(range, value);
  const span = rangeText(range);
  const fallback = range.default;
  const hint = fallback === undefined ? span : t`${span}, default ${fallback}`;
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        min={range.min}
        max={range.max}
        step={range.integer ? 1 : 'any'}
        placeholder={hint}
        value={value ?? ''}
        aria-invalid={bad || undefined}
        aria-describedby={bad ? `${id}-range` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {bad && (
        <span id={`${id}-range`} className="field-error">
          {t`${label} takes ${span}; ${value} is outside.`}
        </span>
      )}
    </label>
  );
}
