/**
 * Checks of what a person types in Settings, as pure functions: each says what to change, and
 * nothing out of range or malformed is saved silently.
 */

import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';

/**
 * "Stalled after": under 3 s flags healthy jobs between two progress lines (a fast engine's step
 * is under a second, and the e2e suite waits 3 s); over an hour leaves a dead job looking alive.
 */
export const STALL_RANGE = { min: 3, max: 3600 } as const;

/** The outcome of a check: the value to save (if any) and a message when something was changed. */
export interface Checked<T> {
  /** What to save; `undefined` = save nothing. */
  value?: T;
  /** Why the input was changed or refused (translated where shown); null when taken as typed. */
  message: MessageDescriptor | null;
}

/** Read "Stalled after" seconds, clamping into {@link STALL_RANGE} and saying so. */
export function checkStallSeconds(input: string): Checked<number> {
  const { min, max } = STALL_RANGE;
  const n = Number(input.trim());
  if (input.trim() === '' || !Number.isFinite(n)) {
    return { message: msg`Stalled after takes a number of seconds from ${min} to ${max}.` };
  }
  const whole = Math.round(n);
  if (whole < min || whole > max) {
    const value = Math.min(max, Math.max(min, whole));
    const typed = input.trim();
    return {
      value,
      message: msg`Stalled after takes ${min}–${max} seconds; ${typed} was set to ${value}.`,
    };
  }
  return { value: whole, message: null };
}

/**
 * "Jobs at once (per target)": the service limits how many tasks run at once; past this cap a job
 * waits in the queue. More than 10 at once only earns 429s.
 */
export const JOBS_RANGE = { min: 1, max: 10 } as const;

/** Read "Jobs at once", clamping into {@link JOBS_RANGE} and saying so. */
export function checkJobsAtOnce(input: string): Checked<number> {
  const { min, max } = JOBS_RANGE;
  const typed = input.trim();
  const n = Number(typed);
  if (typed === '' || !Number.isFinite(n)) {
    return { message: msg`Jobs at once takes a whole number from ${min} to ${max}.` };
  }
  const whole = Math.round(n);
  if (whole < min || whole > max) {
    const value = Math.min(max, Math.max(min, whole));
    return { value, message: msg`Jobs at once takes ${min}–${max}; ${typed} was set to ${value}.` };
  }
  return { value: whole, message: null };
}

/** Read a callback URL: empty (none) or a full http(s) address; anything else is not saved. */
export function checkCallbackUrl(input: string): Checked<string> {
  const text = input.trim();
  if (text === '') return { value: '', message: null };
  const url = URL.canParse(text) ? new URL(text) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') {
    return {
      message: msg`“${text}” is not a web address; write a full http(s) URL like https://example.com/hook (not saved).`,
    };
  }
  return { value: text, message: null };
}
