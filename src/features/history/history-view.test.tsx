// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { WithI18n } from '../../i18n/testing';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Job } from '../../jobs/job';
import { createPersistence, type Persistence } from '../../storage/persistence/persistence';
import { createJobsActions, createJobsStore, type JobsStore } from '../../jobs/store';
import { HistoryView } from './history-view';
import { testSink } from '../../jobs/fixtures/store-sink';
import { jobKinds } from '../../kinds/registry';
import { filesToSave } from '../../jobs/kind';

const PROMPTS = ['a red fox in snow', 'neon tokyo at night', 'a lighthouse in fog'];
let dbCount = 0;

function makeJob(i: number, extra: Partial<Job> = {}): Job {
  const t = Date.UTC(2025, 2, 1) + i * 60_000;
  return {
    id: `job-${i}`,
    traceId: `trace-${i}`,
    request: { prompt: `${PROMPTS[i % 3]} #${i}` },
    delivery: 'stream',
    status: 'done',
    progress: 100,
    result: { image_url: `https://img.test/${i}.png`, image_id: `img-${i}`, actions: [] },
    createdAt: t,
    updatedAt: t,
    finishedAt: t,
    attempts: 1,
    ...extra,
  };
}

let store: JobsStore;
let persistence: Persistence;

beforeEach(async () => {
  localStorage.clear();
  store = createJobsStore();
  persistence = createPersistence({
    kinds: jobKinds(),
    sink: testSink(store),
    dbName: `history-view-${++dbCount}`,
    channelName: `history-view-${dbCount}`,
  });
  const jobs = Array.from({ length: 12 }, (_, i) => makeJob(i));
  // A U2 of job-0, so the lineage has both sides.
  jobs.push(
    makeJob(12, {
      request: { action: 'upscale2', image_id: 'img-0' },
      parent: {
        jobId: 'job-0',
        imageId: 'img-0',
        action: 'upscale2',
        label: 'a red fox in snow #0',
      },
    }),
  );
  for (const job of jobs) await persistence.saveJob(job);
  createJobsActions(store).merge(jobs);
});

afterEach(() => {
  cleanup();
  persistence.close();
});

function renderView(onOpenJob = vi.fn()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <HistoryView
        onOpenJob={onOpenJob}
        store={store}
        persistence={persistence}
        initialRect={{ width: 1200, height: 2000 }}
        filesOf={(job) => filesToSave(jobKinds(), job)}
      />
    </QueryClientProvider>,
    { wrapper: WithI18n },
  );
  const region = screen.getByRole('region', { name: 'History' });
  // Looked up each time: the gallery remounts (scrolls to the top) when the filters change.
  const gallery = () => within(region).getByRole('group', { name: 'Gallery' });
  return { region, gallery, onOpenJob };
}

const tileNames = (gallery: () => HTMLElement) =>
  within(gallery())
    .getAllByRole('button')
    .map((b) => b.textContent);

/** Every file History saves (name and bytes) and every URL it fetched, with `answer` as the web. */
function captureDownloads(answer: (url: string) => Response) {
  const saved: { name: string; blob: Blob }[] = [];
  const requested: string[] = [];
  const blobs = new Map<string, Blob>();
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  URL.createObjectURL = (blob: Blob) => {
    const href = `blob:test/${blobs.size}`;
    blobs.set(href, blob);
    return href;
  };
  URL.revokeObjectURL = () => {};
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push({ name: this.download, blob: blobs.get(this.getAttribute('href') ?? '')! });
  });
  vi.stubGlobal('fetch', async (url: string) => {
    requested.push(url);
    return answer(url);
  });
  const restore = () => {
    click.mockRestore();
    vi.unstubAllGlobals();
    URL.createObjectURL = original.create;
    URL.revokeObjectURL = original.revoke;
  };
  return { saved, requested, restore };
}

