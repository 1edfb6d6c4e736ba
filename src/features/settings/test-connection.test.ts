import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { errorFromResponse } from '../../api/error-response';
import type { ClientConfig } from '../../api/client-config';
import {
  DEFAULT_SETTINGS,
  LOCAL_PLACEHOLDER_TOKEN,
  type Target,
} from '../../settings/config-store';
import { testConnection } from './test-connection';

function state(target: Target, token = '') {
  return { settings: { ...DEFAULT_SETTINGS, target }, token, remember: false };
}

const refused = () =>
  new ApiError('http', 'The specified token is invalid or wrong.', {
    status: 401,
    code: 'invalid_token',
  });

/** A target that takes only `accepted` tokens (any token when undefined), recording each ask. */
function target(accepted?: string[], down = false) {
  const asked: (string | undefined)[] = [];
  const probe = async (config: ClientConfig) => {
    asked.push(config.token);
    if (down) throw new ApiError('network', 'Failed to fetch');
    if (accepted && !accepted.includes(config.token ?? '')) throw refused();
    return {};
  };
  return { asked, probe };
}

describe('testConnection', () => {
  it('says a local engine with no token needs none', async () => {
    const t = target();
    const result = await testConnection(state('local'), t.probe);
    expect(result).toMatchObject({ ok: true, verdict: 'no-token-needed' });
    expect(result.message).toBe('Local engine reachable; it needs no token.');
  });

  it('does not credit a token the local engine never needed', async () => {
    const t = target();
    const result = await testConnection(state('local', 'mine'), t.probe);
    expect(result.verdict).toBe('no-token-needed');
    expect(t.asked).toEqual([LOCAL_PLACEHOLDER_TOKEN]);
  });

  it('tells needs-token, token works and token refused apart on a guarded engine', async () => {
    expect((await testConnection(state('local'), target(['right']).probe)).verdict).toBe(
      'needs-token',
    );
    expect((await testConnection(state('local', 'right'), target(['right']).probe)).message).toBe(
      'Connected to Local engine; the token works.',
    );
    const wrong = await testConnection(state('local', 'wrong'), target(['right']).probe);
    expect(wrong).toMatchObject({ ok: false, verdict: 'token-refused' });
    expect(wrong.message).toMatch(/^Local engine: Token refused\. The specified token is invalid/);
  });

  it("words the studio's stand-in when the refusal's body said nothing, never its code", async () => {
    const silent = async () => {
      // What the client makes of a 401 whose body names the code alone (error-response.ts).
      const res = new Response(JSON.stringify({ error: { code: 'invalid_token' } }), {
        status: 401,
        headers: { 'content-type': 'application/json' },
      });
      throw await errorFromResponse(res);
    };
    const result = await testConnection(state('local', 'wrong'), silent);
    expect(result.verdict).toBe('token-refused');
    expect(result.message).toContain('The specified token is invalid or wrong.');
    expect(result.message).not.toContain('api.code');
  });

  it('asks AceData for nothing without a token, and says why', async () => {
    const t = target();
    const result = await testConnection(state('acedata'), t.probe);
    expect(result.message).toBe('AceData needs a token: paste it above first.');
    expect(t.asked).toEqual([]);
  });

  it('says when the target cannot be reached', async () => {
    const result = await testConnection(state('acedata', 'tok'), target(undefined, true).probe);
    expect(result).toMatchObject({ ok: false, verdict: 'unreachable' });
  });
});
