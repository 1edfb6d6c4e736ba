import { i18n } from '@lingui/core';
import { msg, t } from '@lingui/core/macro';
import { reasonOf } from '../../api/message';
import { say } from '../../i18n/say';
import { retrieveTasks } from '../../api/client';
import type { ClientConfig } from '../../api/client-config';
import { explainError } from '../../api/explain';
import { isApiError, type ApiError } from '../../api/errors';
import {
  LOCAL_PLACEHOLDER_TOKEN,
  clientConfig,
  type ConfigState,
  type Target,
} from '../../settings/config-store';

const TARGET_NAMES = {
  local: msg`Local engine`,
  acedata: msg`AceData`,
  'acedata-proxy': msg`AceData (via studio)`,
} satisfies Record<Target, unknown>;

/** What a connection test found out. */
export type ConnectionVerdict =
  'no-token-needed' | 'needs-token' | 'token-works' | 'token-refused' | 'unreachable' | 'failed';

/** The answer of a connection test, in words (the language active when it was asked). */
export interface ConnectionResult {
  ok: boolean;
  verdict: ConnectionVerdict;
  message: string;
}

/** One free request to the target (a task query); resolves if the target answered it. */
export type ConnectionProbe = (config: ClientConfig) => Promise<unknown>;

const retrieveOne: ConnectionProbe = (config) =>
  retrieveTasks(config, { limit: 1 }, AbortSignal.timeout(10_000));

const TOKEN_CODES = ['no_token', 'invalid_token', 'token_expired', 'token_mismatched'];

function isTokenRefusal(error: unknown): error is ApiError {
  return (
    isApiError(error) &&
    (error.status === 401 || error.status === 403 || TOKEN_CODES.includes(error.code ?? ''))
  );
}

/**
 * Ask the target for one task (task queries are free) and say what was tested: whether the target
 * answered, and whether it needs a token and takes the one set. The local engine takes any token
 * unless started with one, so it is first asked with the stand-in token: if that works, the
 * person's token was not what let them in, and saying "the token works" would be untrue.
 */
export async function testConnection(
  state: ConfigState,
  probe: ConnectionProbe = retrieveOne,
): Promise<ConnectionResult> {
  const name = t(TARGET_NAMES[state.settings.target]);
  const local = state.settings.target === 'local';
  const config = clientConfig(state);
  if (!local && !state.token) {
    return result(false, 'needs-token', t`${name} needs a token: paste it above first.`);
  }
  try {
    if (local) {
      try {
        await probe({ ...config, token: LOCAL_PLACEHOLDER_TOKEN });
        return result(true, 'no-token-needed', t`${name} reachable; it needs no token.`);
      } catch (error) {
        if (!isTokenRefusal(error)) throw error;
        if (!state.token) {
          return result(
            false,
            'needs-token',
            t`${name} reachable; it needs a token: paste it above.`,
          );
        }
      }
    }
    await probe(config);
    return result(true, 'token-works', t`Connected to ${name}; the token works.`);
  } catch (error) {
    if (isTokenRefusal(error)) {
      return result(false, 'token-refused', explained(name, error));
    }
    if (!isApiError(error) || error.kind === 'network' || error.kind === 'aborted') {
      return result(
        false,
        'unreachable',
        t`${name} could not be reached; check the address and the network.`,
      );
    }
    return result(false, 'failed', explained(name, error));
  }
}

/**
 * The target, the advice, and what the answer said: the provider's own words as they came, or
 * the studio's stand-in for a body that said nothing, worded in the active language (its
 * `message` is then only a code, for logs).
 */
function explained(name: string, error: ApiError): string {
  const { title, hint } = explainError(error);
  const said = say(reasonOf(error), i18n);
  return t`${name}: ${title}. ${said} ${hint}`;
}

function result(ok: boolean, verdict: ConnectionVerdict, message: string): ConnectionResult {
  return { ok, verdict, message };
}
