import { describe, expect, it } from 'vitest';
import {
  ERROR_STATUS,
  GRID_ACTIONS,
  UPSCALED_ACTIONS,
  asyncAcceptedSchema,
  errorBodySchema,
  imagineResponseSchema,
  quadrantOf,
  taskBatchSchema,
  taskSchema,
} from './contract';
import * as bodies from './fixtures/guide-bodies';
import { isTaskFinished } from './task-state';

/** Final imagine bodies with their documented ids, sizes and action set. */
const FINAL_BODIES = [
  [
    'generate (guide)',
    bodies.GUIDE_GENERATE,
    '1bae3bec-3ac4-4180-a148-74ee6cb68b98',
    [1024, 2048],
    GRID_ACTIONS,
  ],
  [
    'generate (reference §3)',
    bodies.REFERENCE_GENERATE,
    '1bae3bec-3ac4-4180-a148-74ee6cb68b98',
    [1024, 2048],
    GRID_ACTIONS,
  ],
  [
    'variation2',
    bodies.GUIDE_VARIATION2,
    'f4961620-1104-409f-9dc1-ba3ed15c2f4d',
    [1024, 2048],
    GRID_ACTIONS,
  ],
  [
    'upscale4',
    bodies.GUIDE_UPSCALE4,
    '03f62b17-a6f1-4c8e-9b4d-1fc7bd5b1180',
    [512, 1024],
    UPSCALED_ACTIONS,
  ],
  [
    'image with prompt',
    bodies.GUIDE_IMAGE_WITH_PROMPT,
    '24a79e8b-a79d-471a-aef7-089dc0627ee8',
    [1456, 2912],
    GRID_ACTIONS,
  ],
  ['blend', bodies.GUIDE_BLEND, '891f2645-ee15-4c7b-ac24-d98163c8e57e', [1024, 2048], GRID_ACTIONS],
  [
    'variation_region',
    bodies.GUIDE_VARIATION_REGION,
    '6c9450d8-1c22-4f85-a527-e7a7bfb4a61b',
    [1024, 2048],
    GRID_ACTIONS,
  ],
  [
    'success callback (guide)',
    bodies.GUIDE_SUCCESS_CALLBACK,
    'f6e39eaf-652a-4bf5-a15c-79d8b143b80a',
    [1024, 2048],
    GRID_ACTIONS,
  ],
  [
    'success callback (reference §5)',
    bodies.REFERENCE_SUCCESS_CALLBACK,
    'f6e39eaf-652a-4bf5-a15c-79d8b143b80a',
    [1024, 2048],
    GRID_ACTIONS,
  ],
] as const;

