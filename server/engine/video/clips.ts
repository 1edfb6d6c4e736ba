import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { runFfmpeg } from './ffmpeg';
import { frameTime, MAX_ZOOM, MOTIONS, motionAt, styleForSeed, type MotionKind } from './motion';
import { decodeFrames } from './probe';
import { renderFrame, type RgbImage } from './render';

/** One produced clip: an H.264 MP4 and a still of its first frame. */
export interface Clip {
  /** H.264 (Main profile, yuv420p) MP4 with its index at the front (`+faststart`). */
  mp4: Buffer;
  /** JPEG of the first frame. */
  cover: Buffer;
  width: number;
  height: number;
  durationSeconds: number;
  frames: number;
  fps: number;
}

/** The provider's two video sizes; the number is the short side of the clip. */
export type VideoResolution = '480p' | '720p';

/** How a set of clips is made. */
export interface MakeClipsOptions {
  /** Where the motion arrives: the clip cross-fades into this image over its last part. */
  endFrame?: Buffer;
  /** The last frame meets the first (ignored when `endFrame` is given, which sets the last frame). */
  loop?: boolean;
  resolution: VideoResolution;
  /** Varies where each camera heads; the same seed gives the same clips. */
  seed?: number;
  /** Stops the work; the running ffmpeg is killed and the promise rejects with the reason. */
  signal?: AbortSignal;
  /** Wall-time bound of each clip's encoding (default 120 s). */
  timeoutMs?: number;
}

/** How a clip is continued; without `resolution` the continuation keeps the clip's size. */
export type ExtendClipOptions = Omit<MakeClipsOptions, 'resolution'> & {
  resolution?: VideoResolution;
};

/** Frames per second of every clip. */
export const CLIP_FPS = 24;
/** Frames per clip: 2.5 s, short enough to encode four quickly on a small machine. */
export const CLIP_FRAMES = 60;
/** Bound on one encoded clip (ffmpeg's `-fs`); a clip past it is an error, not a cut-off file. */
export const MAX_CLIP_BYTES = 32 * 1024 * 1024;
/** The long side is at most this many times the short side; wider images are centre-cropped. */
const MAX_ASPECT = 3;

/** The clip size for an image: the resolution is the short side, aspect kept, both sides even. */
export function clipSize(
  width: number,
  height: number,
  resolution: VideoResolution,
): { width: number; height: number } {
  const short = resolution === '720p' ? 720 : 480;
  const even = (n: number) => Math.max(2, 2 * Math.round(n / 2));
  const ratio = Math.min(MAX_ASPECT, Math.max(width, height) / Math.min(width, height));
  const long = even(short * ratio);
  return width >= height ? { width: long, height: short } : { width: short, height: long };
}

/** Four clips of real motion made from the image's own pixels: zoom in, pan, diagonal pan, parallax. */
export async function makeClips(image: Buffer, options: MakeClipsOptions): Promise<Clip[]> {
  options.signal?.throwIfAborted();
  checkResolution(options.resolution);
  const meta = await readImage(image, 'image', (img) => img.metadata());
  const rotated = (meta.orientation ?? 1) >= 5;
  const size = clipSize(
    rotated ? meta.height : meta.width,
    rotated ? meta.width : meta.height,
    options.resolution,
  );
  // A working copy as large as the deepest zoom needs, so zoomed frames keep their detail.
  const src = await toRgb(image, 'image', {
    width: Math.round(size.width * MAX_ZOOM),
    height: Math.round(size.height * MAX_ZOOM),
  });
  return renderSet(src, size, options);
}

/** Four continuations of a clip, each starting from its last frame. */
export async function extendClip(mp4: Buffer, options: ExtendClipOptions): Promise<Clip[]> {
  options.signal?.throwIfAborted();
  if (options.resolution) checkResolution(options.resolution);
  const [last] = await decodeFrames(mp4, [-1], options.signal);
  if (!last)
    throw new Error('The clip to extend has no frames; send an MP4 made by /midjourney/videos.');
  const size = options.resolution
    ? clipSize(last.width, last.height, options.resolution)
    : { width: last.width, height: last.height };
  return renderSet(last, size, options);
}

