/**
 * The studio with 10,000 jobs in its history, in the built app: the History view opening,
 * scrolling its gallery, and the decoded memory of its tiles. The history is seeded from inside
 * the page (IndexedDB belongs to the origin, and the preview server is its own origin) by cloning
 * the real finished jobs the feed bench left behind, with their kept copies, so every record is a
 * job the app itself wrote. (The start figures take a person's own path: `import-path.ts`.)
 */
import type { Page } from '@playwright/test';
import { median, percentile, round, type Figures } from '../measure';
import { startFrames, stopFrames } from './page-tools';
import { progress } from '../../test-support/servers';

/** How many jobs the history holds. */
export const HISTORY_JOBS = 10_000;

interface SeedResult {
  templates: number;
  total: number;
}

/** Fills the studio's `jobs` store up to `total` done jobs, cloned from the ones already there. */
export async function seedHistory(page: Page, total: number): Promise<SeedResult> {
  return page.evaluate(async (total) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      // No version: the app has already created (and upgraded) the database at its own version.
      const req = indexedDB.open('imagine-studio');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const done = (tx: IDBTransaction) =>
      new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    const read = db.transaction('jobs');
    const all = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const req = read.objectStore('jobs').getAll();
      req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
      req.onerror = () => reject(req.error);
    });
    const templates = all.filter(
      (j) => j.status === 'done' && (j.result as { image_url?: string } | undefined)?.image_url,
    );
    if (templates.length === 0) throw new Error('no finished job to clone the history from');
    const write = db.transaction('jobs', 'readwrite');
    const store = write.objectStore('jobs');
    const now = Date.now();
    const words = ['misty', 'golden', 'ancient', 'tiny', 'electric', 'quiet', 'stormy', 'glass'];
    for (let i = all.length; i < total; i++) {
      const t = templates[i % templates.length]!;
      const request = t.request as { prompt?: string };
      const result = t.result as Record<string, unknown>;
      // One job a minute going back in time; each with its own ids and prompt.
      const createdAt = now - (i + 1) * 60_000;
      const id = crypto.randomUUID();
      store.put({
        ...t,
        id,
        traceId: crypto.randomUUID(),
        taskId: crypto.randomUUID(),
        request: { ...request, prompt: `${words[i % words.length]} ${request.prompt ?? ''} #${i}` },
        result: { ...result, task_id: id, image_id: crypto.randomUUID() },
        createdAt,
        startedAt: createdAt + 50,
        updatedAt: createdAt + 40_000,
        finishedAt: createdAt + 40_000,
        lastNewsAt: createdAt + 40_000,
      });
    }
    await done(write);
    const count = await new Promise<number>((resolve, reject) => {
      const req = db.transaction('jobs').objectStore('jobs').count();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return { templates: templates.length, total: count };
  }, total);
}

/**
 * Clicks a header tab and resolves with the ms until `selector` is in the DOM and a frame has
 * been painted with it. All in the page, so the bench's own round trips are not counted.
 */