describe('imagine responses from the docs parse with imagineResponseSchema', () => {
  it.each(FINAL_BODIES)('%s', (_name, text, taskId, [width, rawWidth], actions) => {
    const r = imagineResponseSchema.parse(JSON.parse(text));
    expect(r.success).toBe(true);
    expect(r.task_id).toBe(taskId);
    expect(r.progress).toBe(100);
    expect(r.image_width).toBe(width);
    expect(r.raw_image_width).toBe(rawWidth);
    expect(r.actions).toEqual(actions);
    expect(r.image_id).toMatch(/^\d{19}$/);
    expect(r.image_url).toMatch(/^https:\/\//);
  });

  it('the guide success callback is valid JSON as printed', () => {
    // The brief expected this body to be malformed (a missing quote/comma after image_url), to
    // be tested in a repaired form. In the guide as stored it parses as is, so no repair is made
    // and this test pins that; should a future copy of the guide break it, this fails loudly.
    expect(() => JSON.parse(bodies.GUIDE_SUCCESS_CALLBACK)).not.toThrow();
    expect(bodies.GUIDE_SUCCESS_CALLBACK).toContain('"image_url": "https://');
  });

  it('the three guide stream lines: progress 35 and 75 without actions, then 100 with the grid', () => {
    const lines = bodies.GUIDE_STREAM_LINES.map((l) => imagineResponseSchema.parse(JSON.parse(l)));
    expect(lines.map((l) => l.progress)).toEqual([35, 75, 100]);
    expect(lines.map((l) => l.actions)).toEqual([[], [], GRID_ACTIONS]);
    expect(new Set(lines.map((l) => l.task_id))).toEqual(
      new Set(['49589d2c-b6b3-4fbf-9f82-93068509c76f']),
    );
    // A different image per line; previews are 256/512 webp, the final PNG 1024/2048.
    expect(new Set(lines.map((l) => l.image_id)).size).toBe(3);
    expect(lines.map((l) => [l.image_width, l.raw_image_width])).toEqual([
      [256, 512],
      [256, 512],
      [1024, 2048],
    ]);
    expect(lines[0]!.image_url).toContain('_grid_0.webp');
  });

  it.each([
    ['guide', bodies.GUIDE_FAILURE_CALLBACK, 'Unrecognized argument(s): -c, x'],
    ['reference §5', bodies.REFERENCE_FAILURE_CALLBACK, 'Unrecognized argument(s): `-c`, `x`'],
  ])('failure callback (%s) keeps the provider message', (_name, text, message) => {
    const r = imagineResponseSchema.parse(JSON.parse(text));
    expect(r.success).toBe(false);
    expect(r.task_id).toBe('7ba0feaf-d20b-4c22-a35a-31ec30fc7715');
    expect(r.error).toEqual({ code: 'bad_request', message });
    expect(r.image_url).toBeUndefined();
  });

  it('accepts numbers sent as strings and rejects values that would mislead', () => {
    expect(imagineResponseSchema.parse({ image_width: '1024', progress: '35' })).toMatchObject({
      image_width: 1024,
      progress: 35,
    });
    expect(imagineResponseSchema.safeParse({ progress: 'half' }).success).toBe(false);
    expect(imagineResponseSchema.safeParse({ actions: 'upscale1' }).success).toBe(false);
    expect(imagineResponseSchema.safeParse({ success: 'true' }).success).toBe(false);
  });
});

describe('tasks bodies', () => {
  it('the retrieve example parses and counts as finished', () => {
    const task = taskSchema.parse(JSON.parse(bodies.REFERENCE_TASK_RETRIEVE));
    expect(task.id).toBe('7489df4c-ef03-4de0-b598-e9a590793434');
    expect(task.type).toBe('imagine');
    expect(task.created_at).toBe(1720364607.967);
    expect(task.finished_at).toBe(1720364637.404);
    expect(task.request).toEqual({
      mode: 'fast',
      prompt: 'A cat sitting on a table',
      action: 'generate',
    });
    expect(task.response?.actions).toEqual(GRID_ACTIONS);
    expect(task.response?.raw_image_url).toBe(
      'https://platform.cdn.acedata.cloud/midjourney/7489df4c-ef03-4de0-b598-e9a590793434.png',
    );
    // Fields the schema does not name survive (loose objects), e.g. job_id.
    expect((task as Record<string, unknown>).job_id).toBe('da317da6-f500-48e6-bf32-dd48b3e6f84f');
    expect(isTaskFinished(task)).toBe(true);
  });

  it('a pending task (no response, no finished_at) is not finished', () => {
    const raw = JSON.parse(bodies.REFERENCE_TASK_RETRIEVE) as Record<string, unknown>;
    delete raw.response;
    delete raw.finished_at;
    delete raw.duration;
    expect(isTaskFinished(taskSchema.parse(raw))).toBe(false);
  });

  it('a pending task whose response is its latest progress line is not finished', () => {
    const raw = JSON.parse(bodies.REFERENCE_TASK_RETRIEVE) as Record<string, unknown>;
    delete raw.finished_at;
    delete raw.duration;
    const response = raw.response as Record<string, unknown>;
    raw.response = { ...response, progress: 35, actions: [], success: true };
    expect(isTaskFinished(taskSchema.parse(raw))).toBe(false);
    // The other shape (the local engine's, and what the provider's MCP client expects): no
    // `success` at all until the task ends.
    const pending: Record<string, unknown> = { ...response, progress: 35, actions: [] };
    delete pending.success;
    raw.response = pending;
    expect(isTaskFinished(taskSchema.parse(raw))).toBe(false);
    // The same task once its final line is there (still no finished_at) has ended …
    raw.response = { ...response, progress: 100, success: true };
    expect(isTaskFinished(taskSchema.parse(raw))).toBe(true);
    // … and so has a failed one, whatever its progress.
    raw.response = { success: false, error: { code: 'bad_request', message: 'x' } };
    expect(isTaskFinished(taskSchema.parse(raw))).toBe(true);
  });

  it('the retrieve_batch shape parses', () => {
    const batch = taskBatchSchema.parse(JSON.parse(bodies.REFERENCE_TASK_BATCH));
    expect(batch.count).toBe(2);
    expect(batch.items.map((t) => t.id)).toEqual([
      '7489df4c-ef03-4de0-b598-e9a590793434',
      '7489df4c-ef03-4de0-b598-e9a590793434',
    ]);
  });

  it('a task without id is rejected', () => {
    expect(taskSchema.safeParse({ trace_id: 'x' }).success).toBe(false);
    expect(taskBatchSchema.safeParse({ count: 0 }).success).toBe(false);
  });
});

describe('error bodies', () => {
  it('the documented error with success:false parses', () => {
    const body = errorBodySchema.parse(JSON.parse(bodies.REFERENCE_ERROR_FETCH_FAILED));
    expect(body).toEqual({
      success: false,
      error: { code: 'api_error', message: 'fetch failed' },
      trace_id: '2cf86e86-22a4-46e1-ac2f-032c0f2a4e89',
    });
  });

  it.each(bodies.REFERENCE_ERROR_ROWS)('row $status: $body', ({ status, body }) => {
    const parsed = errorBodySchema.parse(JSON.parse(body));
    const code = (parsed as { error: { code: string } }).error.code;
    expect(ERROR_STATUS[code]).toBe(status);
  });

  it('the legacy top-level {code, detail} shape parses', () => {
    const body = errorBodySchema.parse(JSON.parse(bodies.REFERENCE_LEGACY_ERROR));
    expect(body).toMatchObject({ code: 'used_up', detail: expect.any(String) });
  });

  it('a body that is neither shape is rejected', () => {
    expect(errorBodySchema.safeParse({ message: 'nope' }).success).toBe(false);
    expect(errorBodySchema.safeParse({ success: true, error: { code: 'x' } }).success).toBe(false);
  });
});

describe('async accepted bodies', () => {
  it.each([
    [
      'without success',
      bodies.REFERENCE_ASYNC_ACCEPTED,
      'b8b7fdc2-628e-40dd-bc0c-671c3ddac9e9',
      undefined,
    ],
    ['with success', bodies.REFERENCE_ASYNC_ACCEPTED_WITH_SUCCESS, '27a1128f-…', true],
  ])('%s', (_name, text, taskId, success) => {
    const body = asyncAcceptedSchema.parse(JSON.parse(text));
    expect(body.task_id).toBe(taskId);
    expect(body.success).toBe(success);
  });

  it('requires a task_id', () => {
    expect(asyncAcceptedSchema.safeParse({ success: true }).success).toBe(false);
  });
});

describe('quadrantOf', () => {
  it('maps quadrant actions and nothing else', () => {
    expect(['upscale1', 'variation4', 'upscale_2x', 'reroll', 'upscale5'].map(quadrantOf)).toEqual([
      1,
      4,
      null,
      null,
      null,
    ]);
  });
});
