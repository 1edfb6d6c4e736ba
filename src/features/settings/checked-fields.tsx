import { useId, useState } from 'react';
import type { MessageDescriptor } from '@lingui/core';
import { useLingui } from '@lingui/react/macro';
import { updateSettings, useConfig, type ConfigStore } from '../../settings/config-store';
import {
  JOBS_RANGE,
  STALL_RANGE,
  checkCallbackUrl,
  checkJobsAtOnce,
  checkStallSeconds,
  type Checked,
} from './settings-checks';

/** Props of {@link CheckedField}. */
interface CheckedFieldProps<T> {
  label: string;
  /** Shown after the label (part of the field's name, after the words tests and people look for). */
  hint?: string;
  type: 'number' | 'url';
  placeholder?: string;
  saved: string;
  check: (input: string) => Checked<T>;
  save: (value: T) => void;
  range?: { min: number; max: number };
}

/**
 * A field whose text is checked when the person leaves it: a good value is saved, a fixable one
 * is fixed and said, a bad one is refused with a message and not saved.
 */
function CheckedField<T>({
  label,
  hint,
  type,
  placeholder,
  saved,
  check,
  save,
  range,
}: CheckedFieldProps<T>) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const { i18n } = useLingui();
  const [checked, setChecked] = useState<MessageDescriptor | null>(null);
  // Kept as a message, so it follows a change of language while shown.
  const message = checked ? i18n._(checked) : '';
  const commit = () => {
    if (draft === null) return;
    const result = check(draft);
    setChecked(result.message);
    if (result.value !== undefined) {
      save(result.value);
      setDraft(null);
    }
  };
  return (
    <label className="field">
      <span>
        {label}
        {hint && <span className="field-range"> {hint}</span>}
      </span>
      <input
        type={type}
        placeholder={placeholder}
        {...(range ? { min: range.min, max: range.max } : {})}
        value={draft ?? saved}
        aria-invalid={draft !== null && message !== '' ? true : undefined}
        aria-describedby={message ? `${id}-msg` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
      {message && (
        <span id={`${id}-msg`} role="alert" className="field-error">
          {message}
        </span>
      )}
    </label>
  );
}

/**
 * "Stalled after", clamped into a sensible range with a word when it was. A job is checked with
 * the service after this silence, but called stalled only once the service's own 480 s are over.
 */
export function StallField({ config }: { config: ConfigStore }) {
  const { t } = useLingui();
  const seconds = useConfig(config, (s) => s.settings.stallAfterSeconds);
  const { min, max } = STALL_RANGE;
  return (
    <CheckedField
      label={t`Stalled after (seconds without news)`}
      hint={t`${min}–${max}; never before the service's own 480 s timeout`}
      type="number"
      range={STALL_RANGE}
      saved={String(seconds)}
      check={checkStallSeconds}
      save={(value) => updateSettings(config, { stallAfterSeconds: value })}
    />
  );
}

/** How many jobs are sent or followed at once on one target; the rest wait in the queue. */
export function JobsAtOnceField({ config }: { config: ConfigStore }) {
  const { t } = useLingui();
  const jobs = useConfig(config, (s) => s.settings.jobsPerTarget);
  return (
    <CheckedField
      label={t`Jobs at once (per service)`}
      hint={`${JOBS_RANGE.min}–${JOBS_RANGE.max}`}
      type="number"
      range={JOBS_RANGE}
      saved={String(jobs)}
      check={checkJobsAtOnce}
      save={(value) => updateSettings(config, { jobsPerTarget: value })}
    />
  );
}

/** The callback URL for Async delivery: a full http(s) address or nothing. */
export function CallbackField({ config }: { config: ConfigStore }) {
  const { t } = useLingui();
  const url = useConfig(config, (s) => s.settings.callbackUrl);
  return (
    <CheckedField
      label={t`Callback URL`}
      type="url"
      placeholder={t`Optional, for Async: https://example.com/hook`}
      saved={url}
      check={checkCallbackUrl}
      save={(value) => updateSettings(config, { callbackUrl: value })}
    />
  );
}
