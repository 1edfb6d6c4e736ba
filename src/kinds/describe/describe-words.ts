/** The words of the describe kind's own messages; registered through its entry. */
import { msg } from '@lingui/core/macro';
import type { Words } from '../../api/words';

/** Every message code of the describe kind. */
export type DescribeCode = 'describe.nothing';

/** Words of every describe code. */
export const words = {
  'describe.nothing': () => msg`The service described nothing.`,
} satisfies Record<DescribeCode, Words>;
