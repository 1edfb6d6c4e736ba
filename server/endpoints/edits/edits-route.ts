/**
 * `POST /midjourney/edits` (reference other-endpoints §1): fetch the image (size-limited, link
 * expiry honoured, the engine's own attachments read from the store), redraw it where the mask
 * is white exactly as `variation_region` does — or all of it without a mask — and answer a grid
 * that is stored like imagine's, so its U/V actions work. Delivered like imagine (wait, NDJSON
 * lines, async, callback) with the same faults; recorded as an `edits` task (the reference's
 * guess for the type name). Stand-in rules for the UNCERTAIN points (§11): `image_url` and
 * `prompt` are required; only `action: generate`; the result carries the grid `actions`.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { GRID_ACTIONS } from '../../../src/api/contract';
import { editsRequestSchema } from '../../../src/kinds/edits/edits-contract';
import type { EngineContext } from '../../engine/context';
import { deriveSeed } from '../../engine/ids';
import { startJob } from '../../engine/run-job';
import { GRID_STEPS, TaskFailure, decodeMask, headerSize } from '../../engine/pictures/actions';
import type { Picture } from '../../engine/pictures/picture';
import { decodeImage } from '../../engine/pictures/pictures';
import { varyRegion } from '../../engine/pictures/pictures-variations';
import { readPrompt } from '../../engine/pictures/prompt-params';
import { deliver } from '../../http/deliver/deliver';
import { openRequest } from '../../http/open-request';
import { newTask } from '../../http/task-record';
import { selfUrlProblem } from '../../http/self-urls';
import { readImageAt } from '../../engine/read-image';
import type { Endpoint } from '../endpoint';

/** The longest side an edit works at (the provider's edit results are about 1,000 px). */
const EDIT_SIDE = 1024;

/** A white mask of the source's size: "edit everything" when no mask is sent. */
async function wholeMask(p: Picture): Promise<Buffer> {
  return sharp({
    create: { width: p.width, height: p.height, channels: 3, background: '#ffffff' },
  })
    .png()
    .toBuffer();
}

/** Answer an edits request (auth already checked). */
export async function edits(ctx: EngineContext, req: Request, url: URL, trace: string) {
  const opened = await openRequest(ctx, req, trace, editsRequestSchema, {
    prompt: { field: 'prompt', named: 'The prompt' },
    callback: true,
  });
  if (!opened.ok) return opened.response;
  const { fault, data, raw, traceId, bad } = opened;
  if (!data.image_url) return bad('image_url is required');
  if (!data.prompt?.trim()) return bad('prompt is required');
  if ((data.action ?? 'generate') !== 'generate')
    return bad(`action must be generate for edits; got ${data.action}`);
  const self = selfUrlProblem(ctx, req, [
    { field: 'image_url', url: data.image_url },
    { field: 'callback_url', url: data.callback_url, callback: true },
  ]);
  if (self) return bad(self);
  const imageUrl = data.image_url;
  const prompt = data.prompt;
  const reading = readPrompt(prompt);
  const text = reading.ok ? reading.plan.text : prompt;

  const task = newTask(ctx, 'edits', raw, traceId);
  const work = {
    action: 'edits',
    steps: GRID_STEPS,
    kind: 'grid' as const,
    actions: GRID_ACTIONS,
    text,
    prompt,
    prepare: async () => {
      if (!reading.ok) throw new TaskFailure('bad_request', reading.message);
      const bytes = await readImageAt(ctx, imageUrl);
      const size = (await headerSize(bytes))!;
      let mask: Buffer | undefined;
      if (data.mask) {
        const decoded = await decodeMask(data.mask, { imageId: 'image_url', ...size }, ctx.limit);
        if (typeof decoded === 'string') throw new TaskFailure('bad_request', decoded);
        mask = decoded;
      }
      const source = await ctx.limit(async () =>
        decodeImage(
          await sharp(bytes)
            .autoOrient()
            .resize(EDIT_SIDE, EDIT_SIDE, { fit: 'inside', withoutEnlargement: true })
            .png()
            .toBuffer(),
        ),
      );
      const region = mask ?? (await wholeMask(source));
      const hash = (b: Buffer): string => createHash('sha1').update(b).digest('hex');
      const seed = deriveSeed(reading.plan.seed, 'edits', hash(bytes));
      const redo = (s: number): Promise<Picture> => varyRegion(source, region, s);
      return {
        seed,
        key: `edits|${hash(bytes)}|${hash(region)}|${seed}`,
        draw: () => redo(seed),
        redo,
      };
    },
  };
  const job = startJob(
    ctx,
    { task, work, origin: url.origin, split: data.split_images === true },
    fault,
  );
  return deliver(ctx, req, job, fault, {
    async: data.async,
    callbackUrl: data.callback_url,
    timeoutS: 480,
    streams: true,
  });
}

/** The registry's entry. */
export const editsEndpoint: Endpoint = { name: 'edits', handle: edits };
