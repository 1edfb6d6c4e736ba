/**
 * What a provider error means for the person, and what to do next. The provider's own message is
 * always shown too (word for word); this adds the advice.
 */

/** Where the advice points the person. */
export type Remedy = 'settings' | 'top-up' | 'wait' | 'prompt' | 'retry' | 'none';

/** Advice for an error code (and HTTP status when there is no code). */
export interface Advice {
  title: string;
  hint: string;
  remedy: Remedy;
}

const ADVICE: Record<string, Advice> = {
  no_token: {
    title: 'No API token',
    hint: 'Add your AceData token in Settings.',
    remedy: 'settings',
  },
  invalid_token: {
    title: 'Token refused',
    hint: 'The token is invalid or wrong. Check it in Settings.',
    remedy: 'settings',
  },
  token_expired: {
    title: 'Token expired',
    hint: 'Create a new token and paste it in Settings.',
    remedy: 'settings',
  },
  token_mismatched: {
    title: 'Token is for another service',
    hint: 'Use a Midjourney (or global) token in Settings.',
    remedy: 'settings',
  },
  used_up: {
    title: 'Out of credits',
    hint: 'Your balance is used up. Top up at platform.acedata.cloud, then retry.',
    remedy: 'top-up',
  },
  disabled: {
    title: 'Account disabled',
    hint: 'This credential or application is disabled on the provider side.',
    remedy: 'none',
  },
  too_many_requests: {
    title: 'Too many requests',
    hint: 'The service is rate-limiting you. Wait a moment, then retry.',
    remedy: 'wait',
  },
  forbidden: {
    title: 'Prompt blocked by moderation',
    hint: 'Change the wording of the prompt and try again.',
    remedy: 'prompt',
  },
  bad_request: {
    title: 'Request refused',
    hint: 'Fix what the message names (often a prompt parameter), then retry.',
    remedy: 'prompt',
  },
  timeout: {
    title: 'Timed out',
    hint: 'The service took too long. Retry; the job may also still finish.',
    remedy: 'retry',
  },
  api_error: {
    title: 'Service error',
    hint: 'The service failed on its side. Retry in a moment.',
    remedy: 'retry',
  },
};

/** Advice for a failure, keyed on the provider's code first, then the HTTP status or kind. */
export function explainError(error: { code?: string; status?: number; kind?: string }): Advice {
  if (error.code && ADVICE[error.code]) return ADVICE[error.code]!;
  if (error.status === 401) return ADVICE.invalid_token!;
  if (error.status === 429) return ADVICE.too_many_requests!;
  if (error.status && error.status >= 500) return ADVICE.api_error!;
  if (error.kind === 'network')
    return {
      title: 'Connection lost',
      hint: 'Check your connection; the studio looks the job up again when it can.',
      remedy: 'retry',
    };
  if (error.kind === 'invalid')
    return {
      title: 'Unexpected reply',
      hint: 'The service sent something the studio could not read. Retry.',
      remedy: 'retry',
    };
  return { title: 'Failed', hint: 'Retry, or change the request.', remedy: 'retry' };
}
