import { request } from 'node:http';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { ENGINE_ADMIN_HEADERS } from '../../src/api/engine-admin';
import type { StudioServer } from './app';
import { makeDist, raw, startStudio } from './fixtures/studio-test-kit';

let studio: StudioServer;
beforeAll(async () => {
  studio = await startStudio(await makeDist(), { engine: { paceMs: 5 } });
});
afterAll(() => studio.close());

/** POST a streamed imagine; resolves with the lines read and how the response ended. */
function streamImagine(): Promise<{ lines: string[]; ended: 'clean' | 'cut' }> {
  return new Promise((resolve, reject) => {
    const req = request(`${studio.url}/midjourney/imagine`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/x-ndjson',
        authorization: 'Bearer t',
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      const lines = () => text.split('\n').filter(Boolean);
      res.on('end', () => resolve({ lines: lines(), ended: 'clean' }));
      res.on('error', () => resolve({ lines: lines(), ended: 'cut' }));
      res.on('aborted', () => resolve({ lines: lines(), ended: 'cut' }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ prompt: 'a kite over the sea --seed 3' }));
  });
}

it('streams the engine NDJSON through the studio server to the final line', async () => {
  const { lines, ended } = await streamImagine();
  expect(ended).toBe('clean');
  expect(JSON.parse(lines.at(-1)!)).toMatchObject({ success: true, progress: 100 });
  expect(lines.length).toBeGreaterThan(2);
});

it('cuts the connection when the engine drops a stream, as a real drop looks, without a stack in the log', async () => {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const armed = await raw(`${studio.url}/__engine/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...ENGINE_ADMIN_HEADERS },
    body: JSON.stringify({ drop_at: 40 }),
  });
  expect(armed.status).toBeLessThan(300);
  const { lines, ended } = await streamImagine();
  expect(ended).toBe('cut');
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.some((l) => (JSON.parse(l) as { progress?: number }).progress === 100)).toBe(false);
  expect(errors).not.toHaveBeenCalled();
  expect(warnings.mock.calls.flat().join(' ')).toContain('a stream was cut');
  vi.restoreAllMocks();
});
