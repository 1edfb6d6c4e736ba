import { describe, expect, it } from 'vitest';
import { errorBodySchema } from '../api/contract';
import { endpointTaskSchema, taskNotFoundSchema } from '../api/contract-tasks';
import * as bodies from '../api/fixtures/endpoint-bodies';
import { describeRequestSchema, describeResponseSchema } from './describe/describe-contract';
import { editsRequestSchema, editsResponseSchema } from './edits/edits-contract';
import { seedRequestSchema, seedResponseSchema } from './seed/seed-contract';
import { shortenRequestSchema, shortenResponseSchema } from './shorten/shorten-contract';
import { translateRequestSchema, translateResponseSchema } from './translate/translate-contract';
import { videosRequestSchema, videosResponseSchema } from './videos/videos-contract';

const parse = (text: string): unknown => JSON.parse(text);

describe('endpoint contract: the provider’s own bodies', () => {
  it('edits: success, callback and the immediate body', () => {
    const ok = editsResponseSchema.parse(parse(bodies.EDITS_SUCCESS));
    expect(ok.image_id).toBe('1391372193836826624');
    expect([ok.image_width, ok.image_height, ok.raw_image_width]).toEqual([960, 1200, 960]);
    expect(ok.sub_image_urls).toHaveLength(4);
    expect(ok.actions).toBeUndefined();
    expect(editsResponseSchema.parse(parse(bodies.EDITS_CALLBACK)).task_id).toBe(
      'b8b7fdc2-628e-40dd-bc0c-671c3ddac9e9',
    );
    expect(editsResponseSchema.parse(parse(bodies.EDITS_ACCEPTED)).task_id).toBe(
      'b8b7fdc2-628e-40dd-bc0c-671c3ddac9e9',
    );
  });

  it('videos: generate, extend, callback and the immediate body', () => {
    const gen = videosResponseSchema.parse(parse(bodies.VIDEOS_GENERATE));
    expect(gen.video_id).toBe('1751816807896311');
    expect(gen.video_urls?.[3]).toBe(
      'https://storage.fonedis.cc//video/1c67c36c-8177-4f19-ad72-1dc1567265a6/0_3.mp4',
    );
    expect([gen.image_width, gen.image_height, gen.progress]).toEqual([560, 688, 100]);
    expect(videosResponseSchema.parse(parse(bodies.VIDEOS_EXTEND)).video_id).toBe(
      '1751818094559027',
    );
    expect(videosResponseSchema.parse(parse(bodies.VIDEOS_CALLBACK)).task_id).toBe(
      'b726a27a-f379-4d91-b569-cfe4b7b299ee',
    );
    expect(videosResponseSchema.parse(parse(bodies.VIDEOS_ACCEPTED)).video_urls).toBeUndefined();
  });

  it('describe, seed, translate and shorten bodies', () => {
    const d = describeResponseSchema.parse(parse(bodies.DESCRIBE_SUCCESS));
    expect(d.descriptions).toHaveLength(4);
    for (const s of d.descriptions) expect(s.endsWith(' --ar 75:3')).toBe(true);
    expect(seedResponseSchema.parse(parse(bodies.SEED_SUCCESS)).seed).toBe('1515630083539206144');
    expect(translateResponseSchema.parse(parse(bodies.TRANSLATE_SUCCESS_SPEC)).content).toBe(
      'Exquisite, flawless, pure white angel.',
    );
    expect(translateResponseSchema.parse(parse(bodies.TRANSLATE_SUCCESS_GUIDE)).content).toBe(
      'Exquisite, flawless, pure white angel',
    );
    const s = shortenResponseSchema.parse(parse(bodies.SHORTEN_SUCCESS));
    expect(s.prompts).toHaveLength(5);
    expect(s.prompts[3]).toBe(
      'sunrise over a misty mountain lake, rich golden hour photography --ar 16:9 --style raw',
    );
  });

  it('error bodies: the guides’ example and Nexior’s failed describe', () => {
    expect(errorBodySchema.parse(parse(bodies.GENERIC_ERROR))).toMatchObject({
      success: false,
      error: { code: 'api_error', message: 'fetch failed' },
    });
    const failed = parse(bodies.DESCRIBE_FAILED_NEXIOR);
    expect(describeResponseSchema.safeParse(failed).success).toBe(false);
    expect(errorBodySchema.safeParse(failed).success).toBe(true);
  });

  it('task records: the spec’s, the constructed videos/describe ones, and not-found', () => {
    const spec = endpointTaskSchema.parse(parse(bodies.TASK_RECORD_OAS));
    expect([spec.id, spec.elapsed, spec.finished_at]).toEqual([
      '42b2ab0f-5676-453b-bd23-9ee001b888ae',
      15.029000043869019,
      1710088740.098,
    ]);
    const video = endpointTaskSchema.parse(parse(bodies.VIDEOS_TASK_CONSTRUCTED));
    expect(video.type).toBe('videos');
    expect(videosResponseSchema.parse(video.response).video_urls).toHaveLength(4);
    const desc = endpointTaskSchema.parse(parse(bodies.DESCRIBE_TASK_CONSTRUCTED));
    expect(describeRequestSchema.parse(desc.request).image_url).toBe(
      'https://cdn.acedata.cloud/kg7xp3.png',
    );
    expect(describeResponseSchema.parse(desc.response).descriptions).toHaveLength(4);
    expect(taskNotFoundSchema.safeParse(parse(bodies.TASK_NOT_FOUND)).success).toBe(true);
    expect(taskNotFoundSchema.safeParse(parse(bodies.VIDEOS_ACCEPTED)).success).toBe(false);
  });
});

