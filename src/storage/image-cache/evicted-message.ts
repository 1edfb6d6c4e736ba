/** The notice after an eviction, in the jobs layer's English (translated where it is shown). */

/**
 * What one eviction (`room.ts`) removed: pictures and video clips counted apart, and how pictures
 * came. Declared here, where it is worded, so room imports its wording and nothing imports back.
 */
export interface Evicted {
  images: number;
  clips: number;
  /** Of `images`, how many had been read through the studio server's relay (the rest directly). */
  relayed?: number;
  /** Thumbnails removed with their pictures. */
  thumbs?: number;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** How the removed pictures had been kept, e.g. " (2 read directly, 1 through the studio server)". */
function picturesHow(images: number, relayed: number): string {
  if (relayed === 0) return ' (read directly from the picture host)';
  if (relayed === images) return ' (read through the studio server)';
  return ` (${images - relayed} read directly, ${relayed} through the studio server)`;
}

/**
 * The notice after an eviction, saying which kinds went: "Storage was full, so 1 older video clip
 * and 2 older kept pictures (read directly from the picture host) with 2 thumbnails were…".
 */
export function evictedMessage({ images, clips, relayed = 0, thumbs = 0 }: Evicted): string {
  const parts = [
    ...(clips > 0 ? [plural(clips, 'older video clip', 'older video clips')] : []),
    ...(images > 0
      ? [plural(images, 'older kept picture', 'older kept pictures') + picturesHow(images, relayed)]
      : []),
  ];
  const withThumbs = thumbs > 0 ? ` with ${plural(thumbs, 'thumbnail', 'thumbnails')}` : '';
  const verb = images + clips === 1 ? 'was' : 'were';
  return `Storage was full, so ${parts.join(' and ')}${withThumbs} ${verb} removed from this device. Their jobs are kept; they load from the service while its links last.`;
}
