/**
 * The eviction notice (`storage.evicted`, raised by `image-cache/room.ts` with its four counts)
 * in the person's language: which kinds of kept copies went, how the pictures had come, and how
 * many thumbnails went with them. Put together from several messages, so never stored.
 */
import type { I18n } from '@lingui/core';
import { msg, plural } from '@lingui/core/macro';
import type { WordParams } from '../api/words';

/** The eviction notice from its counts (`images`, `clips`, `relayed`, `thumbs`). */
export function evictedWords(p: WordParams, i18n: I18n): string {
  const clips = Number(p.clips ?? 0);
  const images = Number(p.images ?? 0);
  const relayed = Number(p.relayed ?? 0);
  const thumbs = Number(p.thumbs ?? 0);
  const parts: string[] = [];
  if (clips > 0)
    parts.push(
      i18n._(msg`${plural(clips, { one: '# older video clip', other: '# older video clips' })}`),
    );
  if (images > 0) {
    const pictures = i18n._(
      msg`${plural(images, { one: '# older kept picture', other: '# older kept pictures' })}`,
    );
    const direct = images - relayed;
    const how =
      relayed === 0
        ? i18n._(msg` (read directly from the picture host)`)
        : relayed === images
          ? i18n._(msg` (read through the studio server)`)
          : i18n._(msg` (${direct} read directly, ${relayed} through the studio server)`);
    parts.push(pictures + how);
  }
  const removed = parts.join(i18n._(msg` and `));
  const withThumbs =
    thumbs > 0
      ? i18n._(msg`${plural(thumbs, { one: ' with # thumbnail', other: ' with # thumbnails' })}`)
      : '';
  const head = i18n._(
    msg`${plural(clips + images, {
      one: `Storage was full, so ${removed}${withThumbs} was removed from this device.`,
      other: `Storage was full, so ${removed}${withThumbs} were removed from this device.`,
    })}`,
  );
  return head + i18n._(msg` Their jobs are kept; they load from the service while its links last.`);
}
