/**
 * What a provider error means for the person, and what to do next. The provider's own message is
 * always shown too (word for word); this adds the advice, in the active language.
 */
import { i18n, type MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';

/** Where the advice points the person. */
export type Remedy = 'settings' | 'top-up' | 'wait' | 'prompt' | 'retry' | 'none';

/** Advice for an error code (and HTTP status when there is no code), in the active language. */
export interface Advice {
  title: string;
  hint: string;
  remedy: Remedy;
}

/** Advice as messages, translated when it is asked for. */
interface AdviceMessages {
  title: MessageDescriptor;
  hint: MessageDescriptor;
  remedy: Remedy;
}

const ADVICE: Record<string, AdviceMessages> = {
  no_token: {
    title: msg`No API token`,
    hint: msg`Add your AceData token in Settings.`,
    remedy: 'settings',
  },
  invalid_token: {
    title: msg`Token refused`,
    hint: msg`The token is invalid or wrong. Check it in Settings.`,
    remedy: 'settings',
  },
  token_expired: {
    title: msg`Token expired`,
    hint: msg`Create a new token and paste it in Settings.`,
    remedy: 'settings',
  },
  token_mismatched: {
    title: msg`Token is for another service`,
    hint: msg`Use a Midjourney (or global) token in Settings.`,
    remedy: 'settings',
  },
  used_up: {
    title: msg`Out of credits`,
    hint: msg`Your balance is used up. Top up at platform.acedata.cloud, then retry.`,
    remedy: 'top-up',
  },
  disabled: {
    title: msg`Account disabled`,
    hint: msg`This credential or application is disabled on the provider side.`,
    remedy: 'none',
  },
  too_many_requests: {
    title: msg`Too many requests`,
    hint: msg`The service is rate-limiting you. Wait a moment, then retry.`,
    remedy: 'wait',
  },
  forbidden: {
    title: msg`Prompt blocked by moderation`,
    hint: msg`Change the wording of the prompt and try again.`,
    remedy: 'prompt',
  },
  bad_request: {
    title: msg`Request refused`,
    hint: msg`Fix what the message names (often a prompt parameter), then retry.`,
    remedy: 'prompt',
  },
  timeout: {
    title: msg`Timed out`,
    hint: msg`The service took too long. Retry; the job may also still finish.`,
    remedy: 'retry',
  },
  api_error: {
    title: msg`Service error`,
    hint: msg`The service failed on its side. Retry in a moment.`,
    remedy: 'retry',
  },
};

const CONNECTION_LOST: AdviceMessages = {
  title: msg`Connection lost`,
  hint: msg`Check your connection; the studio looks the job up again when it can.`,
  remedy: 'retry',
};

const UNEXPECTED_REPLY: AdviceMessages = {
  title: msg`Unexpected reply`,
  hint: msg`The service sent something the studio could not read. Retry.`,
  remedy: 'retry',
};

const FAILED: AdviceMessages = {
  title: msg`Failed`,
  hint: msg`Retry, or change the request.`,
  remedy: 'retry',
};

function adviceFor(error: { code?: string; status?: number; kind?: string }): AdviceMessages {
  if (error.code && ADVICE[error.code]) return ADVICE[error.code]!;
  if (error.status === 401) return ADVICE.invalid_token!;
  if (error.status === 429) return ADVICE.too_many_requests!;
  if (error.status && error.status >= 500) return ADVICE.api_error!;
  if (error.kind === 'network') return CONNECTION_LOST;
  if (error.kind === 'invalid') return UNEXPECTED_REPLY;
  return FAILED;
}

/**
 * Advice for a failure, keyed on the provider's code first, then the HTTP status or kind, in the
 * active language. Call it while rendering, so a change of language re-words it.
 */
export function explainError(error: { code?: string; status?: number; kind?: string }): Advice {
  const { title, hint, remedy } = adviceFor(error);
  return { title: i18n._(title), hint: i18n._(hint), remedy };
}
