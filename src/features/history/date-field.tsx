/** Props of {@link DateField}. */
export interface DateFieldProps {
  label: string;
  value: string;
  min?: string;
  max?: string;
  onChange: (value: string) => void;
}

/** A labelled day picker; an empty bound means none. */
export function DateField({ label, value, min, max, onChange }: DateFieldProps) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="date"
        value={value}
        min={min || undefined}
        max={max || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
