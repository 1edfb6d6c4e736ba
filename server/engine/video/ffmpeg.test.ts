import { describe, expect, it } from 'vitest';
import { runFfmpeg } from './ffmpeg';
import { alive, ffmpegChildren } from './fixtures/video-test-kit';

/** An encoder fed one raw frame and then nothing: it waits on stdin until it is killed. */
function stuckEncoder(options: { signal?: AbortSignal; timeoutMs?: number }) {
  let fed!: () => void;
  const started = new Promise<void>((resolve) => (fed = resolve));
  const run = runFfmpeg({
    args: ['-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', '16x16', '-i', 'pipe:0', '-f', 'null', '-'],
    input: async (write) => {
      await write(new Uint8Array(16 * 16 * 3));
      fed();
      // A producer that never finishes: only the kill can end this run.
      await new Promise(() => {});
    },
    ...options,
  });
  return { started, settled: run.catch((error: unknown) => error) };
}

describe('runFfmpeg', () => {
  it('kills the process on abort and rejects with the reason only once it has exited', async () => {
    const controller = new AbortController();
    const { started, settled } = stuckEncoder({ signal: controller.signal });
    await started;
    const pids = ffmpegChildren();
    expect(pids).toHaveLength(1);
    controller.abort(new DOMException('stop', 'AbortError'));
    expect(await settled).toMatchObject({ name: 'AbortError', message: 'stop' });
    expect(alive(pids[0]!)).toBe(false);
  });

  it('kills the process past its time bound', async () => {
    const { started, settled } = stuckEncoder({ timeoutMs: 300 });
    await started;
    const pids = ffmpegChildren();
    expect(await settled).toMatchObject({ name: 'TimeoutError' });
    expect(alive(pids[0]!)).toBe(false);
  });

  it('kills the process when it writes more than the bound', async () => {
    const error = await runFfmpeg({
      args: ['-f', 'lavfi', '-i', 'testsrc=s=64x64:r=24', '-f', 'rawvideo', 'pipe:1'],
      maxStdoutBytes: 100_000,
    }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/more than 100000 bytes/);
    expect(ffmpegChildren()).toEqual([]);
  });

  it('reports ffmpeg’s own message when it fails', async () => {
    await expect(
      runFfmpeg({ args: ['-i', '/nonexistent/clip.mp4', '-f', 'null', '-'] }),
    ).rejects.toThrow(/ffmpeg failed \(exit 1\): .*No such file or directory/);
  });
});
