import { describe, expect, it } from 'vitest';
import { i18n } from '@lingui/core';
import { errorFromResponse, parseRetryAfter } from './error-response';
import { ApiError, isApiError, toApiError } from './errors';
import { reasonOf } from './message';
import { say } from '../i18n/say';

function response(body: string, status: number, headers: Record<string, string> = {}): Response {
  // No statusText: what HTTP/2 responses look like in a browser.
  return new Response(body, { status, headers });
}

describe('errorFromResponse', () => {
  it('fills in the reason phrase when the response carries none', async () => {
    const err = await errorFromResponse(response('<html><h1>502 Bad Gateway</h1></html>', 502));
    expect(err).toMatchObject({
      kind: 'http',
      status: 502,
      message: 'HTTP 502 Bad Gateway from the server',
    });
    expect(err.code).toBeUndefined();
  });

  it('uses the statusText the server sent', async () => {
    const err = await errorFromResponse(new Response('', { status: 500, statusText: 'Kaput' }));
    expect(err.message).toBe('HTTP 500 Kaput from the server');
  });

  it('appends a short plain-text body, but not a long one', async () => {
    expect((await errorFromResponse(response('upstream connect error', 503))).message).toBe(
      'HTTP 503 Service Unavailable from the server: upstream connect error',
    );
    expect((await errorFromResponse(response('x'.repeat(500), 503))).message).toBe(
      'HTTP 503 Service Unavailable from the server',
    );
  });

  it('reads message from a framework-style {detail} body and survives JSON that is not an object', async () => {
    expect((await errorFromResponse(response('{"detail":"Not Found"}', 404))).message).toBe(
      'Not Found',
    );
    expect((await errorFromResponse(response('[1,2]', 400))).message).toBe(
      'HTTP 400 Bad Request from the server',
    );
    expect((await errorFromResponse(response('"oops"', 400))).message).toBe(
      'HTTP 400 Bad Request from the server',
    );
  });

  it('takes a legacy object detail message, else the code default', async () => {
    const withDetail = await errorFromResponse(
      response('{"code":"disabled","detail":{"message":"Application disabled by admin"}}', 403),
    );
    expect(withDetail).toMatchObject({
      code: 'disabled',
      message: 'Application disabled by admin',
    });
    const bare = await errorFromResponse(response('{"code":"token_expired"}', 401));
    // The stand-in is the studio's: a code, worded where it is shown.
    expect(bare).toMatchObject({
      code: 'token_expired',
      reason: { code: 'api.code.token_expired' },
    });
    expect(say(reasonOf(bare), i18n)).toBe('The API token has expired.');
  });

  it('an unknown code without message falls back to the status line', async () => {
    const err = await errorFromResponse(response('{"error":{"code":"mystery"}}', 418));
    expect(err).toMatchObject({ code: 'mystery', message: 'HTTP 418 from the server' });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('toApiError', () => {
  it('classifies fetch failures', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
    });
    expect(toApiError(refused)).toMatchObject({
      kind: 'network',
      message: 'Could not reach the server: fetch failed (ECONNREFUSED)',
    });
    expect(toApiError(new DOMException('The operation was aborted.', 'AbortError')).kind).toBe(
      'aborted',
    );
    expect(toApiError(new DOMException('signal timed out', 'TimeoutError'))).toMatchObject({
      kind: 'network',
      message: 'The request timed out.',
    });
  });

  it('calls anything after the signal fired an abort, even a custom reason', () => {
    const ctrl = new AbortController();
    ctrl.abort('user closed the card');
    expect(toApiError('user closed the card', ctrl.signal).kind).toBe('aborted');
  });

  it('passes ApiErrors through untouched', () => {
    const e = new ApiError('task', 'boom', { code: 'bad_request' });
    expect(toApiError(e)).toBe(e);
  });
});

describe('isApiError', () => {
  it('recognises ApiErrors, also from another module copy, and nothing else', () => {
    expect(isApiError(new ApiError('http', 'x'))).toBe(true);
    const foreign = Object.assign(new Error('x'), { name: 'ApiError', kind: 'http' });
    expect(isApiError(foreign)).toBe(true);
    expect(isApiError(new Error('x'))).toBe(false);
    expect(isApiError({ name: 'ApiError', kind: 'http' })).toBe(false);
  });
});
