import { retrieveTasks } from '../../api/client';
import { explainError } from '../../api/explain';
import { isApiError } from '../../api/errors';
import { clientConfig, targetLabel, type ConfigState } from '../../jobs/config-store';

/** The answer of a connection test, in words. */
export interface ConnectionResult {
  ok: boolean;
  message: string;
}

/**
 * Ask the target for one task (task queries are free) to learn whether target and token work.
 */
export async function testConnection(state: ConfigState): Promise<ConnectionResult> {
  const name = targetLabel(state.settings.target);
  if (state.settings.target !== 'local' && !state.token) {
    return { ok: false, message: `${name} needs a token: paste it above first.` };
  }
  try {
    await retrieveTasks(clientConfig(state), { limit: 1 }, AbortSignal.timeout(10_000));
    return { ok: true, message: `Connected to ${name}; the token works.` };
  } catch (error) {
    if (isApiError(error)) {
      const advice = explainError(error);
      return { ok: false, message: `${name}: ${advice.title}. ${error.message} ${advice.hint}` };
    }
    return { ok: false, message: `${name} could not be reached.` };
  }
}
