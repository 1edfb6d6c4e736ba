/**
 * One-time migration of the sentences older studios stored (a job's note, a studio-made error)
 * into messages (`Msg`: a code and params). No hand-written patterns: for every code with words,
 * its message is read from both compiled catalogs (English, and Chinese, which a few messages
 * were stored in when they were worded at creation), and a matcher is built from its literal
 * parts and placeholders. A match gives the code and its params; a param that is itself one of
 * the studio's sentences ("Could not check: …") becomes a nested message. Text that matches
 * nothing is the provider's and stays as it is. Its own chunk: only a database or a history file
 * made by an older studio loads it.
 */
import { setupI18n, type I18n, type MessageDescriptor, type Messages } from '@lingui/core';
import { isMsg, type Msg } from '../../api/message';
import type { WordParams } from '../../api/words';
import { catalogOf } from '../../i18n/activate';
import { loadWords } from '../../i18n/say';
import { actionName } from '../../jobs/action-names';
import { jobTitle } from '../../jobs/job';

/** A compiled message: literal text, and placeholders as `[name]` (or `[name, format, …]`). */
type Compiled = string | readonly (string | readonly unknown[])[];

interface Matcher {
  code: string;
  names: string[];
  pattern: RegExp;
  /** Letters of literal text: the more, the surer the match (tried first). */
  weight: number;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LETTER = /[A-Za-z\u4e00-\u9fff]/g;

/** Params that answer every name with nothing: enough to learn which message a code words. */
const PROBE = new Proxy({}, { get: () => '' }) as WordParams;
const SILENT = { _: () => '' } as unknown as I18n;

function matcherOf(code: string, compiled: Compiled | undefined): Matcher | undefined {
  if (compiled === undefined) return undefined;
  const parts = typeof compiled === 'string' ? [compiled] : compiled;
  const names: string[] = [];
  let source = '';
  let literal = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      source += escape(part);
      literal += part;
    } else if (part.length === 1 && typeof part[0] === 'string') {
      names.push(part[0]);
      source += '([\\s\\S]*?)';
    } else return undefined; // A plural or a select: such a message was never stored.
  }
  const weight = literal.match(LETTER)?.length ?? 0;
  // A message that is all placeholders and punctuation would match anyone's words.
  if (weight === 0) return undefined;
  return { code, names, pattern: new RegExp(`^${source}$`), weight };
}

/** Turns stored sentences back into messages. */
export interface LegacyText {
  /** The message a stored sentence is, or undefined when it is not the studio's. */
  toMsg(text: string): Msg | undefined;
  /**
   * A stored job (or an imported one) with its note and studio-made error as messages, and its
   * parent's label as data only.
   */
  job<T>(record: T): T;
}

/** Builds the matchers from the words tables and both languages' catalogs. */
export async function loadLegacyText(): Promise<LegacyText> {
  const [table, ...catalogs] = await Promise.all([
    loadWords(),
    catalogOf('en'),
    catalogOf('zh-CN'),
  ]);
  const matchers: Matcher[] = [];
  for (const [code, words] of Object.entries(table)) {
    // A stand-in for a provider code reads as the provider's own message: kept as it is.
    if (code.startsWith('api.code.')) continue;
    const said = words(PROBE, SILENT);
    if (typeof said === 'string') continue;
    for (const catalog of catalogs as Messages[]) {
      const matcher = matcherOf(code, catalog[(said as MessageDescriptor).id] as Compiled);
      if (matcher) matchers.push(matcher);
    }
  }
  // The surest first; of two as sure, the one that tells more apart ("HTTP {status} {reason}").
  matchers.sort((a, b) => b.weight - a.weight || b.names.length - a.names.length);
  return legacyText(matchers, studioLabels(catalogs as Messages[]));
}

/**
 * The studio's words older studios left as a lineage label, in both languages: "Describe" and
 * "Edit" (the action, which `parent.action` says) and "Untitled" (a parent without words).
 */
function studioLabels(catalogs: readonly Messages[]): Set<string> {
  // Stored in English whatever the language: written as literals, never translated.
  const labels = new Set(['Describe', 'Edit']);
  catalogs.forEach((messages, i) => {
    const locale = i === 0 ? 'en' : 'zh-CN';
    const i18n = setupI18n({ locale, messages: { [locale]: messages } });
    labels.add(actionName('describe', i18n));
    labels.add(jobTitle({ request: {} }, i18n));
  });
  return labels;
}

/**
 * An extended clip's label was "Clip 2 of …" in English (a template, never a catalog message):
 * what follows "of" is the words; the clip's number is its request's `video_index`.
 */
const CLIP_LABEL = /^Clip \d+ of ([\s\S]*)$/;

/** A parent with its label as data only: the studio's words dropped, a clip's words kept. */
function lineageOf<P extends { action?: unknown; label?: unknown }>(
  parent: P,
  labels: ReadonlySet<string>,
): P {
  if (typeof parent.label !== 'string') return parent;
  const clip = parent.action === 'extend' ? CLIP_LABEL.exec(parent.label) : null;
  const words = (clip ? clip[1]! : parent.label).trim();
  if (words === parent.label && !labels.has(words)) return parent;
  const { label: _old, ...rest } = parent;
  return (words && !labels.has(words) ? { ...rest, label: words } : rest) as P;
}

function legacyText(matchers: readonly Matcher[], labels: ReadonlySet<string>): LegacyText {
  function toMsg(text: string, depth = 0): Msg | undefined {
    for (const { code, names, pattern } of matchers) {
      const m = pattern.exec(text);
      if (!m) continue;
      const params: Record<string, string | number | Msg> = {};
      names.forEach((name, i) => {
        const value = m[i + 1] ?? '';
        params[name] = (depth < 2 && value ? toMsg(value, depth + 1) : undefined) ?? value;
      });
      return names.length ? { code, params } : { code };
    }
    return undefined;
  }

  function job<T>(record: T): T {
    if (typeof record !== 'object' || record === null) return record;
    const r = record as {
      note?: unknown;
      error?: { message?: unknown; reason?: unknown };
      parent?: { action?: unknown; label?: unknown };
    };
    let out = r;
    if (r.parent && typeof r.parent === 'object') {
      const parent = lineageOf(r.parent, labels);
      if (parent !== r.parent) out = { ...out, parent };
    }
    if (typeof r.note === 'string') {
      out = {
        ...out,
        note: toMsg(r.note) ?? { code: 'job.legacy-note', params: { text: r.note } },
      };
    }
    const error = r.error;
    if (error && typeof error.message === 'string' && !isMsg(error.reason)) {
      const reason = toMsg(error.message);
      if (reason) {
        const { message: _sentence, ...rest } = error;
        out = { ...out, error: { ...rest, reason } };
      }
    }
    return out as T;
  }

  return { toMsg: (text) => toMsg(text), job };
}
