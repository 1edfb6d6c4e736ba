/**
 * The `edits` kind: `/midjourney/edits` edits an image (optionally inside a mask) with a prompt
 * and answers imagine's fields, with imagine's deliveries and task records (reference
 * other-endpoints §1). So it is imagine's kind on another path; its result is always a grid card,
 * with whatever actions the service offers (none in the guide's examples — UNCERTAIN).
 */
import { PATH as EDITS_PATH } from '../../kinds/edits/edits-contract';
import type { ImagineRequest } from '../../api/contract';
import { jobSchemas } from '../schemas';
import { imagineKind } from './imagine';
import type { JobKind, KindEvent } from './kind';

/** The edits kind. */
export const editsKind: JobKind = {
  ...imagineKind,
  name: 'edits',
  endpoint: EDITS_PATH,
  requestSchema: () => jobSchemas().editsRequest,

  async *send(client, body, { delivery, signal }): AsyncGenerator<KindEvent> {
    const { imagine } = await import('../../api/client');
    const opts = { delivery, signal, path: EDITS_PATH };
    for await (const event of imagine(client, body as ImagineRequest, opts)) {
      if (event.type === 'accepted') yield { type: 'accepted', taskId: event.taskId };
      else yield { type: event.type, response: event.response };
    }
  },

  card: () => 'grid',
};
