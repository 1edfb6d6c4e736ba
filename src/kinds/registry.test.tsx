// @vitest-environment jsdom
/**
 * The registry is the only list of endpoints: each entry is one folder `src/kinds/<name>/`, and a
 * new endpoint is that folder plus one line. A fake endpoint (fixtures/echo) added to the list is
 * run by the real runner on its own path and drawn by its own card, with nothing else changed.
 */
import 'fake-indexeddb/auto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { WithI18n } from '../i18n/testing';
import { testRunners } from '../jobs/fixtures/test-runner';
import { waitForJob } from '../jobs/fixtures/wait-for-job';
import { createJobsActions, jobsStore } from '../jobs/store';
import { createFeedWindow, FeedWindowContext } from '../features/feed/feed-window';
import { JobCard } from '../features/feed/job-card';
import { echoEntry } from './fixtures/echo/echo-entry';
import { jobKinds, KINDS } from './registry';
import { FeedActionsContext } from './shared/card-actions';
import { testFeedActions } from './shared/fixtures/test-actions';
import { entryOf } from './shared/kind-entry';

/** `src/kinds/…` (jsdom gives this file no `file:` URL to resolve against). */
const KINDS_DIR = join(process.cwd(), 'src', 'kinds');
const folder = (name: string) => join(KINDS_DIR, name);
const runners = testRunners('kind-registry');
afterEach(cleanup);

describe('the kind registry', () => {
  it.each(KINDS.map((e) => [e.name, e] as const))(
    '%s: one folder with its contract, entry and (if it runs as a job) kind and card',
    async (name, entry) => {
      expect(name).toMatch(/^[a-z]+$/);
      const files = readdirSync(folder(name));
      expect(files).toContain(`${name}-contract.ts`);
      expect(files).toContain(`${name}-entry.ts`);
      const module = (await import(`./${name}/${name}-entry.ts`)) as Record<string, unknown>;
      expect(module[`${name}Entry`]).toBe(entry);
      const contract = await entry.contract();
      expect(contract.PATH).toBe(`/midjourney/${name}`);
      if (entry.job) {
        expect(files).toContain(`${name}-kind.ts`);
        expect(entry.job.name).toBe(name);
        // The kind writes its path out (so zod stays out of the first load): the same one.
        expect(entry.job.endpoint).toBe(contract.PATH);
        expect(entry.card).toBeDefined();
        await expect(entry.card!.load()).resolves.toBeTypeOf('function');
      } else {
        // A plain tool: no card, and its one call in its folder.
        expect(entry.card).toBeUndefined();
        expect(files).toContain(`${name}-call.ts`);
      }
    },
  );

  it('lists every kind folder once, and only the job kinds reach the runner', () => {
    const names = KINDS.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    const folders = readdirSync(KINDS_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !['shared', 'fixtures'].includes(d.name))
      .map((d) => d.name);
    expect(folders.sort()).toEqual([...names].sort());
    expect(jobKinds().names().sort()).toEqual(['describe', 'edits', 'imagine', 'videos']);
    expect(existsSync(join(KINDS_DIR, 'fixtures', 'echo', 'echo-contract.ts'))).toBe(true);
  });

  it('a fake endpoint added to the list is sent to its own path and drawn by its own card', async () => {
    const server = await runners.fake();
    server.onPost = (path, body) =>
      path === '/midjourney/echo'
        ? { status: 200, body: { echo: `${String(body.text)}!` } }
        : undefined;
    // Without its line, the runner does not know it and nothing is sent.
    const without = runners.openTab(server, { delivery: 'wait', kinds: jobKinds(KINDS) });
    expect(() => without.runner.submit({ text: 'hi' }, { kind: 'echo' })).toThrow(/Unknown kind/);

    const entries = [...KINDS, echoEntry];
    const tab = runners.openTab(server, { delivery: 'wait', kinds: jobKinds(entries) });
    const id = tab.runner.submit({ text: 'hello' }, { kind: 'echo' });
    const done = await waitForJob(tab.store, id, (j) => j.status === 'done');
    expect(done.result?.data).toEqual({ echo: 'hello!' });
    const sent = server.requests.filter((r) => r.method === 'POST');
    expect(sent.map((r) => [r.path, r.body])).toEqual([['/midjourney/echo', { text: 'hello' }]]);

    // The feed reads the tab's jobs store: the finished job is in it, as the runner leaves it.
    createJobsActions(jobsStore).merge([done]);
    await echoEntry.card!.load();
    const actions = testFeedActions({ kindOf: (job) => entryOf(entries, 'imagine', job) });
    const { container } = render(
      <WithI18n>
        <FeedWindowContext.Provider value={createFeedWindow(jobsStore)}>
          <FeedActionsContext.Provider value={actions}>
            <JobCard jobId={id} />
          </FeedActionsContext.Provider>
        </FeedWindowContext.Provider>
      </WithI18n>,
    );
    expect(screen.getByText('hello!')).toHaveProperty('className', 'echo-answer');
    expect(container.querySelector(`article#job-${id}.job-card`)).not.toBeNull();
  });
});