async function timeSwitch(page: Page, tab: string, selector: string): Promise<number> {
  return page.evaluate(
    async ({ tab, selector }) => {
      const button = [...document.querySelectorAll('nav button')].find(
        (b) => b.textContent?.trim() === tab,
      ) as HTMLButtonElement | undefined;
      if (!button) throw new Error(`no "${tab}" tab`);
      const start = performance.now();
      button.click();
      await new Promise<void>((resolve) => {
        if (document.querySelector(selector)) return resolve();
        const observer = new MutationObserver(() => {
          if (!document.querySelector(selector)) return;
          observer.disconnect();
          resolve();
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
      // The frame that shows it, then the task after its paint.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - start;
    },
    { tab, selector },
  );
}

/** Runs the history figures in `page`, the studio open on the preview server. */
export async function benchHistory(page: Page): Promise<Figures> {
  const seeded = await seedHistory(page, HISTORY_JOBS);
  progress(`seeded ${seeded.total} jobs (cloned from ${seeded.templates} real ones)`);
  if (seeded.total < HISTORY_JOBS) throw new Error(`history holds ${seeded.total} jobs only`);
  await page.reload();
  await page.getByRole('article').first().waitFor({ timeout: 60_000 });

  const opens: number[] = [];
  for (let i = 0; i < 5; i++) {
    opens.push(await timeSwitch(page, 'History', '.history-tile'));
    if (i < 4) await timeSwitch(page, 'Studio', 'article');
  }
  progress(`History opened in ${opens.map((o) => Math.round(o)).join(', ')} ms`);
  const memory = await tileMemory(page);

  // Scroll the gallery for ~2 s with the wheel, as a person flicks through it.
  const gallery = page.getByRole('group', { name: 'Gallery' });
  const box = await gallery.boundingBox();
  if (!box) throw new Error('the gallery has no box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await startFrames(page);
  const until = Date.now() + 2_000;
  while (Date.now() < until) {
    await page.mouse.wheel(0, 160);
    await page.waitForTimeout(16);
  }
  const frames = await stopFrames(page);
  const scrolled = await gallery.evaluate((el) => el.scrollTop);
  progress(`scrolled ${Math.round(scrolled)} px over ${frames.length} frames`);
  if (scrolled < 1000) throw new Error(`the gallery scrolled only ${scrolled} px`);

  return {
    // Not measured: what the tiles would decode to if each showed its full cached picture, as
    // they did before thumbnails (the full pictures' sizes read here, times the tiles shown).
    'history.tiles_decoded_mb_before': { value: memory.beforeMb, unit: 'MB', note: 'modelled' },
    'history.tiles_decoded_mb_after': { value: memory.afterMb, unit: 'MB' },
    'history.open_10k_median': {
      value: round(median(opens)),
      unit: 'ms',
      target: { op: '<=', value: 300 },
    },
    'history.scroll_frame_p95': {
      value: round(percentile(frames, 95)),
      unit: 'ms',
      target: { op: '<=', value: 20 },
    },
    'history.scroll_frame_median': { value: round(median(frames)), unit: 'ms' },
  };
}

/** Tiles the decoded-image memory is reported for. */
export const MEMORY_TILES = 200;

/**
 * Decoded-image memory of the History's tiles, scaled to 200 tiles: "after" is what the shown
 * tile images decode to (natural size × 4 bytes), "before" what they decoded to when every tile
 * showed its full cached image (each tile's full image decoded here to read its size).
 */
async function tileMemory(page: Page): Promise<{ beforeMb: number; afterMb: number }> {
  await page.waitForFunction(
    () => {
      const imgs = [...document.querySelectorAll<HTMLImageElement>('img.history-image')];
      return imgs.length > 0 && imgs.every((img) => img.complete && img.naturalWidth > 0);
    },
    undefined,
    { timeout: 60_000, polling: 200 },
  );
  const m = await page.evaluate(async () => {
    const imgs = [...document.querySelectorAll<HTMLImageElement>('img.history-image')];
    const after = imgs.reduce((sum, img) => sum + img.naturalWidth * img.naturalHeight * 4, 0);
    // The full images the tiles used to show: the cached originals, one per tile.
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('imagine-studio');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const blobs = await new Promise<{ url: string; blob: Blob }[]>((resolve, reject) => {
      const req = db.transaction('blobs').objectStore('blobs').getAll();
      req.onsuccess = () => resolve(req.result as { url: string; blob: Blob }[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    let fullPerTile = 0;
    for (const { blob } of blobs) {
      const bitmap = await createImageBitmap(blob);
      fullPerTile = Math.max(fullPerTile, bitmap.width * bitmap.height * 4);
      bitmap.close();
    }
    return { tiles: imgs.length, after, fullPerTile, cached: blobs.length };
  });
  const mb = (bytes: number) => round(((bytes / m.tiles) * MEMORY_TILES) / (1024 * 1024));
  const beforeMb = mb(m.fullPerTile * m.tiles);
  const afterMb = mb(m.after);
  progress(
    `History tiles, decoded images per ${MEMORY_TILES} tiles (${m.tiles} shown, ${m.cached} cached originals): before ${beforeMb} MB, after ${afterMb} MB`,
  );
  return { beforeMb, afterMb };
}
