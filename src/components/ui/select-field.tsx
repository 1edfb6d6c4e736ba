import type { ReactNode } from 'react';

/** One choice of a {@link SelectField}. */
export interface SelectOption {
  value: string;
  label: string;
  /** The option's language when it differs from the page's (a language's own name). */
  lang?: string;
}

/** Props of {@link SelectField}. */
export interface SelectFieldProps {
  /** Visible text that also names the select for assistive tech (and the e2e tests). */
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange(value: string): void;
  /** Extra classes beside `field`, which the stylesheet keys on. */
  className?: string;
  /** Shown as a `.hint` paragraph after the field, outside the label so the name stays short. */
  hint?: ReactNode;
}

/** A labelled `<select>` built from a list of options; owns no state. */
export function SelectField({
  label,
  value,
  options,
  onChange,
  className,
  hint,
}: SelectFieldProps) {
  return (
    <>
      <label className={className ? `field ${className}` : 'field'}>
        <span>{label}</span>
        <select value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value} lang={o.lang}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      {hint !== undefined && <p className="hint">{hint}</p>}
    </>
  );
}
