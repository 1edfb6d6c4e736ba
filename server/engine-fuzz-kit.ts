/**
 * What the engine's fuzz tests share: random and mutated bodies, headers and content types as
 * fast-check arbitraries, and the check that an answer is well formed (an error in the
 * contract's shape, or a success that is valid).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { ENGINE_ADMIN_HEADER } from '../src/api/engine-admin';
import type { Engine } from './engine';
import { NDJSON, ORIGIN, type Json } from './engine-test-kit';

/** Cases per target. */
export const RUNS = 1000;
/** The token the fuzzed engines require. */
export const TOKEN = 'fuzz-token';

/** Printable ASCII of up to `max` characters. */
export const printable = (max: number) =>
  fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/x-ndjson',
];

/** Content types: the usual ones, random text, and (three times as often) `extra`. */
const contentTypeOf = (extra: readonly string[]) =>
  fc.option(
    fc.oneof(
      fc.constantFrom(...CONTENT_TYPES),
      printable(30),
      ...(extra.length ? [{ weight: 6, arbitrary: fc.constantFrom(...extra) }] : []),
    ),
  );

/** The right token most of the time (`rightWeight` of 10), so that cases reach the handlers. */
const authorizationOf = (rightWeight: number) =>
  fc.option(
    fc.oneof(
      { weight: rightWeight, arbitrary: fc.constant(`Bearer ${TOKEN}`) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('Bearer wrong', 'Basic Zm9vOmJhcg==', 'Bearer ', 'bearer x'),
      },
      { weight: 1, arbitrary: printable(40) },
    ),
    { freq: 10 },
  );
const accept = fc.option(
  fc.oneof(fc.constantFrom('application/json', NDJSON, '*/*'), printable(20)),
);
/** An `Origin` in `tenths` of ten cases; none is the engine's own (it listens nowhere here). */
const originOf = (tenths: number) =>
  fc.oneof(
    { weight: 10 - tenths, arbitrary: fc.constant(null) },
    { weight: tenths, arbitrary: fc.constantFrom(ORIGIN, 'https://evil.example', 'null') },
  );

/** A valid body of the route, with one field changed, removed or added. */
export function mutated(base: Json): fc.Arbitrary<unknown> {
  const keys = Object.keys(base);
  return fc.oneof(
    fc.constant(base),
    fc.record({ key: fc.constantFrom(...keys), value: fc.jsonValue() }).map(({ key, value }) => {
      // A new prompt text would draw a new picture; an unknown parameter fails the task first.
      const v = key === 'prompt' && typeof value === 'string' ? `${value} --fuzz` : value;
      return { ...base, [key]: v };
    }),
    fc.constantFrom(...keys).map((key) => {
      const copy = { ...base };
      delete copy[key];
      return copy;
    }),
    fc.record({ key: printable(12), value: fc.jsonValue() }).map(({ key, value }) => ({
      ...base,
      [key]: value,
    })),
  );
}

/** Body text: random bytes, random JSON, a mutated valid body, or one cut short. */
function bodyText(bases: Json[]): fc.Arbitrary<string | Uint8Array | undefined> {
  const valid = fc.constantFrom(...bases).chain(mutated);
  return fc.oneof(
    fc.constant(undefined),
    fc.uint8Array({ maxLength: 200 }).map((a) => new Uint8Array(a)),
    fc.json(),
    { weight: 3, arbitrary: valid.map((v) => JSON.stringify(v)) },
    fc
      .tuple(valid, fc.nat())
      .map(([v, n]) => JSON.stringify(v).slice(0, n % (JSON.stringify(v).length + 1))),
  );
}

/** No random object may set a token the test cannot know. */
function safeToken(text: string | Uint8Array | undefined): string | Uint8Array | undefined {
  if (typeof text !== 'string') return text;
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && 'token' in value) {
      const t = (value as Json).token;
      if (typeof t === 'string' && t !== '')
        return JSON.stringify({ ...(value as Json), token: TOKEN });
    }
  } catch {
    /* not JSON: left as it is */
  }
  return text;
}

