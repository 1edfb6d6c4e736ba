/**
 * Running a job: its work drawn under the render gate, as an async stream of progress lines that
 * ends in the final body, pumped into the job's event hub. Deliveries only listen to the hub, so
 * a client that goes away never stops the job.
 */
import { TaskFailure, type Work } from './pictures/actions';
import type { Picture } from './pictures/picture';
import { preview, quadrant, thumbnail } from './pictures/pictures';
import { sleep } from '../shared/sleep';
import { attachmentPath, fileOf, imageFields, linkTo } from './attachment-links';
import { cached, evict, type EngineContext, type Rendered } from './context';
import { stallAfterFirst, type FaultPlan } from './faults';
import { newImageId, slugOf } from './ids';
import { Job, type Body } from './job';
import type { TaskRecord } from './task-store';

const RENDER_CACHE_SIZE = 16;

/** How one job is run. */
export interface RunSpec {
  task: TaskRecord;
  work: Work;
  /** Origin of the links in its lines. */
  origin: string;
  /** Add `sub_image_urls` (the four quadrants) to a grid's final body. */
  split: boolean;
}

function checkOpen(ctx: EngineContext): void {
  if (ctx.closing.signal.aborted) throw new TaskFailure('api_error', 'The engine was closed.');
}

function untilClosed(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

async function shrink(p: Picture): Promise<Picture> {
  let small = p;
  while (Math.max(small.width, small.height) >= 1024) small = await thumbnail(small);
  return small;
}

/** The job's lines: one per preview step, then (returned) the final success body. */
async function* produce(ctx: EngineContext, spec: RunSpec): AsyncGenerator<Body, Body> {
  const { task, work, origin } = spec;
  const { store, limit } = ctx;
  const previews: string[] = [];
  const base = { task_id: task.id, trace_id: task.trace_id };
  try {
    const drawing = await work.prepare();
    checkOpen(ctx);
    const rendered = cached(ctx.renderCache, RENDER_CACHE_SIZE, drawing.key, () =>
      limit(async (): Promise<Rendered> => {
        const raw = await drawing.draw();
        const thumb = await thumbnail(raw);
        return { raw, thumb, small: await shrink(thumb) };
      }),
    );
    rendered.catch(() => undefined);
    for (const progress of work.steps.slice(0, -1)) {
      await sleep(ctx.pace, ctx.closing.signal);
      checkOpen(ctx);
      const { small } = await rendered;
      const pv = await cached(
        ctx.previewCache,
        RENDER_CACHE_SIZE * 8,
        `${drawing.key}|${progress}`,
        () => limit(() => preview(small, progress)),
      );
      checkOpen(ctx);
      const imageId = newImageId();
      const path = attachmentPath(task.id, imageId, `${task.id}_grid_0.webp`);
      const raw = { width: pv.rawWidth, height: pv.rawHeight };
      const thumb = { width: pv.thumbWidth, height: pv.thumbHeight };
      store.putFile(path, {
        taskId: task.id,
        final: false,
        raw: { bytes: pv.raw, type: 'image/webp', ...raw },
        thumb: { bytes: pv.thumb, type: 'image/webp', ...thumb },
      });
      previews.push(path);
      yield {
        ...imageFields(ctx, origin, path, imageId, raw, thumb),
        progress,
        actions: [],
        ...base,
        success: true,
      };
    }
    await sleep(ctx.pace, ctx.closing.signal);
    checkOpen(ctx);
    const { raw, thumb } = await rendered;
    const actions = work.actionsFor ? work.actionsFor(raw) : [...work.actions];
    const imageId = newImageId();
    const path = attachmentPath(task.id, imageId, `${slugOf(work.text)}.png`);
    store.putFile(path, { taskId: task.id, final: true, raw: fileOf(raw), thumb: fileOf(thumb) });
    const body: Body = {
      ...imageFields(ctx, origin, path, imageId, raw, thumb),
      progress: 100,
      actions: [...actions],
    };
    if (spec.split && work.kind === 'grid') {
      const parts = await limit(() =>
        Promise.all(([1, 2, 3, 4] as const).map((n) => quadrant(raw, n))),
      );
      body.sub_image_urls = parts.map((part, i) => {
        const subPath = attachmentPath(task.id, imageId, `0_${i}.png`);
        store.putFile(subPath, { taskId: task.id, final: true, raw: fileOf(part) });
        return linkTo(ctx, origin, subPath);
      });
    }
    store.putImage({
      imageId,
      taskId: task.id,
      seed: drawing.seed,
      kind: work.kind,
      actions,
      picture: raw,
      text: work.text,
      ...(work.prompt !== undefined ? { prompt: work.prompt } : {}),
      ...(drawing.redo ? { redo: drawing.redo } : {}),
      ...(drawing.upscaledFrom ? { upscaledFrom: drawing.upscaledFrom } : {}),
    });
    return { ...body, ...base, success: true };
  } finally {
    // Previews live only while their job runs (also when it fails or is abandoned).
    for (const p of previews) store.deleteFile(p);
  }
}

function failureBody(ctx: EngineContext, task: TaskRecord, err: unknown): Body {
  let failure: TaskFailure;
  if (err instanceof TaskFailure) failure = err;
  else {
    ctx.log(
      `task ${task.id} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
    );
    failure = new TaskFailure('api_error', 'Internal server error.');
  }
  return {
    success: false,
    task_id: task.id,
    trace_id: task.trace_id,
    error: { code: failure.code, message: failure.message },
  };
}

async function pump(ctx: EngineContext, job: Job, lines: AsyncGenerator<Body, Body>) {
  try {
    for (;;) {
      const next = await lines.next();
      if (next.done === true) {
        job.finish(next.value);
        return;
      }
      job.emitLine(next.value);
    }
  } catch (err) {
    job.finish(failureBody(ctx, job.task, err));
  }
}

/** Store the task and start its job; the returned job is its event hub. */
export function startJob(ctx: EngineContext, spec: RunSpec, fault: FaultPlan | null): Job {
  return startLines(ctx, spec.task, () => produce(ctx, spec), fault);
}

/**
 * Store the task and run any producer of lines as its job (a stall fault stops it after its
 * first line); used by jobs that are not pictures (videos).
 */
export function startLines(
  ctx: EngineContext,
  task: TaskRecord,
  make: () => AsyncGenerator<Body, Body>,
  fault: FaultPlan | null,
): Job {
  evict(ctx);
  ctx.store.addTask(task);
  const job = new Job(task, ctx.now);
  ctx.jobs.set(task.id, job);
  let lines = make();
  if (fault?.stall)
    lines = stallAfterFirst(lines, () => (job.stalled = true), untilClosed(ctx.closing.signal));
  const run = pump(ctx, job, lines).finally(() => {
    ctx.jobs.delete(task.id);
    ctx.runs.delete(task.id);
    evict(ctx);
  });
  ctx.runs.set(task.id, run);
  return job;
}
