/**
 * Newline-delimited JSON reader for streamed imagine replies (`accept: application/x-ndjson`).
 * Works on any `ReadableStream<Uint8Array>` (a fetch body in the browser or Node).
 */
import { ApiError, toApiError } from './errors';
import { apiMsg } from './api-codes';

/** How much of a bad line an error message quotes. */
const QUOTE_MAX = 120;

/**
 * The longest line read (in characters). An imagine line is a few hundred characters of ids and
 * links; a service that never sends a newline must not grow one string until the tab runs out of
 * memory.
 */
export const MAX_LINE_CHARS = 8 * 1024 * 1024;

/** Options of `readNdjson`. */
export interface NdjsonOptions {
  /** Longest line accepted, in characters (default `MAX_LINE_CHARS`). */
  maxLineChars?: number;
}

function quote(line: string): string {
  return line.length > QUOTE_MAX ? `${line.slice(0, QUOTE_MAX)}…` : line;
}

function abortedError(signal: AbortSignal): ApiError {
  return new ApiError('aborted', 'The request was cancelled.', {
    cause: signal.reason,
    reason: apiMsg('api.cancelled'),
  });
}

/**
 * Yields one parsed JSON value per non-blank line of `body`.
 *
 * UTF-8 is decoded across chunk borders, a trailing `\r` (CRLF) is dropped, a final line without
 * a newline still counts. A line that is not JSON throws `ApiError('invalid')` naming the line
 * number and text; a line longer than `maxLineChars` throws `invalid` too; a broken connection
 * throws `network`; `signal` firing throws `aborted`. On abort, error or early `return` the
 * stream is cancelled and its reader released.
 */
export async function* readNdjson(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
  options: NdjsonOptions = {},
): AsyncGenerator<unknown> {
  const maxLine = options.maxLineChars ?? MAX_LINE_CHARS;
  if (signal?.aborted) throw abortedError(signal);
  const reader = body.getReader();
  // Cancelling resolves a pending read() with done, so an abort wakes us even when the body's
  // producer (not tied to this signal) stays silent.
  const onAbort = () => void reader.cancel(signal?.reason).catch(() => {});
  signal?.addEventListener('abort', onAbort, { once: true });

  const decoder = new TextDecoder('utf-8');
  let partial = '';
  let lineNo = 0;
  let finished = false;

  function tooLong(): ApiError {
    return new ApiError(
      'invalid',
      `Line ${lineNo + 1} of the stream is longer than ${maxLine} characters: not an imagine line.`,
      { reason: apiMsg('api.line-too-long', { line: lineNo + 1, max: maxLine }) },
    );
  }

  function parse(raw: string): { value: unknown } | undefined {
    if (raw.length > maxLine + 1) throw tooLong();
    lineNo += 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return undefined;
    try {
      return { value: JSON.parse(line) };
    } catch (cause) {
      const text = quote(line);
      throw new ApiError('invalid', `Line ${lineNo} of the stream is not valid JSON: ${text}`, {
        cause,
        reason: apiMsg('api.line-not-json', { line: lineNo, text }),
      });
    }
  }

  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (err) {
        throw toApiError(err, signal);
      }
      if (signal?.aborted) throw abortedError(signal);
      if (chunk.done) break;

      const text = decoder.decode(chunk.value, { stream: true });
      // Only the new text is searched, so a long line arriving in many chunks stays linear.
      let nl = text.indexOf('\n');
      if (nl === -1) {
        partial += text;
        if (partial.length > maxLine + 1) throw tooLong();
        continue;
      }
      let start = 0;
      let raw = partial + text.slice(0, nl);
      partial = '';
      for (;;) {
        const parsed = parse(raw);
        if (parsed) {
          yield parsed.value;
          if (signal?.aborted) throw abortedError(signal);
        }
        start = nl + 1;
        nl = text.indexOf('\n', start);
        if (nl === -1) break;
        raw = text.slice(start, nl);
      }
      partial = text.slice(start);
      if (partial.length > maxLine + 1) throw tooLong();
    }

    const last = parse(partial + decoder.decode());
    finished = true;
    if (last) yield last.value;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!finished) void reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