describe('endpoint contract: requests', () => {
  it('parses every documented request', () => {
    expect(editsRequestSchema.parse(parse(bodies.EDITS_REQUEST_GUIDE)).split_images).toBe(true);
    // MCP's JSON null means "no callback".
    expect(editsRequestSchema.parse(parse(bodies.EDITS_REQUEST_MCP)).callback_url).toBeNull();
    expect(videosRequestSchema.parse(parse(bodies.VIDEOS_REQUEST_GENERATE)).action).toBe(
      'generate',
    );
    expect(videosRequestSchema.parse(parse(bodies.VIDEOS_REQUEST_EXTEND)).video_index).toBe(1);
    expect(describeRequestSchema.parse(parse(bodies.DESCRIBE_REQUEST)).image_url).toContain(
      'kg7xp3',
    );
    expect(seedRequestSchema.parse(parse(bodies.SEED_REQUEST)).image_id).toBe(
      '1515630083539206144',
    );
    expect(translateRequestSchema.parse(parse(bodies.TRANSLATE_REQUEST)).content).toBe(
      '精致，无暇，洁白的天使',
    );
    expect(shortenRequestSchema.parse(parse(bodies.SHORTEN_REQUEST)).prompt).toMatch(/--v 6$/);
  });

  it('accepts the UNCERTAIN points both ways', () => {
    // extend with or without a prompt; no action at all (default UNCERTAIN).
    expect(videosRequestSchema.safeParse(parse(bodies.VIDEOS_REQUEST_EXTEND_SKILL)).success).toBe(
      true,
    );
    expect(videosRequestSchema.safeParse({ image_url: 'https://x/a.png' }).success).toBe(true);
    // mode relax: outside the spec enum, sent by Nexior.
    expect(videosRequestSchema.safeParse({ mode: 'relax' }).success).toBe(true);
    // edits without image_url or prompt parses; the engine decides what it requires.
    expect(editsRequestSchema.safeParse({ prompt: 'a cat' }).success).toBe(true);
    // seed as a string (spec) or a number.
    expect(seedResponseSchema.parse({ seed: 123 }).seed).toBe('123');
    // success / task_id / trace_id with or without.
    expect(
      describeResponseSchema.parse({ descriptions: ['a --ar 1:1'], success: true, task_id: 't' })
        .task_id,
    ).toBe('t');
    expect(shortenResponseSchema.safeParse({ prompts: [] }).success).toBe(true);
    // elapsed or duration.
    expect(endpointTaskSchema.parse({ id: 'x', duration: '3.5' }).duration).toBe(3.5);
  });

  it('rejects what is plainly wrong', () => {
    expect(videosRequestSchema.safeParse({ video_index: 4 }).success).toBe(false);
    expect(videosRequestSchema.safeParse({ resolution: '1080p' }).success).toBe(false);
    expect(describeRequestSchema.safeParse({}).success).toBe(false);
    expect(seedRequestSchema.safeParse({ image_id: '' }).success).toBe(false);
    expect(translateRequestSchema.safeParse({ content: 3 }).success).toBe(false);
    expect(
      shortenResponseSchema.safeParse({ prompts: ['a', 'b', 'c', 'd', 'e', 'f'] }).success,
    ).toBe(false);
    expect(seedResponseSchema.safeParse({ seed: 'abc' }).success).toBe(false);
  });
});

describe('a videos reply with a link that may not reach a src', () => {
  it('drops the link and names its field in refused_urls', () => {
    const videos = videosResponseSchema.parse({
      image_url: 'https://cdn.example/cover.png',
      video_urls: ['https://cdn.example/0.mp4', 'javascript:x'],
    });
    expect(videos.video_urls).toEqual(['https://cdn.example/0.mp4']);
    expect(videos.refused_urls).toEqual(['video_urls']);
  });
});
