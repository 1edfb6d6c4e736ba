// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { REFUSED_URL_NOTE } from '../../api/url-scheme';
import {
  finalBody,
  progressBody,
  startStream,
  writeLine,
  type FakeImagineServer,
} from '../../api/fixtures/fake-imagine-server';
import { EXPORT_FORMAT } from '../history-file/history-file';
import { createPersistence } from '../persistence/persistence';
import { testSink } from '../../jobs/fixtures/store-sink';
import { testRunners } from '../../jobs/fixtures/test-runner';
import { createJobsStore, type JobsStore } from '../../jobs/store';
import { waitForJob as waitFor } from '../../jobs/fixtures/wait-for-job';
import { jobKinds } from '../../kinds/registry';

const runners = testRunners('refused');

function persistenceFor(store: JobsStore) {
  const name = runners.newDb();
  const persistence = createPersistence({
    dbName: name,
    channelName: name,
    sink: testSink(store),
    kinds: jobKinds(),
  });
  runners.cleanups.push(() => persistence.close());
  return persistence;
}

async function streamTab(script: (server: FakeImagineServer) => void) {
  const server = await runners.fake();
  script(server);
  const name = runners.newDb();
  const { store, runner } = runners.openTab(server, {
    dbName: name,
    persistenceOptions: { channelName: name },
  });
  return { server, store, runner };
}

describe('links that may not reach a src or an href', () => {
  it('a stream whose lines carry javascript: image URLs shows no such link, and says why', async () => {
    const previews: string[] = [];
    const { store, runner } = await streamTab((server) => {
      server.onImagine = async ({ res }) => {
        startStream(res);
        writeLine(res, { ...progressBody(server.url, 't1', 40), image_url: 'javascript:alert(1)' });
        await new Promise((r) => setTimeout(r, 5));
        writeLine(res, {
          ...finalBody(server.url, 't1'),
          image_url: 'javascript:alert(document.cookie)',
          raw_image_url: ' JAVA\tSCRIPT:alert(2)',
        });
        res.end();
      };
    });
    store.subscribe((s) => {
      for (const job of Object.values(s.byId)) if (job.preview) previews.push(job.preview.url);
    });
    const id = runner.submit({ prompt: 'an owl' });
    const job = await waitFor(store, id, (j) => j.status === 'failed');
    expect(job.error?.reason).toEqual(REFUSED_URL_NOTE);
    // The 40 % line kept its raw image (an http link), never the refused one.
    expect(previews.every((u) => u.startsWith('http://'))).toBe(true);
    expect(JSON.stringify(store.getState())).not.toMatch(/script:/i);
  });

  it('a partly refused result keeps what is allowed and notes the rest', async () => {
    const { store, runner } = await streamTab((server) => {
      server.onImagine = ({ res }) => {
        startStream(res);
        writeLine(res, {
          ...finalBody(server.url, 't2'),
          sub_image_urls: [`${server.url}/s1.png`, 'javascript:alert(1)', 'data:text/html,x'],
        });
        res.end();
      };
    });
    const id = runner.submit({ prompt: 'an owl' });
    const job = await waitFor(store, id, (j) => j.status === 'done');
    expect(job.result?.sub_image_urls).toHaveLength(1);
    expect(job.note).toEqual(REFUSED_URL_NOTE);
  });

  it('a crafted import with javascript: links keeps the jobs without the links, with a note', async () => {
    const store = createJobsStore();
    const persistence = persistenceFor(store);
    const job = {
      id: 'evil',
      traceId: 'trace-evil',
      request: { prompt: 'a cat' },
      delivery: 'stream',
      status: 'done',
      progress: 100,
      result: {
        image_url: 'javascript:alert(1)',
        raw_image_url: 'https://cdn.example/ok.png',
        sub_image_urls: ['javascript:alert(2)'],
        actions: [],
        data: { video_urls: ['vbscript:msgbox(1)', 'https://cdn.example/v.mp4'] },
      },
      createdAt: 1,
      updatedAt: 1,
      attempts: 1,
    };
    const clean = {
      ...job,
      id: 'fine',
      result: { image_url: 'data:image/png;base64,AAAA', actions: [] },
    };
    await persistence.importHistory(
      JSON.stringify({ format: EXPORT_FORMAT, version: 1, jobs: [job, clean] }),
    );
    const stored = await persistence.getJob('evil');
    expect(stored?.result).toEqual({
      raw_image_url: 'https://cdn.example/ok.png',
      sub_image_urls: [],
      actions: [],
      data: { video_urls: ['https://cdn.example/v.mp4'] },
    });
    expect(stored?.note).toEqual(REFUSED_URL_NOTE);
    expect((await persistence.getJob('fine'))?.note).toBeUndefined();
    expect((await persistence.getJob('fine'))?.result?.image_url).toBe(
      'data:image/png;base64,AAAA',
    );
    expect(JSON.stringify(store.getState())).not.toMatch(/script:/i);
  });
});
