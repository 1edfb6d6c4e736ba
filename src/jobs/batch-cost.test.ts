import { beforeAll, describe, expect, it } from 'vitest';
import { imagineKind } from '../kinds/imagine/imagine-kind';
import { videosKind } from '../kinds/videos/videos-kind';
import type { JobKind, SendSettings } from './kind';
import { toStoredJob } from './job';
import { transition } from './machine/machine';
import { idleRun, type JobEvent } from './machine/types';
import { storedJobSchema } from '../storage/repository/stored-job-schema';
import { jobKinds } from '../kinds/registry';
import { TEST_TUNING } from './fixtures/machine-tuning';

beforeAll(() => jobKinds().loadAll());

const tuning = TEST_TUNING;

function submit(
  event: Partial<Extract<JobEvent, { type: 'submitted' }>>,
  settings: Partial<SendSettings> = {},
  kind: JobKind = imagineKind,
) {
  const out = transition(
    undefined,
    {
      type: 'submitted',
      id: 'job-1',
      traceId: 'trace-1',
      kind: kind.name,
      request: { prompt: 'a red bird' },
      ...event,
    },
    {
      now: 1000,
      kind,
      run: idleRun(tuning),
      tuning,
      settings: { delivery: 'stream', mode: 'fast', ...settings },
      target: { name: 'local', baseUrl: 'http://engine' },
    },
  );
  return out.job!;
}

describe('a job keeps its batch and its cost', () => {
  it('records the batch it was sent in', () => {
    const batch = { id: 'b-1', size: 4, index: 2 };
    expect(submit({ batch }).batch).toEqual(batch);
    expect(submit({}).batch).toBeUndefined();
  });

  it('records the relative cost of what it sends, with the mode Settings add', () => {
    expect(submit({}).cost).toBe(1);
    expect(submit({}, { mode: 'turbo' }).cost).toBe(2);
    expect(submit({ request: { prompt: 'a bird', hd: true } }).cost).toBe(4);
    expect(submit({ request: { image_url: 'https://x/a.png' } }, {}, videosKind).cost).toBe(25.6);
  });

  it('both survive storage and an exported file, and a bad batch is refused', () => {
    const job = submit({ batch: { id: 'b-1', size: 2, index: 1 } }, { mode: 'turbo' });
    const stored = storedJobSchema.parse(JSON.parse(JSON.stringify(toStoredJob(job))));
    expect(stored).toMatchObject({ batch: { id: 'b-1', size: 2, index: 1 }, cost: 2 });
    const bad = { ...toStoredJob(job), batch: { id: '', size: 0, index: -1 } };
    expect(storedJobSchema.safeParse(bad).success).toBe(false);
  });
});
