/**
 * Trace ids for submissions, apart from the client so the runner can name a job at once while the
 * client (and its schemas) load with the first call.
 */

/** A fresh trace id (UUID v4) for a submission, so it can be found in tasks if the reply is lost. */
export function newTraceId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts; a studio opened over plain http on a LAN lacks it.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
