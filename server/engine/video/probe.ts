import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFfmpeg } from './ffmpeg';
import type { RgbImage } from './render';

/** What a decoder finds in a clip. */
export interface ClipInfo {
  width: number;
  height: number;
  /** Frames actually decoded (not the container's claim). */
  frames: number;
  /** The container's duration. */
  durationSeconds: number;
}

/** One decoded frame: its 0-based index in the clip and its RGB pixels. */
export interface DecodedFrame extends RgbImage {
  index: number;
}

/** Size, frame count and duration of an MP4, found by decoding it (ffprobe is not shipped). */
export async function probeClip(mp4: Buffer, signal?: AbortSignal): Promise<ClipInfo> {
  return withFile(mp4, async (file) => {
    let bytes = 0;
    // Every frame is decoded but shrunk to 16×16 grey, so counting them costs little memory.
    const { stderr } = await runFfmpeg({
      args: [
        '-i',
        file,
        '-map',
        '0:v:0',
        '-s',
        '16x16',
        '-pix_fmt',
        'gray',
        '-f',
        'rawvideo',
        'pipe:1',
      ],
      onStdout: (chunk) => {
        bytes += chunk.length;
      },
      signal,
    });
    const { width, height } = videoSize(stderr);
    const d = /Duration: (\d+):(\d+):(\d+(?:\.\d+)?)/.exec(stderr);
    const durationSeconds = d ? Number(d[1]) * 3600 + Number(d[2]) * 60 + Number(d[3]) : 0;
    return { width, height, frames: Math.floor(bytes / 256), durationSeconds };
  });
}

/**
 * Decodes frames of an MP4 to RGB: all of them, or those at `indices` (negative counts from the
 * end, so -1 is the last frame), in the order asked.
 */
export async function decodeFrames(
  mp4: Buffer,
  indices?: number[],
  signal?: AbortSignal,
): Promise<DecodedFrame[]> {
  let wanted: number[] | undefined;
  if (indices) {
    const count = indices.some((i) => i < 0) ? (await probeClip(mp4, signal)).frames : Infinity;
    wanted = indices.map((i) => (i < 0 ? count + i : i));
    const bad = wanted.find((i) => !Number.isInteger(i) || i < 0 || i >= count);
    if (bad !== undefined)
      throw new Error(`Frame ${bad} is not in the clip (it has ${count} frames).`);
  }
  const unique = wanted ? [...new Set(wanted)].sort((a, b) => a - b) : undefined;
  return withFile(mp4, async (file) => {
    const select = unique ? ['-vf', `select='${unique.map((i) => `eq(n,${i})`).join('+')}'`] : [];
    const { stdout, stderr } = await runFfmpeg({
      args: [
        ...['-i', file, '-map', '0:v:0', ...select, '-vsync', '0'],
        ...['-pix_fmt', 'rgb24', '-f', 'rawvideo', 'pipe:1'],
      ],
      signal,
    });
    const { width, height } = videoSize(stderr);
    const size = width * height * 3;
    const frames = new Map<number, DecodedFrame>();
    const count = Math.floor(stdout.length / size);
    for (let k = 0; k < count; k++) {
      const index = unique ? unique[k]! : k;
      frames.set(index, { index, width, height, data: stdout.subarray(k * size, (k + 1) * size) });
    }
    if (unique && frames.size < unique.length) {
      throw new Error(`Only ${frames.size} of the ${unique.length} frames asked for were decoded.`);
    }
    return wanted ? wanted.map((i) => frames.get(i)!) : [...frames.values()];
  });
}

/** The first video stream's size in `ffmpeg -i`'s report (the input, listed before any output). */
function videoSize(stderr: string): { width: number; height: number } {
  const input = stderr.slice(stderr.indexOf('Input #0'));
  const m = /Stream #0:\d+[^\n]*: Video: [^\n]*?, (\d{2,5})x(\d{2,5})[\s,[]/.exec(input);
  if (!m) throw new Error('The clip has no video stream that ffmpeg can read; send an MP4.');
  return { width: Number(m[1]), height: Number(m[2]) };
}

async function withFile<T>(bytes: Buffer, run: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'imagine-probe-'));
  try {
    const file = join(dir, 'clip.mp4');
    await writeFile(file, bytes);
    return await run(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
