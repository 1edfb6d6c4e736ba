import { describe, expect, it } from 'vitest';
import { i18n } from '@lingui/core';
import { activateLocale } from '../../i18n/activate';
import { say } from '../../i18n/say';
import { finalBody, sendJson } from '../../api/fixtures/fake-imagine-server';
import { jobKinds } from '../../kinds/registry';
import { testRunners } from '../fixtures/test-runner';
import { waitForJob as waitFor } from '../fixtures/wait-for-job';
import { createKindRegistry } from '../kind';

const runners = testRunners('bug-guard');

describe('runner: a bug in the studio', () => {
  it('fails the job with a code and what was thrown as data, worded in the active language', async () => {
    const all = jobKinds();
    const imagine = all.get(all.fallback)!;
    // A kind that breaks on the reply: the machine throws mid-transition.
    const broken = {
      ...imagine,
      settle: () => {
        throw new TypeError('x is undefined');
      },
    };
    const server = await runners.fake();
    server.onImagine = ({ res }) => sendJson(res, 200, finalBody(server.url, 't-1'));
    const { store, runner } = runners.openBareTab(server, {
      kinds: createKindRegistry([broken], imagine.name),
      delivery: 'wait',
      token: 'sk-bug-guard-1234',
    });
    const id = runner.submit({ prompt: 'a lighthouse' });
    const job = await waitFor(store, id, (j) => j.status === 'failed');
    expect(job.error).toMatchObject({
      kind: 'invalid',
      reason: { code: 'job.bug', params: { error: 'TypeError: x is undefined' } },
    });
    expect(job.error?.message).toBeUndefined();
    expect(say(job.error?.reason, i18n)).toBe(
      'The studio failed on this job: TypeError: x is undefined',
    );
    await activateLocale('zh-CN');
    try {
      expect(say(job.error?.reason, i18n)).toMatch(/^[\u4e00-\u9fff].*TypeError: x is undefined$/);
    } finally {
      await activateLocale('en');
    }
  });
});
