/**
 * The engine's `/midjourney/translate` (reference other-endpoints §5): Chinese prompt text to
 * English. This is an OFFLINE STAND-IN, not a translator: it looks words up in a built-in
 * glossary of common Midjourney prompt words (glossary.ts: subjects, styles, art movements,
 * lighting, colours, camera terms, a few grammar words), longest match first, and writes them
 * in the order the Chinese has them. A word it does not know stays as it is, in Chinese, so
 * nothing is lost and the person can see what was not translated. Leading image URLs and the
 * `--params` are kept byte for byte; only the text between them is translated. Deterministic.
 */
import { isParamToken, isUrlToken } from '../../../src/api/prompt-syntax';
import { GLOSSARY } from './glossary';

const LONGEST_KEY = Math.max(...[...GLOSSARY.keys()].map((k) => k.length));

/** Full-width punctuation and its ASCII form. */
const PUNCTUATION: Readonly<Record<string, string>> = {
  '，': ',',
  '、': ',',
  '。': '.',
  '；': ';',
  '：': ':',
  '！': '!',
  '？': '?',
  '（': '(',
  '）': ')',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '《': '"',
  '》': '"',
  '　': ' ',
};

const HAN = /\p{Script=Han}/u;

/** Translates a run of text (no URLs, no params). */
function translateText(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (PUNCTUATION[ch] !== undefined) {
      out += `${PUNCTUATION[ch]} `;
      i++;
      continue;
    }
    if (!HAN.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let matched = 0;
    for (let len = Math.min(LONGEST_KEY, text.length - i); len > 0; len--) {
      const english = GLOSSARY.get(text.slice(i, i + len));
      if (english !== undefined) {
        if (english) out += ` ${english} `;
        matched = len;
        break;
      }
    }
    if (matched > 0) {
      i += matched;
      continue;
    }
    // Unknown: keep the whole run of unknown Han characters together, untouched.
    let j = i + 1;
    while (j < text.length && HAN.test(text[j]!) && !startsKnownWord(text, j)) j++;
    out += ` ${text.slice(i, j)} `;
    i = j;
  }
  return out
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?)])/g, '$1')
    .replace(/\(\s+/g, '(')
    .replace(/([,;])(?=\S)/g, '$1 ')
    .replace(/\ba a\b/g, 'a')
    .trim();
}

function startsKnownWord(text: string, at: number): boolean {
  for (let len = Math.min(LONGEST_KEY, text.length - at); len > 0; len--) {
    if (GLOSSARY.has(text.slice(at, at + len))) return true;
  }
  return false;
}

/**
 * Chinese → English. Image URLs at the start and everything from the first `--param` on are
 * returned exactly as given. The first letter is capitalised when the text began in Chinese
 * (as the provider's example does: "Exquisite, flawless, pure white angel").
 */
export function translatePrompt(content: string): string {
  const tokens = content.split(/(\s+)/);
  let head = '';
  let k = 0;
  // Leading URLs (and the whitespace after them) stay as they are.
  while (k < tokens.length && (isUrlToken(tokens[k]!) || /^\s*$/.test(tokens[k]!))) {
    head += tokens[k]!;
    k++;
  }
  let end = k;
  while (end < tokens.length && !isParamToken(tokens[end]!)) end++;
  const body = tokens.slice(k, end).join('');
  const tail = tokens.slice(end).join('');
  let english = translateText(body);
  if (HAN.test(body.trim().charAt(0))) english = english.charAt(0).toUpperCase() + english.slice(1);
  const spaceBeforeTail = tail && english && !/\s$/.test(english) ? ' ' : '';
  return `${head}${english}${spaceBeforeTail}${tail}`;
}
