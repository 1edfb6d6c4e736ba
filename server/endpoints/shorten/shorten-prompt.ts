/**
 * The engine's `/midjourney/shorten`: up to five shorter versions of a prompt (reference
 * other-endpoints §6). Midjourney weighs a prompt's words by how much each changes the picture;
 * this stand-in approximates that offline and deterministically: words that never change a
 * picture (articles, linking words, quality filler such as "masterpiece" or "8k") go first,
 * then later phrases (Midjourney weighs early words more), down to the leading subject words.
 * Image URLs stay first and every `--param` stays as written, so a shortened prompt draws the
 * same kind of picture with the same settings.
 */
import { joinPrompt, splitPrompt } from '../../../src/api/prompt-syntax';

/** The most candidates `/shorten` returns ("up to 5", reference §6). */
export const MAX_SHORTENED = 5;

/** Words that carry no picture on their own. */
const STOPWORDS = new Set(
  (
    'a an the of in on at to for from with by and or but is are was were be been being it its ' +
    'this that these those as into onto over under very really quite some which who whose while ' +
    'there their his her my our your has have had very so just also then than'
  ).split(' '),
);

/** Quality filler: phrases that Midjourney's /shorten shows as weighing almost nothing. */
const FILLER = new Set(
  (
    'masterpiece best quality high quality highest quality ultra detailed highly detailed ' +
    'extremely detailed very detailed intricate details hyperdetailed hyper detailed detailed ' +
    '4k 8k 16k 32k uhd hd hdr ultra realistic hyperrealistic photorealistic award winning ' +
    'trending on artstation artstation unreal engine octane render stunning gorgeous beautiful ' +
    'amazing epic incredible perfect sharp focus professional ultra'
  ).split(' '),
);

const FILLER_PHRASES = [
  'best quality',
  'high quality',
  'highest quality',
  'ultra detailed',
  'highly detailed',
  'extremely detailed',
  'very detailed',
  'intricate details',
  'hyper detailed',
  'award winning',
  'trending on artstation',
  'unreal engine',
  'octane render',
  'sharp focus',
  'ultra realistic',
];

/** Splits prompt text into its comma/semicolon phrases, trimmed, empties dropped. */
function phrasesOf(text: string): string[] {
  return text
    .split(/[,;]+/)
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

const bare = (word: string): string => word.toLowerCase().replace(/[^\p{L}\p{N}:-]/gu, '');

/** Whether a phrase is only quality filler. */
function isFiller(phrase: string): boolean {
  const lower = phrase.toLowerCase();
  if (FILLER_PHRASES.includes(lower)) return true;
  const words = lower.split(' ').map(bare).filter(Boolean);
  return words.length > 0 && words.every((w) => FILLER.has(w) || STOPWORDS.has(w));
}

/** A phrase without its linking words and filler words (kept whole if that would empty it). */
function compress(phrase: string): string {
  const kept = phrase
    .split(' ')
    .filter((w) => !STOPWORDS.has(bare(w)) && !FILLER.has(bare(w)) && bare(w) !== '');
  return kept.length > 0 ? kept.join(' ') : phrase;
}

/**
 * Up to five shorter prompts, longest first, each keeping the prompt's leading image URLs and
 * all its `--params`. Empty when there is no text to shorten (only URLs and params, or one word).
 */
export function shortenPrompt(prompt: string): string[] {
  const parts = splitPrompt(prompt);
  const phrases = phrasesOf(parts.text);
  const meaningful = phrases.filter((p) => !isFiller(p));
  const compact = meaningful.map(compress);
  const keyWords = compact.join(' ').split(' ').filter(Boolean);
  const half = Math.max(1, Math.ceil(compact.length / 2));

  const texts = [
    meaningful.join(', '),
    compact.join(', '),
    compact.slice(0, Math.max(1, compact.length - 1)).join(', '),
    compact.slice(0, half).join(', '),
    keyWords.slice(0, Math.min(keyWords.length, 4)).join(' '),
    keyWords.slice(0, Math.min(keyWords.length, 2)).join(' '),
  ];

  const original = phrases.join(', ');
  const seen = new Set<string>();
  const out: string[] = [];
  for (const text of texts) {
    if (!text || text.length >= original.length || seen.has(text)) continue;
    seen.add(text);
    out.push(joinPrompt({ ...parts, text }));
  }
  // Over the limit: keep the longest ones and the shortest (the bare subject).
  return out.length > MAX_SHORTENED ? [...out.slice(0, MAX_SHORTENED - 1), out.at(-1)!] : out;
}
