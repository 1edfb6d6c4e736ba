/**
 * What this browser keeps, every kind counted: readable picture copies in IndexedDB (read
 * directly from the CDN, or through the studio server's relay), their thumbnails, video clips
 * apart, and the service worker's opaque copies in Cache Storage. An opaque response's size is
 * hidden from the page (browsers pad it in the quota too), so those are counted, not weighed;
 * the browser's own estimate of the origin's usage is the honest total.
 */
import { i18n as activeI18n, type I18n } from '@lingui/core';
import { msg, plural } from '@lingui/core/macro';
import type { StudioDb } from '../repository/schema';
import { isClip } from './eviction';

/** A count and its bytes. */
export interface CountedBytes {
  count: number;
  bytes: number;
}

/** Every kind of kept copy in this browser. */
export interface KeptSummary {
  /** Readable picture copies (IndexedDB), with how many came each way. */
  pictures: CountedBytes & { direct: number; relay: number };
  /** Readable video clips (IndexedDB). */
  clips: CountedBytes;
  /** Tile-sized copies of kept pictures. */
  thumbnails: CountedBytes;
  /** Opaque copies in the offline cache (sizes unreadable), pictures and clips apart. */
  offline: { pictures: number; clips: number };
  /** `navigator.storage.estimate()` for this origin, when the browser gives one. */
  estimate: { usage: number; quota: number } | null;
}

/** What `keptSummary` reads. */
export interface KeptSummaryDeps {
  db: () => Promise<StudioDb>;
  /** The Cache Storage cache of opaque copies, when this page has one. */
  pictureCache?: () => Promise<Cache>;
  /** Default: `navigator.storage.estimate` where there is one. */
  estimate?: () => Promise<StorageEstimate>;
}

function browserEstimate(): Promise<StorageEstimate> | null {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  return typeof storage?.estimate === 'function' ? storage.estimate() : null;
}

/** Counts every kept copy (a cursor over IndexedDB's records; Cache Storage's keys only). */
export async function keptSummary(deps: KeptSummaryDeps): Promise<KeptSummary> {
  const summary: KeptSummary = {
    pictures: { count: 0, bytes: 0, direct: 0, relay: 0 },
    clips: { count: 0, bytes: 0 },
    thumbnails: { count: 0, bytes: 0 },
    offline: { pictures: 0, clips: 0 },
    estimate: null,
  };
  const db = await deps.db();
  const tx = db.transaction(['blobs', 'thumbs'], 'readonly');
  for await (const { value } of tx.objectStore('blobs')) {
    if (isClip(value.blob, value.url)) {
      summary.clips.count += 1;
      summary.clips.bytes += value.size;
    } else {
      summary.pictures.count += 1;
      summary.pictures.bytes += value.size;
      if (value.via === 'relay') summary.pictures.relay += 1;
      else summary.pictures.direct += 1;
    }
  }
  for await (const { value } of tx.objectStore('thumbs')) {
    summary.thumbnails.count += 1;
    summary.thumbnails.bytes += value.blob.size;
  }
  await tx.done;
  if (deps.pictureCache) {
    try {
      for (const request of await (await deps.pictureCache()).keys()) {
        // An opaque response has no readable type: the URL says whether it is a clip.
        if (isClip(new Blob(), request.url)) summary.offline.clips += 1;
        else summary.offline.pictures += 1;
      }
    } catch {
      // Cache Storage unreadable (a private window may refuse it): nothing counted there.
    }
  }
  try {
    const estimate = await (deps.estimate?.() ?? browserEstimate());
    if (estimate && typeof estimate.usage === 'number' && typeof estimate.quota === 'number')
      summary.estimate = { usage: estimate.usage, quota: estimate.quota };
  } catch {
    // No estimate: the counts stand on their own.
  }
  return summary;
}

