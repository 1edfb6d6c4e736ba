/**
 * Task records as the provider's own clients read them. The provider's MCP server
 * (AceDataCloud/MidjourneyMCP, `midjourney_get_task`) polls `POST /midjourney/tasks` and takes
 * `response.success === true` to mean the task is complete, `false` (or a failed `state`) to mean
 * it failed, and anything else to mean "keep polling"; its own tests treat a record without
 * `success` as pending. `mcpVerdict` below is that rule, word for word in effect.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../create-engine';
import { callJson, imagineWait, type Json } from '../fixtures/engine-test-kit';

type Verdict = 'complete' | 'failed' | 'pending';

/** What the provider's MCP server concludes from one task record. */
function mcpVerdict(record: Json): Verdict {
  const response = (record.response ?? {}) as Json;
  if (response.success === true) return 'complete';
  const state = String(record.state ?? '').toLowerCase();
  if (response.success === false || ['failed', 'error', 'cancelled', 'canceled'].includes(state))
    return 'failed';
  return 'pending';
}

let engine: Engine | undefined;
afterEach(() => engine?.close());

const retrieve = async (e: Engine, id: string): Promise<Json> =>
  (await callJson(e, '/midjourney/tasks', { action: 'retrieve', id })).body;

describe("the provider's MCP client polling the engine", () => {
  it('an imagine task reads as pending, with its progress and preview, until it is done; then its image takes actions', async () => {
    engine = createEngine({ paceMs: 25 });
    const { body: accepted } = await callJson(engine, '/midjourney/imagine', {
      prompt: 'a lighthouse in fog --seed 12',
      async: true,
    });
    const id = String(accepted.task_id);
    const pending: Json[] = [];
    let record = await retrieve(engine, id);
    while (mcpVerdict(record) === 'pending') {
      pending.push(record);
      await new Promise((resolve) => setTimeout(resolve, 5));
      record = await retrieve(engine, id);
    }
    // Progress and a preview were there to read while it ran …
    const progressed = pending.filter(
      (r) => typeof (r.response as Json | undefined)?.progress === 'number',
    );
    expect(progressed.length).toBeGreaterThan(0);
    for (const r of progressed) {
      const response = r.response as Json;
      expect(response.progress).toBeLessThan(100);
      expect(String(response.image_url)).toContain('/attachments/');
      expect(response).not.toHaveProperty('success');
    }
    // … and "complete" came only with the end, whose image the next action finds.
    expect(mcpVerdict(record)).toBe('complete');
    expect(record.response).toMatchObject({ progress: 100, success: true });
    const image = (record.response as Json).image_id;
    const upscaled = await imagineWait(engine, { action: 'upscale1', image_id: image });
    expect(upscaled).toMatchObject({ success: true, progress: 100 });
  });

  it('a videos task still making its clips reads as pending, not complete', async () => {
    engine = createEngine({ paceMs: 0 });
    const grid = await imagineWait(engine, { prompt: 'a slow river --seed 4' });
    // Stopped after its first progress line: the clips are never made, the task never ends.
    await callJson(engine, '/__engine/faults', { stall: true });
    const { body: accepted } = await callJson(engine, '/midjourney/videos', {
      image_url: grid.raw_image_url,
      async: true,
    });
    const id = String(accepted.task_id);
    let record = await retrieve(engine, id);
    while ((record.response as Json | undefined)?.progress === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      record = await retrieve(engine, id);
    }
    expect(record).toMatchObject({ state: 'generating', response: { progress: 10 } });
    expect(mcpVerdict(record)).toBe('pending');
  });
});
