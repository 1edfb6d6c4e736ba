/**
 * The readable bytes of a final picture for Download (and for re-hosting it as an image prompt):
 * the kept blob first, then the link itself (a live link on a CDN that allows CORS), then the
 * studio server's relay. Where none can give bytes, the error says exactly why.
 */
import { MessageError } from '../../api/message';
import { storageMsg } from '../storage-codes';
import type { Persistence } from '../persistence/persistence';
import { isLinkExpired } from '../../prompt/link-expiry';
import { downloadRefusal, relayUrlFor } from './kept-copy';

/** What `keptBytes` needs. */
export interface KeptBytesDeps {
  persistence: Pick<Persistence, 'keptBlob' | 'keptCopy'>;
  /** The studio server's relay path, or null. */
  relay: string | null;
  fetch?: typeof fetch;
  now?: () => number;
}

/** The picture's bytes; throws an Error whose message says why none can be had. */
export async function keptBytes(deps: KeptBytesDeps, url: string): Promise<Blob> {
  const kept = await deps.persistence.keptBlob(url);
  if (kept) return kept;
  const doFetch = deps.fetch ?? ((input, init) => fetch(input, init));
  const expired = isLinkExpired(url, (deps.now ?? Date.now)());
  const sources = expired ? [] : [url];
  if (deps.relay && !expired) sources.push(relayUrlFor(deps.relay, url));
  let deadStatus = 0;
  for (const source of sources) {
    try {
      const res = await doFetch(source, { credentials: 'omit', referrerPolicy: 'no-referrer' });
      if (res.ok) return await res.blob();
      if (res.status === 404 || res.status === 410) deadStatus = res.status;
    } catch {
      // CORS refused or the network failed: the next source.
    }
  }
  const copy = await deps.persistence.keptCopy(url);
  const refusal = downloadRefusal(copy);
  if (refusal && copy.kind === 'none' && (expired || deadStatus))
    throw new MessageError(
      expired
        ? storageMsg('download.expired')
        : storageMsg('download.dead', { status: deadStatus }),
    );
  throw new MessageError(refusal ?? storageMsg('download.unreadable'));
}