/** Bytes as a person reads them: "912 KB", "18.2 MB", "1.4 GB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000 * 1000) return `${Math.max(bytes === 0 ? 0 : 1, Math.round(bytes / 1000))} KB`;
  if (bytes < 1000 * 1000 * 1000) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(1)} GB`;
}

type Say = I18n['_'];

/** "24 pictures (18.2 MB) · 6 in offline cache · 4 clips (9.1 MB)", kinds with nothing left out. */
function keptParts(s: KeptSummary, _: Say): string[] {
  const parts: string[] = [];
  if (s.pictures.count > 0) {
    const size = formatBytes(s.pictures.bytes);
    const n = s.pictures.count;
    parts.push(_(msg`${plural(n, { one: `# picture (${size})`, other: `# pictures (${size})` })}`));
  }
  const offline = s.offline.pictures + s.offline.clips;
  if (offline > 0) parts.push(_(msg`${plural(offline, { other: '# in offline cache' })}`));
  if (s.clips.count > 0) {
    const size = formatBytes(s.clips.bytes);
    const n = s.clips.count;
    parts.push(_(msg`${plural(n, { one: `# clip (${size})`, other: `# clips (${size})` })}`));
  }
  return parts;
}

/**
 * The one-line summary, e.g. "Kept copies: 24 pictures (18.2 MB) · 6 in offline cache · 4 clips
 * (9.1 MB)"; kinds with nothing kept are left out. In the language of `i18n` (the active one).
 */
export function keptSummaryLine(s: KeptSummary, i18n: I18n = activeI18n): string {
  const _: Say = i18n._.bind(i18n);
  const parts = keptParts(s, _).join(' · ');
  return parts ? _(msg`Kept copies: ${parts}`) : _(msg`Kept copies: none yet`);
}

/** The same line after storage ran short: "Still kept: 24 pictures (18.2 MB) · …". */
export function stillKeptLine(s: KeptSummary, i18n: I18n = activeI18n): string {
  const _: Say = i18n._.bind(i18n);
  const parts = keptParts(s, _).join(' · ');
  return parts ? _(msg`Still kept: ${parts}`) : _(msg`Still kept: none yet`);
}

/** The details behind the line: how each kind was kept, what cannot be weighed, the total. */
export function keptSummaryDetails(s: KeptSummary, i18n: I18n = activeI18n): string[] {
  const _: Say = i18n._.bind(i18n);
  const num = (n: number) => n.toLocaleString(i18n.locale);
  const details: string[] = [];
  if (s.pictures.count > 0) {
    const direct = num(s.pictures.direct);
    const relay = num(s.pictures.relay);
    const ways = [
      ...(s.pictures.direct > 0 ? [_(msg`${direct} read directly from the picture host`)] : []),
      ...(s.pictures.relay > 0 ? [_(msg`${relay} through the studio server`)] : []),
    ].join(_(msg`, `));
    details.push(_(msg`Pictures in this browser (readable, downloadable): ${ways}.`));
  }
  if (s.thumbnails.count > 0) {
    const n = s.thumbnails.count;
    const size = formatBytes(s.thumbnails.bytes);
    details.push(
      _(
        msg`${plural(n, {
          one: `Thumbnails for History: # thumbnail (${size}).`,
          other: `Thumbnails for History: # thumbnails (${size}).`,
        })}`,
      ),
    );
  }
  const offline = s.offline.pictures + s.offline.clips;
  if (offline > 0) {
    const pictures = _(
      msg`${plural(s.offline.pictures, { one: '# picture', other: '# pictures' })}`,
    );
    const kept =
      s.offline.clips > 0
        ? _(msg`${pictures} and ${plural(s.offline.clips, { one: '# clip', other: '# clips' })}`)
        : pictures;
    details.push(
      _(
        msg`Offline cache: ${kept}, kept as the picture host sent them; the browser does not let the studio read or weigh them, so they show but cannot be downloaded.`,
      ),
    );
  }
  if (s.estimate) {
    const usage = formatBytes(s.estimate.usage);
    const quota = formatBytes(s.estimate.quota);
    details.push(
      _(
        msg`This site uses ${usage} of the ${quota} the browser allows it (the browser's estimate, offline copies included and padded).`,
      ),
    );
  }
  return details;
}
