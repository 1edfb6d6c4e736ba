/**
 * macOS, iOS and word processors turn a typed `--` into an em dash (`—`) or an en dash (`–`), so
 * `—ar 16:9` is what many people actually send. Midjourney's grammar wants two hyphens; the
 * studio reads such dashes as `--` when a known parameter name follows, and says that it did.
 */
import { KNOWN_NAMES } from './known-params';

/** One dash the studio read as `--`: what was written and how it was read. */
export interface DashReading {
  /** As written, e.g. `—ar`. */
  written: string;
  /** As read, e.g. `--ar`. */
  read: string;
}

/** A prompt with its dashes read, and which words were changed. */
export interface ReadDashes {
  prompt: string;
  readings: DashReading[];
}

// One or two dash characters, at least one of them a typographic dash (a plain `--` needs no
// reading, and a single `-` is left to the lint's "two hyphens" hint), then a word.
const DASHED_WORD = /(^|\s)((?=[-–—]{0,2}[–—])[-–—]{1,2})([a-z]+)(?=\s|$)/gi;

/** Read `—ar`, `–ar`, `——ar` (and mixed pairs) before a known parameter as `--ar`. */
export function readDashes(prompt: string): ReadDashes {
  const readings: DashReading[] = [];
  const out = prompt.replace(DASHED_WORD, (whole, space: string, dashes: string, name: string) => {
    if (!KNOWN_NAMES.includes(name.toLowerCase())) return whole;
    const reading = { written: `${dashes}${name}`, read: `--${name}` };
    if (!readings.some((r) => r.written === reading.written)) readings.push(reading);
    return `${space}--${name}`;
  });
  return { prompt: out, readings };
}
