/**
 * The eviction notice (`evictedMessage` in evicted-message.ts, written in English by the jobs layer) in the person's
 * language: its counts are read back from the English sentence and said again, so the notice a
 * tab raised follows a change of language like everything else on screen.
 */
import type { I18n } from '@lingui/core';
import { msg, plural } from '@lingui/core/macro';

const EVICTED =
  /^Storage was full, so (?:(\d+) older video clips?)?(?: and )?(?:(\d+) older kept pictures? \((?:(read directly from the picture host)|(read through the studio server)|(\d+) read directly, (\d+) through the studio server)\))?(?: with (\d+) thumbnails?)? (?:was|were) removed from this device\.([\s\S]*)$/;

const TAIL = ' Their jobs are kept; they load from the service while its links last.';

/** The eviction notice in the language of `i18n`, or undefined when `text` is not one. */
export function evictedText(text: string, i18n: I18n): string | undefined {
  const m = EVICTED.exec(text);
  if (!m) return undefined;
  const clips = Number(m[1] ?? 0);
  const images = Number(m[2] ?? 0);
  const relayed = m[3] ? 0 : m[4] ? images : Number(m[6] ?? 0);
  const thumbs = Number(m[7] ?? 0);
  const tail = m[8] ?? '';
  if (clips + images === 0) return undefined;
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
  const rest =
    tail === TAIL
      ? i18n._(msg` Their jobs are kept; they load from the service while its links last.`)
      : tail;
  return head + rest;
}
