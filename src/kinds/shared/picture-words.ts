/**
 * The words of the picture kinds' own messages (imagine and edits settle through
 * `picture-task.ts`); registered through each picture kind's entry.
 */
import { msg } from '@lingui/core/macro';
import type { Words } from '../../api/words';

/** Every message code of the picture kinds. */
export type PictureCode = 'picture.no-image';

/** Words of every picture code. */
export const words = {
  'picture.no-image': () => msg`The task finished without an image.`,
} satisfies Record<PictureCode, Words>;
