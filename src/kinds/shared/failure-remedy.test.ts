import { describe, expect, it } from 'vitest';
import { canRetryHelp, failureStatus, isFixable } from './failure-remedy';

describe('failure remedies', () => {
  it('a refused task inside a 200 stream is fixable, not retried, and not "HTTP 200"', () => {
    const refused = {
      kind: 'task' as const,
      code: 'bad_request',
      status: 200,
      message: 'Unrecognized argument(s): --foo',
    };
    expect(isFixable(refused)).toBe(true);
    expect(canRetryHelp(refused)).toBe(false);
    expect(failureStatus(refused)).toBeUndefined();
  });

  it('retry is offered where it can help: 5xx, 429, network, lost', () => {
    for (const e of [
      { kind: 'http' as const, status: 500, message: 'x' },
      { kind: 'http' as const, status: 429, code: 'too_many_requests', message: 'x' },
      { kind: 'network' as const, message: 'x' },
      { kind: 'lost' as const, message: 'x' },
    ]) {
      expect(canRetryHelp(e)).toBe(true);
      expect(isFixable(e)).toBe(false);
    }
    expect(failureStatus({ kind: 'http', status: 429 })).toBe('HTTP 429');
  });

  it('a plain 400 is fixable', () => {
    expect(isFixable({ kind: 'http', status: 400, message: 'bad' })).toBe(true);
  });
});
