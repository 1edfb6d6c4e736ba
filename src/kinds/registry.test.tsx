// @vitest-environment jsdom
/**
 * The registry is the only list of endpoints: each entry is one folder `src/kinds/<name>/`, and a
 * new endpoint is that folder plus one line. A fake endpoint (fixtures/echo) added to the list
 * has its tool in the composer, is run by the real runner on its own path and drawn by its own
 * card, with nothing else changed.
 */
import 'fake-indexeddb/auto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { WithI18n } from '../i18n/testing';
import { testRunners } from '../jobs/fixtures/test-runner';
import { waitForJob } from '../jobs/fixtures/wait-for-job';
import { createJobsActions, jobsStore } from '../jobs/store';
import { createFeedWindow, FeedWindowContext } from '../features/feed/feed-window';
import { JobCard } from '../features/feed/job-card';
import { PromptTools } from '../features/composer/prompt-tools';
import { echoEntry } from './fixtures/echo/echo-entry';
import { jobKinds, KINDS } from './registry';
import { FeedActionsContext } from './shared/card-actions';
import { testFeedActions } from './shared/fixtures/test-actions';
import { testToolServices } from './shared/fixtures/test-tool-services';
import { entryOf, type KindEntry } from './shared/kind-entry';
import type { ToolServices } from './shared/tool-services';
import { ToolsContext } from './shared/tools-context';

/** `src/kinds/…` (jsdom gives this file no `file:` URL to resolve against). */
const KINDS_DIR = join(process.cwd(), 'src', 'kinds');
const folder = (name: string) => join(KINDS_DIR, name);
const runners = testRunners('kind-registry');
afterEach(cleanup);

describe('the kind registry', () => {
  it.each(KINDS.map((e) => [e.name, e] as const))(
    '%s: one folder with its contract, entry, tools and (if it runs as a job) kind and card',
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
        // A plain tool: no card, its one call in its folder, and a button that makes it.
        expect(entry.card).toBeUndefined();
        expect(files).toContain(`${name}-call.ts`);
        expect([...(entry.tools?.image ?? []), ...(entry.tools?.prompt ?? [])]).not.toHaveLength(0);
      }
      const tools = [...(entry.tools?.image ?? []), ...(entry.tools?.prompt ?? [])];
      if (tools.length > 0) expect(files).toContain(`${name}-tools.tsx`);
      for (const tool of tools) await expect(tool.load()).resolves.toBeTypeOf('function');
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

  it('a fake endpoint added to the list: its tool is in the composer, starts its job on its own path, its card draws it', async () => {
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
    const sent: string[] = [];
    const { services } = testToolServices({
      submit: (request, options) => {
        const id = tab.runner.submit(request, options);
        sent.push(id);
        return id;
      },
    });
    const composer = (list: readonly KindEntry[], tools: ToolServices) => (
      <WithI18n>
        <ToolsContext.Provider value={{ entries: list, services: tools }}>
          <PromptTools prompt="hello" imageUrl="" />
        </ToolsContext.Provider>
      </WithI18n>
    );
    // The composer without its line: the studio's tools, and no echo.
    const { unmount } = render(composer(KINDS, services));
    await screen.findByRole('button', { name: 'Shorten prompt' });
    expect(screen.queryByRole('button', { name: 'Echo the prompt' })).toBeNull();
    unmount();

    // With it: its button, drawn among the others, starts an echo job of the prompt.
    render(composer(entries, services));
    fireEvent.click(await screen.findByRole('button', { name: 'Echo the prompt' }));
    expect(screen.getByRole('button', { name: 'Shorten prompt' })).toBeTruthy();
    expect(sent).toHaveLength(1);
    const id = sent[0]!;
    const done = await waitForJob(tab.store, id, (j) => j.status === 'done');
    expect(done.result?.data).toEqual({ echo: 'hello!' });
    const posts = server.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => [r.path, r.body])).toEqual([['/midjourney/echo', { text: 'hello' }]]);
    cleanup();

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
