/** The words of the videos kind's own messages; registered through its entry. */
import { msg } from '@lingui/core/macro';
import type { Words } from '../../api/words';

/** Every message code of the videos kind. */
export type VideosCode =
  | 'videos.failed'
  | 'videos.failed-code'
  | 'videos.no-clips'
  | 'videos.reply-ended'
  | 'videos.reply-ended-at';

/** Words of every videos code. */
export const words = {
  'videos.failed': () => msg`The video task failed.`,
  'videos.failed-code': ({ code = '' }) => msg`The video task failed (${code}).`,
  'videos.no-clips': () => msg`The video task finished without clips.`,
  'videos.reply-ended': () => msg`The reply ended before the clips were ready`,
  'videos.reply-ended-at': ({ progress = '' }) =>
    msg`The reply ended at ${progress}% before the clips were ready`,
} satisfies Record<VideosCode, Words>;
