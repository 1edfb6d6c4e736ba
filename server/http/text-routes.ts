/**
 * `POST /midjourney/describe`, `/seed`, `/translate`, `/shorten` (reference other-endpoints
 * §3–§6): synchronous answers, JSON only. Describe reads the image's real pixels and is
 * recorded as a `describe` task (§3.4); seed, translate and shorten are not recorded (§7.4:
 * no source shows them as tasks). None of them streams, so of the injected faults only an HTTP
 * error applies (a drop, stall or malformed line has no stream to act on); describe waits one
 * pace step, as the provider takes a while to read an image.
 */
import {
  describeRequestSchema,
  seedRequestSchema,
  shortenRequestSchema,
  translateRequestSchema,
} from '../../src/api/contract-endpoints';
import { fetchImage } from '../engine/attachments';
import { evict, type EngineContext } from '../engine/context';
import type { TaskRecord } from '../engine/task-store';
import { MAX_REFERENCE_PIXELS, TaskFailure, headerSize } from '../pictures/actions';
import { readLook } from '../pictures/describe-image';
import { describePrompts } from '../text/describe';
import { seedOf, withSeed, type FindSource } from '../text/seed';
import { shortenPrompt } from '../text/shorten';
import { translatePrompt } from '../text/translate';
import { newTask, parseBody } from './endpoint-util';
import { errorResponse, json, sleep } from './http-util';
import { selfUrlProblem } from './self-urls';
import { MAX_PROMPT_CHARS } from './imagine-route';

/** An injected HTTP error for this request, if one is armed (other fault kinds do not apply). */
function injectedError(ctx: EngineContext, trace: string): Response | undefined {
  const fault = ctx.faults.take();
  if (!fault?.error) return undefined;
  return errorResponse(fault.error.code, fault.error.message, trace, fault.error.status);
}

/** The image at `url`, checked for size before anything is decoded; throws `TaskFailure`. */
export async function readImageAt(ctx: EngineContext, url: string): Promise<Buffer> {
  if (!/^https?:\/\/\S+$/i.test(url))
    throw new TaskFailure('bad_request', `image_url must be an http(s) URL; got ${url}`);
  let bytes: Buffer;
  try {
    bytes = await fetchImage(ctx, url);
  } catch (err) {
    throw new TaskFailure(
      'bad_request',
      `Cannot fetch image URL ${url}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const size = await headerSize(bytes);
  if (!size) throw new TaskFailure('bad_request', `Cannot read the image at ${url}`);
  if (size.width * size.height > MAX_REFERENCE_PIXELS)
    throw new TaskFailure(
      'bad_request',
      `The image at ${url} is ${size.width}×${size.height} pixels; at most ${MAX_REFERENCE_PIXELS} pixels (4096×4096) are read`,
    );
  return bytes;
}

function finishTask(ctx: EngineContext, task: TaskRecord, body: Record<string, unknown>): void {
  const now = ctx.now() / 1000;
  task.response = body;
  task.state = body.success === false ? 'failed' : 'finished';
  task.finished_at = now;
  task.duration = now - task.created_at;
}

/** Describe: four prompts from what the image's pixels show, recorded as a `describe` task. */
export async function describe(ctx: EngineContext, req: Request, trace: string) {
  const injected = injectedError(ctx, trace);
  if (injected) return injected;
  const parsed = await parseBody(req, describeRequestSchema, trace);
  if (!parsed.ok) return parsed.response;
  const { data, raw, traceId } = parsed;
  const self = selfUrlProblem(ctx, req, [{ field: 'image_url', url: data.image_url }]);
  if (self) return errorResponse('bad_request', self, traceId);
  const task = newTask(ctx, 'describe', raw, traceId);
  evict(ctx);
  ctx.store.addTask(task);
  task.state = 'generating';
  try {
    const bytes = await readImageAt(ctx, data.image_url);
    const look = await ctx.limit(() => readLook(bytes));
    await sleep(ctx.pace, ctx.closing.signal);
    const body = {
      descriptions: describePrompts(look),
      success: true,
      task_id: task.id,
      trace_id: traceId,
    };
    finishTask(ctx, task, body);
    return json(body);
  } catch (err) {
    const failure =
      err instanceof TaskFailure ? err : new TaskFailure('api_error', 'Cannot read the image.');
    const body = {
      success: false,
      task_id: task.id,
      trace_id: traceId,
      error: { code: failure.code, message: failure.message },
    };
    finishTask(ctx, task, body);
    return errorResponse(failure.code, failure.message, traceId, undefined, { task_id: task.id });
  }
}

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
  const injected = injectedError(ctx, trace);
  if (injected) return injected;
  const parsed = await parseBody(req, seedRequestSchema, trace);
  if (!parsed.ok) return parsed.response;
  const { data, traceId } = parsed;
  const image = ctx.store.getImage(data.image_id);
  const task = image && ctx.store.getTask(image.taskId);
  if (!task)
    return errorResponse(
      'bad_request',
      `Image ${data.image_id} is not known to the engine; send the image_id of a finished image`,
      traceId,
    );
  const answer = seedOf(findSource(ctx)(data.image_id)!.request, findSource(ctx));
  if (!answer.ok) return errorResponse('bad_request', answer.message, traceId);
  return json({ seed: String(answer.seed) });
}

function tooLong(field: string, text: string, traceId: string): Response | undefined {
  if (text.length <= MAX_PROMPT_CHARS) return undefined;
  return errorResponse(
    'bad_request',
    `${field} is ${text.length} characters long; the limit is ${MAX_PROMPT_CHARS}. Shorten it.`,
    traceId,
  );
}

/** Translate: Chinese prompt words to English (the offline glossary stand-in). */
export async function translate(ctx: EngineContext, req: Request, trace: string) {
  const injected = injectedError(ctx, trace);
  if (injected) return injected;
  const parsed = await parseBody(req, translateRequestSchema, trace);
  if (!parsed.ok) return parsed.response;
  const { data, traceId } = parsed;
  return (
    tooLong('content', data.content, traceId) ?? json({ content: translatePrompt(data.content) })
  );
}

/** Shorten: up to five shorter prompts keeping the important words and the `--params`. */
export async function shorten(ctx: EngineContext, req: Request, trace: string) {
  const injected = injectedError(ctx, trace);
  if (injected) return injected;
  const parsed = await parseBody(req, shortenRequestSchema, trace);
  if (!parsed.ok) return parsed.response;
  const { data, traceId } = parsed;
  return tooLong('prompt', data.prompt, traceId) ?? json({ prompts: shortenPrompt(data.prompt) });
}
