/**
 * A message of the studio's own as data: a code and its parameters, never a sentence. Records
 * (IndexedDB, history files) and errors carry these; words are chosen only where they are shown,
 * from the catalogs, in the active language (`kinds/say.ts`). A parameter is data (a provider's
 * words, a browser's error text, a number) or a nested message ("Could not check: {error}").
 */
export interface Msg {
  code: string;
  params?: Record<string, string | number | Msg>;
}

/** True for a {@link Msg} (a plain string is data: a provider's words, shown as they are). */
export function isMsg(x: unknown): x is Msg {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as { code?: unknown }).code === 'string' &&
    !Array.isArray(x)
  );
}

/** A message; params with an undefined value are left out. */
export function message(
  code: string,
  params?: Record<string, string | number | Msg | undefined>,
): Msg {
  if (!params) return { code };
  const kept: Record<string, string | number | Msg> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) kept[k] = v;
  return Object.keys(kept).length ? { code, params: kept } : { code };
}

/**
 * A failure the studio words itself, thrown and shown (an import refused, a download not
 * possible): its `reason` is worded where it is shown; its `message` is the code, for logs.
 */
export class MessageError extends Error {
  readonly reason: Msg;

  constructor(reason: Msg) {
    super(reason.code);
    this.name = 'MessageError';
    this.reason = reason;
  }
}

/** What a thrown value says: the studio's message when it carries one, else its own text. */
export function reasonOf(err: unknown): Msg | string {
  if (err && typeof err === 'object' && isMsg((err as { reason?: unknown }).reason)) {
    return (err as { reason: Msg }).reason;
  }
  return err instanceof Error ? err.message : String(err);
}
