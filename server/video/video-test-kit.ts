import { readdirSync, readFileSync } from 'node:fs';
import sharp from 'sharp';

/**
 * A test picture with structure everywhere (a diagonal gradient, a disc, bars and stripes), so any
 * pan, zoom or fade moves a measurable share of its pixels.
 */
export function scene(width: number, height: number, hue = 0): Promise<Buffer> {
  const stripes = Array.from(
    { length: 12 },
    (_, i) =>
      `<rect x="${(i * width) / 12}" y="${height * 0.8}" width="${width / 24}" height="${height * 0.2}" fill="#fff"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},70%,15%)"/><stop offset="1" stop-color="hsl(${hue + 60},90%,75%)"/>
    </linearGradient></defs>
    <rect width="${width}" height="${height}" fill="url(#g)"/>
    <circle cx="${width * 0.5}" cy="${height * 0.5}" r="${height * 0.22}" fill="hsl(${hue + 180},80%,50%)"/>
    <rect x="${width * 0.08}" y="${height * 0.1}" width="${width * 0.12}" height="${height * 0.5}" fill="#111"/>
    <rect x="${width * 0.78}" y="${height * 0.15}" width="${width * 0.1}" height="${height * 0.4}" fill="#eee"/>
    ${stripes}
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** The image as the clip would show it whole: cover-fitted to the clip's size, raw RGB. */
export async function asFrame(image: Buffer, width: number, height: number): Promise<Uint8Array> {
  return sharp(image)
    .flatten()
    .resize(width, height, { fit: 'cover' })
    .removeAlpha()
    .raw()
    .toBuffer();
}

/** Mean absolute difference of two same-sized pictures, 0–255 per byte. */
export function meanDiff(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) throw new Error(`sizes differ: ${a.length} vs ${b.length}`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

/** The ffmpeg processes this test process started (children in /proc), by pid. */
export function ffmpegChildren(): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces, so split after its closing parenthesis.
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (comm === 'ffmpeg' && ppid === process.pid) pids.push(Number(name));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return pids;
}

/** Whether a process still exists (a zombie counts: it was not reaped). */
export function alive(pid: number): boolean {
  try {
    readFileSync(`/proc/${pid}/stat`);
    return true;
  } catch {
    return false;
  }
}

/** The H.264 profile in the MP4's avcC box: 66 Baseline, 77 Main, 100 High. */
export function avcProfile(mp4: Buffer): number | undefined {
  const at = mp4.indexOf('avcC');
  return at < 0 ? undefined : mp4[at + 5];
}
