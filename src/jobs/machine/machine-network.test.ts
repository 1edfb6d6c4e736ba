import { beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../job';
import { imagineKind } from '../../kinds/imagine/imagine-kind';
import { transition } from './machine';
import { idleRun, type JobEvent, type Transition } from './types';
import { jobKinds } from '../../kinds/registry';
import { TEST_TUNING } from '../fixtures/machine-tuning';

// The kinds read answers and requests with the job schemas, which the runner loads first.
beforeAll(() => jobKinds().loadAll());

const tuning = TEST_TUNING;

/** One event through the machine with the browser online or not. */
function step(job: Job | undefined, event: JobEvent, online: boolean, at = 1000): Transition {
  return transition(job ? Object.freeze(structuredClone(job)) : undefined, event, {
    now: at,
    kind: imagineKind,
    run: idleRun(tuning),
    tuning,
    settings: { delivery: 'stream', mode: 'fast' },
    target: { name: 'local', baseUrl: '' },
    online,
  });
}

const submit: JobEvent = {
  type: 'submitted',
  id: 'job-1',
  traceId: 'trace-1',
  kind: 'imagine',
  request: { prompt: 'a cat' },
};
const kinds = (t: Transition) => t.effects.map((e) => e.type);

describe('machine: offline', () => {
  it('a job submitted offline is queued and says it waits for the network', () => {
    const t = step(undefined, submit, false);
    expect(t.job).toMatchObject({ status: 'queued', waitingFor: 'network' });
    expect(kinds(t)).toEqual(['save', 'enqueue']);
  });

  it('a slot while offline sends nothing: the job waits and gives its slot back', () => {
    const queued = step(undefined, submit, true).job!;
    const t = step(queued, { type: 'slot' }, false, 2000);
    expect(kinds(t)).not.toContain('send');
    expect(kinds(t)).toEqual(['save', 'end']);
    expect(t.job).toMatchObject({ status: 'queued', waitingFor: 'network' });
    expect(t.run.phase).toBe('idle');
  });

  it('back online the job is queued again, then sent exactly once', () => {
    const waiting = step(step(undefined, submit, false).job, { type: 'slot' }, false).job!;
    const back = step(waiting, { type: 'online' }, true, 3000);
    expect(kinds(back)).toEqual(['save', 'enqueue']);
    expect(back.job!.waitingFor).toBeUndefined();
    const sent = step(back.job, { type: 'slot' }, true, 3100);
    expect(sent.effects.filter((e) => e.type === 'send')).toHaveLength(1);
    expect(sent.job).toMatchObject({ status: 'running' });
    expect(sent.job!.waitingFor).toBeUndefined();
    // A second "online" (another tab, a flapping network) does not queue it again.
    expect(step(sent.job, { type: 'online' }, true, 3200).effects).toEqual([]);
  });

  it('online does nothing to a job that was not waiting', () => {
    const queued = step(undefined, submit, true).job!;
    expect(step(queued, { type: 'online' }, true).effects).toEqual([]);
  });
});
