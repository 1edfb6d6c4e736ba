import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { makeClips } from '../server/engine/video/clips';
import { round, timeMedian, type Figures } from './measure';

/**
 * CPU seconds used so far by this process and its finished children (the ffmpeg encoders), from
 * /proc: on a shared machine wall time says as much about the neighbours as about the work.
 */
function cpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime, stime, cutime, cstime are fields 14–17 of stat(5), 12–15 after "pid (comm) ".
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  return ticks / 100;
}

/** The engine's video work: one 480p set of four clips from a 16:9 picture (median of 3). */
export async function benchVideo(): Promise<Figures> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1456" height="816">
    <defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="#123"/><stop offset="1" stop-color="#fc8"/></linearGradient></defs>
    <rect width="1456" height="816" fill="url(#g)"/><circle cx="728" cy="408" r="180" fill="#e53"/>
  </svg>`;
  const image = await sharp(Buffer.from(svg)).png().toBuffer();
  const cpuBefore = cpuSeconds();
  const runs = 3;
  const ms = await timeMedian(() => makeClips(image, { resolution: '480p' }), runs, 0);
  return {
    'video.clips_480p_set': { value: round(ms / 1000), unit: 's' },
    'video.clips_480p_set_cpu': { value: round((cpuSeconds() - cpuBefore) / runs), unit: 's' },
  };
}