async function renderSet(
  src: RgbImage,
  size: { width: number; height: number },
  options: Omit<MakeClipsOptions, 'resolution'>,
): Promise<Clip[]> {
  const end = options.endFrame ? await toRgb(options.endFrame, 'end frame', size) : undefined;
  const style = styleForSeed(options.seed ?? 0);
  const dir = await mkdtemp(join(tmpdir(), 'imagine-video-'));
  try {
    const clips: Clip[] = [];
    // One clip at a time: while this process renders frames, ffmpeg encodes on the other core.
    for (const [i, kind] of MOTIONS.entries()) {
      const file = join(dir, `clip-${i}.mp4`);
      clips.push(await encodeClip(src, size, kind, { ...options, style, end, file }));
    }
    return clips;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function encodeClip(
  src: RgbImage,
  size: { width: number; height: number },
  kind: MotionKind,
  options: Omit<MakeClipsOptions, 'resolution'> & {
    style: ReturnType<typeof styleForSeed>;
    end: RgbImage | undefined;
    file: string;
  },
): Promise<Clip> {
  const { width, height } = size;
  // An end frame sets the last frame, so it overrides `loop` (whose last frame is the first).
  const loop = (options.loop ?? false) && !options.end;
  const motion = { loop, hasEnd: !!options.end, style: options.style };
  let first: Uint8Array | undefined;
  await runFfmpeg({
    args: [
      ...['-loglevel', 'error', '-f', 'rawvideo', '-pix_fmt', 'rgb24'],
      ...['-s', `${width}x${height}`, '-r', String(CLIP_FPS), '-i', 'pipe:0', '-an'],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'main', '-crf', '22'],
      ...['-pix_fmt', 'yuv420p', '-movflags', '+faststart', '-fs', String(MAX_CLIP_BYTES)],
      ...['-y', options.file],
    ],
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    input: async (write, signal) => {
      for (let i = 0; i < CLIP_FRAMES; i++) {
        signal.throwIfAborted();
        const t = frameTime(i, CLIP_FRAMES, loop);
        const frame = renderFrame(src, width, height, motionAt(kind, t, motion), options.end);
        first ??= frame;
        await write(frame);
      }
    },
  });
  if ((await stat(options.file)).size >= MAX_CLIP_BYTES) {
    throw new Error(`A clip passed ${MAX_CLIP_BYTES} bytes; use 480p or a simpler image.`);
  }
  const cover = await sharp(first!, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
  return {
    mp4: await readFile(options.file),
    cover,
    width,
    height,
    durationSeconds: CLIP_FRAMES / CLIP_FPS,
    frames: CLIP_FRAMES,
    fps: CLIP_FPS,
  };
}

function checkResolution(resolution: unknown): void {
  if (resolution !== '480p' && resolution !== '720p') {
    throw new Error(`Unknown resolution ${JSON.stringify(resolution)}; use "480p" or "720p".`);
  }
}

/** Runs a sharp step on a user's image, turning a decoding failure into a message that says what to send. */
async function readImage<T>(
  image: Buffer,
  what: string,
  step: (img: Sharp) => Promise<T>,
): Promise<T> {
  try {
    return await step(sharp(image));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The ${what} could not be read (${reason}); send a PNG, JPEG, WebP or GIF.`, {
      cause: error,
    });
  }
}

/** The image upright, opaque, sRGB, cover-fitted to `size`, as raw RGB. */
function toRgb(
  image: Buffer,
  what: string,
  size: { width: number; height: number },
): Promise<RgbImage> {
  return readImage(image, what, async (img) => {
    const { data, info } = await img
      .rotate()
      .flatten({ background: '#000000' })
      .resize(size.width, size.height, { fit: 'cover' })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    };
  });
}