describe('HistoryView', () => {
  it('shows every job newest first, and search narrows the list', async () => {
    const { region, gallery } = renderView();
    expect(tileNames(gallery)).toHaveLength(13);
    expect(tileNames(gallery)[0]).toBe('a red fox in snow #0'); // the U2, newest, titled by its parent
    expect(tileNames(gallery)[1]).toBe('a lighthouse in fog #11');
    // Hovering a tile shows its whole prompt.
    expect(within(gallery()).getAllByRole('button')[1]!.getAttribute('title')).toBe(
      'a lighthouse in fog #11',
    );

    fireEvent.change(within(region).getByRole('searchbox', { name: 'Search prompts' }), {
      target: { value: 'NEON' },
    });
    await waitFor(() =>
      expect(tileNames(gallery)).toEqual([
        'neon tokyo at night #10',
        'neon tokyo at night #7',
        'neon tokyo at night #4',
        'neon tokyo at night #1',
      ]),
    );
    expect(within(region).getByText('4 of 13 jobs')).toBeTruthy();

    // The Status, Action, From and To filters open under one Filters button, which counts them.
    const toggle = within(region).getByRole('button', { name: 'Filters' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(
      within(region).getByRole('combobox', { name: 'Action', hidden: true }).closest('[hidden]'),
    ).toBeTruthy();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.change(within(region).getByRole('combobox', { name: 'Action' }), {
      target: { value: 'upscale' },
    });
    await waitFor(() => expect(within(region).getByText(/Nothing matches/)).toBeTruthy(), {
      timeout: 5000,
    });
    expect(within(region).getByRole('button', { name: 'Filters · 1' })).toBeTruthy();
  });

  it('deletes the selected jobs, then Undo restores them in the store and IndexedDB', async () => {
    const { region, gallery } = renderView();
    fireEvent.click(
      within(gallery()).getByRole('checkbox', { name: 'Select neon tokyo at night #4' }),
    );
    fireEvent.click(
      within(gallery()).getByRole('checkbox', { name: 'Select a red fox in snow #3' }),
    );
    expect(within(region).getByText(/2 selected/)).toBeTruthy();

    fireEvent.click(within(region).getByRole('button', { name: 'Delete selected' }));
    await waitFor(() => expect(within(region).getByText(/Deleted 2/)).toBeTruthy(), {
      timeout: 5000,
    });
    expect(within(gallery()).queryByRole('button', { name: 'neon tokyo at night #4' })).toBeNull();
    expect(tileNames(gallery)).toHaveLength(11);
    expect(store.getState().byId['job-4']).toBeUndefined();
    expect(await persistence.getJob('job-4')).toBeUndefined();
    expect(await persistence.getJob('job-3')).toBeUndefined();

    fireEvent.click(within(region).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(within(region).getByText('Restored 2 jobs.')).toBeTruthy(), {
      timeout: 5000,
    });
    expect(tileNames(gallery)).toHaveLength(13);
    expect(within(gallery()).getByRole('button', { name: 'neon tokyo at night #4' })).toBeTruthy();
    expect((await persistence.getJob('job-4'))?.request.prompt).toBe('neon tokyo at night #4');
    expect((await persistence.getJob('job-3'))?.status).toBe('done');
    expect(within(region).queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('renders only the rows near the viewport of 10,000 jobs', () => {
    createJobsActions(store).merge(Array.from({ length: 10_000 }, (_, i) => makeJob(100 + i)));
    const { region, gallery } = renderView();
    expect(within(region).getByText('10,013 jobs')).toBeTruthy();
    const tiles = tileNames(gallery);
    // 1200px holds 6 tiles a row and 2000px about 9 rows, plus a little overscan.
    expect(tiles.length).toBeGreaterThan(30);
    expect(tiles.length).toBeLessThan(120);
    expect(tiles[0]).toBe('neon tokyo at night #10099');
  });

  it('"Select all shown" selects only what the filter shows', async () => {
    const { region } = renderView();
    fireEvent.change(within(region).getByRole('searchbox', { name: 'Search prompts' }), {
      target: { value: 'lighthouse' },
    });
    await waitFor(() => expect(within(region).getByText('4 of 13 jobs')).toBeTruthy(), {
      timeout: 5000,
    });
    fireEvent.click(within(region).getByRole('checkbox', { name: 'Select all shown' }));
    expect(within(region).getByText(/4 selected/)).toBeTruthy();
    fireEvent.click(within(region).getByRole('button', { name: 'Delete selected' }));
    await waitFor(() => expect(within(region).getByText(/Deleted 4/)).toBeTruthy(), {
      timeout: 5000,
    });
    expect(Object.keys(store.getState().byId)).toHaveLength(9);
    expect(
      Object.values(store.getState().byId).some((j) => /lighthouse/.test(j.request.prompt ?? '')),
    ).toBe(false);
  });

  it('opens a lineage with clickable ancestors and descendants, and Open in studio', async () => {
    const { region, gallery, onOpenJob } = renderView();
    // Two tiles share the title (the grid and its U2); the first is the U2 (newest).
    fireEvent.click(within(gallery()).getAllByRole('button', { name: 'a red fox in snow #0' })[0]!);
    const lineage = await within(region).findByRole('complementary', { name: 'Lineage' });
    expect(within(lineage).getByRole('list', { name: 'Ancestors' }).textContent).toContain(
      'Generate — a red fox in snow #0',
    );
    fireEvent.click(
      within(lineage).getByRole('button', { name: 'Generate — a red fox in snow #0' }),
    );
    const descendants = within(lineage).getByRole('group', { name: 'Descendants' });
    expect(
      within(descendants).getByRole('button', { name: 'U2 — a red fox in snow #0' }),
    ).toBeTruthy();
    fireEvent.click(within(lineage).getByRole('button', { name: 'Open in studio' }));
    expect(onOpenJob).toHaveBeenCalledWith('job-0');
  });

  it('downloads the selected images one by one, named from their prompts', async () => {
    const { saved, requested, restore } = captureDownloads((url) =>
      url.endsWith('/7.png')
        ? new Response('gone', { status: 404 })
        : new Response(`bytes of ${url}`, { headers: { 'content-type': 'image/webp' } }),
    );
    try {
      const { region, gallery } = renderView();
      for (const name of [
        'neon tokyo at night #10',
        'neon tokyo at night #7',
        'a red fox in snow #9',
      ]) {
        fireEvent.click(within(gallery()).getByRole('checkbox', { name: `Select ${name}` }));
      }
      fireEvent.click(within(region).getByRole('button', { name: 'Download selected' }));
      await waitFor(() =>
        expect(within(region).getByRole('alert').textContent).toBe(
          'Downloaded 2 images. 1 could not be saved. Download is not possible: the link is dead (HTTP 404) and no copy was kept.',
        ),
      );
      // Newest first, one after another; the expired one is skipped.
      expect(requested).toEqual([
        'https://img.test/10.png',
        'https://img.test/9.png',
        'https://img.test/7.png',
      ]);
      expect(saved.map((s) => s.name)).toEqual([
        'neon-tokyo-at-night-10.webp',
        'a-red-fox-in-snow-9.webp',
      ]);
      expect(await saved[1]!.blob.text()).toBe('bytes of https://img.test/9.png');

      saved.length = 0;
      // A request key that looks like a credential never reaches the file.
      await persistence.saveJob(makeJob(50, { request: { prompt: 'x', api_key: 'sk-secret' } }));
      fireEvent.click(within(region).getByRole('button', { name: 'Export history' }));
      await waitFor(() => expect(saved).toHaveLength(1));
      expect(saved[0]!.name).toMatch(/^imagine-studio-history-\d{4}-\d{2}-\d{2}\.json$/);
      const file = JSON.parse(await saved[0]!.blob.text()) as { format: string; jobs: Job[] };
      expect(file.format).toBe('imagine-studio-history');
      expect(file.jobs.map((j) => j.id)).toContain('job-12');
      expect(file.jobs).toHaveLength(14);
      expect(JSON.stringify(file)).not.toContain('sk-secret');
      expect(within(region).getByRole('status').textContent).toMatch(/Exported 14 jobs/);
    } finally {
      restore();
    }
  });

  it('downloads an Animate job as its four clips (MP4), not its still cover', async () => {
    const clips = [1, 2, 3, 4].map((n) => `https://cdn.test/v/clip-${n}.mp4`);
    const animate = makeJob(40, {
      kind: 'videos',
      request: { action: 'generate', prompt: 'waves roll in', image_url: 'https://img.test/0.png' },
      result: {
        actions: [],
        image_url: 'https://cdn.test/v/cover.jpg',
        data: { video_id: 'v40', video_urls: clips },
      },
    });
    await persistence.saveJob(animate);
    createJobsActions(store).merge([animate]);
    const { saved, requested, restore } = captureDownloads(
      (url) => new Response(`bytes of ${url}`, { headers: { 'content-type': 'video/mp4' } }),
    );
    try {
      const { region, gallery } = renderView();
      fireEvent.click(within(gallery()).getByRole('checkbox', { name: /^Select waves roll in/ }));
      fireEvent.click(within(region).getByRole('button', { name: 'Download selected' }));
      await waitFor(() =>
        expect(within(region).getByRole('status').textContent).toBe('Downloaded 4 clips.'),
      );
      expect(requested).toEqual(clips);
      expect(saved.map((s) => s.name)).toEqual(
        [1, 2, 3, 4].map((n) => `waves-roll-in-clip-${n}.mp4`),
      );
      expect(await saved[2]!.blob.text()).toBe(`bytes of ${clips[2]}`);
    } finally {
      restore();
    }
  });

  it('imports a history file and reports counts, or a clear error', async () => {
    const { region, gallery } = renderView();
    const input = within(region).getByTestId('history-import-file');
    const file = new File(
      [
        JSON.stringify({
          format: 'imagine-studio-history',
          version: 1,
          jobs: [makeJob(40), makeJob(1)],
        }),
      ],
      'backup.json',
      { type: 'application/json' },
    );
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
    // The importer and the job schemas load on first use: more than waitFor's default second
    // on a busy machine.
    await waitFor(
      () =>
        expect(within(region).getByRole('status').textContent).toContain(
          'Imported backup.json: 2 jobs — 1 added, 0 updated, 1 already here.',
        ),
      { timeout: 5000 },
    );
    expect(within(gallery()).getByRole('button', { name: 'neon tokyo at night #40' })).toBeTruthy();

    const bad = new File(['{"hello": 1}'], 'notes.json', { type: 'application/json' });
    await act(async () => {
      fireEvent.change(input, { target: { files: [bad] } });
    });
    await waitFor(() =>
      expect(within(region).getByRole('alert').textContent).toBe(
        'Could not import notes.json. This file is not an Imagine Studio history export.',
      ),
    );
  });

  it('shows a named progress bar while an import runs, and lists what was dropped', async () => {
    // Held at its first chunk until the test lets it go, so the bar can be seen.
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const real = persistence;
    persistence = {
      ...real,
      importHistory: async (file, options) => {
        options?.onProgress?.({ phase: 'writing', done: 1, total: 4 });
        await gate;
        return real.importHistory(file, options);
      },
    };
    const { region } = renderView();
    const input = within(region).getByTestId('history-import-file');
    const crafted = makeJob(41, { status: 'failed', result: undefined });
    const file = new File(
      [
        JSON.stringify({
          format: 'imagine-studio-history',
          version: 1,
          jobs: [{ ...crafted, request: { prompt: 'x', callback_url: 'https://evil.example/' } }],
        }),
      ],
      'crafted.json',
    );
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
    const bar = await within(region).findByRole('progressbar', { name: 'Importing history' });
    expect(bar.getAttribute('value')).toBe('2.5');
    expect(bar.getAttribute('max')).toBe('4');
    await act(async () => release());
    await waitFor(() =>
      expect(within(region).getByRole('status').textContent).toContain(
        '1 job’s callback URL was not imported: your Settings decide it.',
      ),
    );
    expect(within(region).queryByRole('progressbar')).toBeNull();
    persistence = real;
  });
});

describe('HistoryView: jobs that are not pictures', () => {
  it('names a Describe job by what it read, shows that image and calls it Describe', async () => {
    const image = 'https://cdn.test/att/1/cat.png?ex=1&hm=abc';
    const describe = makeJob(20, {
      kind: 'describe',
      request: { image_url: image },
      result: { actions: [], data: { descriptions: ['a cat'] } },
    });
    await persistence.saveJob(describe);
    createJobsActions(store).merge([describe]);
    const { gallery } = renderView();
    const tile = within(gallery()).getByRole('checkbox', {
      name: 'Select Describe: cdn.test/cat.png',
    }).parentElement!;
    expect(within(tile).getByRole('button').textContent).toBe('Describe: cdn.test/cat.png');
    expect(tile.querySelector('.history-tile-meta')!.textContent).toMatch(/^Describe/);
    await waitFor(() => expect(tile.querySelector('img')?.getAttribute('src')).toBe(image));
    expect(tile.textContent).not.toMatch(/Untitled|No image|Generate/);
  });
});