/** One fuzzed request. */
export interface Case {
  method: string;
  path: string;
  body: string | Uint8Array | undefined;
  headers: Record<string, string>;
}

/** How `caseOf` builds its cases besides methods, paths and bases. */
export interface CaseOptions {
  /** Admin routes: the admin header is there most of the time (else every case stops at it). */
  admin?: boolean;
  /** Bodies besides the generated ones (pictures for uploads). */
  bodies?: fc.Arbitrary<string | Uint8Array>;
  /** Content types besides the usual ones. */
  contentTypes?: readonly string[];
  /** Weight of the right token among authorizations (default 1: a third of those sent). */
  rightToken?: number;
  /** How many cases in ten send an `Origin` (default 8; admin refuses a foreign one). */
  originTenths?: number;
}

/** Random requests to `paths` by `methods`, bodies mostly mutated from `bases`. */
export function caseOf(
  methods: string[],
  paths: fc.Arbitrary<string>,
  bases: Json[],
  options: CaseOptions = {},
): fc.Arbitrary<Case> {
  const body = options.bodies ? fc.oneof(bodyText(bases), options.bodies) : bodyText(bases);
  return fc
    .record({
      method: fc.constantFrom(...methods),
      path: paths,
      body,
      contentType: contentTypeOf(options.contentTypes ?? []),
      authorization: authorizationOf(options.rightToken ?? 1),
      accept,
      origin: originOf(options.originTenths ?? 8),
      // The right admin header most of the time; a wrong one or none now and then. (A value
      // drawn evenly from right and wrong stopped over half the cases at the door, and left the
      // "most cases reach the route" check to chance.)
      admin: options.admin
        ? fc.option(
            fc.oneof(
              { arbitrary: fc.constant('1'), weight: 8 },
              { arbitrary: fc.constant('yes'), weight: 1 },
            ),
            { freq: 9 },
          )
        : fc.constant(null),
    })
    .map((c) => {
      const headers: Record<string, string> = {};
      if (c.contentType !== null) headers['content-type'] = c.contentType;
      if (c.authorization !== null) headers.authorization = c.authorization;
      if (c.accept !== null) headers.accept = c.accept;
      if (c.origin !== null) headers.origin = c.origin;
      if (c.admin !== null) headers[ENGINE_ADMIN_HEADER] = c.admin;
      return { method: c.method, path: c.path, body: safeToken(c.body), headers };
    });
}

/** A schema the body of a success must satisfy. */
export interface Valid {
  safeParse(value: unknown): { success: boolean };
}

/**
 * Send a case in-process and check the answer is well formed: an error in the contract's shape,
 * or a success that `valid` takes (when given). Returns the status and error code.
 */
export async function check(
  engine: Engine,
  c: Case,
  valid?: Valid,
): Promise<{ status: number; code?: string }> {
  const hasBody = c.method !== 'GET' && c.method !== 'HEAD';
  const res = await engine.handle(
    new Request(`${ORIGIN}${c.path}`, {
      method: c.method,
      headers: c.headers,
      ...(hasBody && c.body !== undefined
        ? { body: typeof c.body === 'string' ? c.body : new Uint8Array(c.body) }
        : {}),
    }),
  );
  const text = await res.text();
  if (c.method === 'HEAD' || c.method === 'OPTIONS' || res.status === 204)
    return { status: res.status };
  const type = res.headers.get('content-type') ?? '';
  if (res.status >= 400) {
    const body = JSON.parse(text) as Json;
    const error = body.error as Json;
    expect(typeof error.code, text).toBe('string');
    expect(typeof error.message, text).toBe('string');
    expect(String(error.message).length).toBeGreaterThan(0);
    return { status: res.status, code: String(error.code) };
  }
  expect(res.status, text).toBeLessThan(300);
  if (type.startsWith('image/')) return { status: res.status };
  // A success: JSON, or NDJSON lines that each parse (and, given a schema, that it takes).
  for (const line of text.split('\n').filter((l) => l.trim())) {
    const body = JSON.parse(line) as unknown;
    if (valid) expect(valid.safeParse(body).success, line).toBe(true);
  }
  return { status: res.status };
}
