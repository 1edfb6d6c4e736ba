/**
 * `POST /midjourney/seed` (reference other-endpoints §4): the seed an image was really drawn
 * with, answered synchronously; not recorded as a task (§7.4: no source shows it as one). Of the
 * injected faults only an HTTP error applies.
 */
import { seedRequestSchema } from '../../../src/kinds/seed/seed-contract';
import type { EngineContext } from '../../engine/context';
import { openRequest } from '../../http/open-request';
import { json } from '../../http/responses';
import type { Endpoint } from '../endpoint';
import { seedOf, withSeed, type FindSource } from './seed-of';

/**
 * Where an image's seed comes from: the request of the task that made it. An edits grid was
 * drawn with its record's seed from a fetched image, not from its prompt, so it stands as a
 * grid generated with that `--seed` (what `seedOf` then reads back).
 */
function findSource(ctx: EngineContext): FindSource {
  return (imageId) => {
    const image = ctx.store.getImage(imageId);
    const task = image && ctx.store.getTask(image.taskId);
    if (!image || !task) return undefined;
    if (task.type === 'edits')
      return { request: { action: 'generate', prompt: withSeed('edit', image.seed) } };
    return { request: task.request };
  };
}

/** Seed: the seed the image was really drawn with, as a decimal string. */
export async function seed(ctx: EngineContext, req: Request, trace: string) {
  const opened = await openRequest(ctx, req, trace, seedRequestSchema);
  if (!opened.ok) return opened.response;
  const { data, bad } = opened;
  const image = ctx.store.getImage(data.image_id);
  const task = image && ctx.store.getTask(image.taskId);
  if (!task)
    return bad(
      `Image ${data.image_id} is not known to the engine; send the image_id of a finished image`,
    );
  const answer = seedOf(findSource(ctx)(data.image_id)!.request, findSource(ctx));
  if (!answer.ok) return bad(answer.message);
  return json({ seed: String(answer.seed) });
}

/** The registry's entry. */
export const seedEndpoint: Endpoint = {
  name: 'seed',
  handle: (ctx, req, _url, trace) => seed(ctx, req, trace),
};
