import { retrieveTasks, type ClientConfig } from '../../api/client';
import { explainError } from '../../api/explain';
import { isApiError, type ApiError } from '../../api/errors';
import {
  LOCAL_PLACEHOLDER_TOKEN,
  clientConfig,
  targetLabel,
  type ConfigState,
} from '../../jobs/config-store';

/** What a connection test found out. */
export type ConnectionVerdict =
  'no-token-needed' | 'needs-token' | 'token-works' | 'token-refused' | 'unreachable' | 'failed';

/** The answer of a connection test, in words. */
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
  const name = targetLabel(state.settings.target);
  const local = state.settings.target === 'local';
  const config = clientConfig(state);
  if (!local && !state.token) {
    return result(false, 'needs-token', `${name} needs a token: paste it above first.`);
  }
  try {
    if (local) {
      try {
        await probe({ ...config, token: LOCAL_PLACEHOLDER_TOKEN });
        return result(true, 'no-token-needed', `${name} reachable; it needs no token.`);
      } catch (error) {
        if (!isTokenRefusal(error)) throw error;
        if (!state.token) {
          return result(
            false,
            'needs-token',
            `${name} reachable; it needs a token: paste it above.`,
          );
        }
      }
    }
    await probe(config);
    return result(true, 'token-works', `Connected to ${name}; the token works.`);
  } catch (error) {
    if (isTokenRefusal(error)) {
      const advice = explainError(error);
      const text = `${name}: ${advice.title}. ${error.message} ${advice.hint}`;
      return result(false, 'token-refused', text);
    }
    if (!isApiError(error) || error.kind === 'network' || error.kind === 'aborted') {
      return result(
        false,
        'unreachable',
        `${name} could not be reached; check the address and the network.`,
      );
    }
    const advice = explainError(error);
    return result(false, 'failed', `${name}: ${advice.title}. ${error.message} ${advice.hint}`);
  }
}

function result(ok: boolean, verdict: ConnectionVerdict, message: string): ConnectionResult {
  return { ok, verdict, message };
}
