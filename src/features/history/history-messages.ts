/**
 * What the history's bulk operations say, as functions of the language: a message is kept as
 * data and put into words each time it renders, so switching the language changes it too.
 * The studio's own reasons are worded by `say`; a provider's words stay as they are.
 */
import type { I18n, MessageDescriptor } from '@lingui/core';
import { msg, plural } from '@lingui/core/macro';
import { formatNumber } from '../../i18n/format';
import { reasonOf, type Msg } from '../../api/message';
import { say } from '../../i18n/say';

/** A message in the language of `i18n`. */
export type Say = (i18n: I18n) => string;

/** "Could not delete: …". */
export const couldNotDelete =
  (err: unknown): Say =>
  (i18n) => {
    const reason = say(reasonOf(err), i18n);
    return i18n._(msg`Could not delete: ${reason}`);
  };

/** "Restored 3 jobs." */
export const restored =
  (count: number): Say =>
  (i18n) =>
    i18n._(msg`${plural(count, { one: 'Restored # job.', other: 'Restored # jobs.' })}`);

/** "Could not undo the delete: …". */
export const couldNotUndo =
  (err: unknown): Say =>
  (i18n) => {
    const reason = say(reasonOf(err), i18n);
    return i18n._(msg`Could not undo the delete: ${reason}`);
  };

/** "Downloading 2 of 5…". */
export const downloading =
  (n: number, total: number): Say =>
  (i18n) => {
    const done = formatNumber(n);
    const all = formatNumber(total);
    return i18n._(msg`Downloading ${done} of ${all}…`);
  };

/** The end of a bulk download: saved, failed (with why), and without an image. */
export const downloaded =
  (
    saved: number,
    failed: number,
    reasons: readonly (Msg | string)[],
    skipped: number,
    clips = 0,
  ): Say =>
  (i18n) => {
    const parts = [];
    if (saved || !clips)
      parts.push(
        i18n._(
          msg`${plural(saved, { one: 'Downloaded # image.', other: 'Downloaded # images.' })}`,
        ),
      );
    if (clips)
      parts.push(
        i18n._(msg`${plural(clips, { one: 'Downloaded # clip.', other: 'Downloaded # clips.' })}`),
      );
    if (failed) {
      const why = reasons.map((r) => say(r, i18n)).join(' ');
      parts.push(i18n._(msg`${failed} could not be saved. ${why}`));
    }
    if (skipped) parts.push(i18n._(msg`${skipped} had no image.`));
    return parts.join(' ');
  };

/** "Exported 12 jobs to imagine-history-….json." */
export const exported =
  (count: number, name: string): Say =>
  (i18n) =>
    i18n._(
      msg`${plural(count, { one: `Exported # job to ${name}.`, other: `Exported # jobs to ${name}.` })}`,
    );

/** "Could not export the history: …". */
export const couldNotExport =
  (err: unknown): Say =>
  (i18n) => {
    const reason = say(reasonOf(err), i18n);
    return i18n._(msg`Could not export the history: ${reason}`);
  };

/** What an import did, counted, and what it left out of the requests. */
export interface ImportReport {
  total: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Fields left out, by name (`request.mode`, `delivery`), with how many jobs had each. */
  dropped: Readonly<Record<string, number>>;
}

/** Fields a file cannot set because the person's Settings (or the studio) decide them. */
const SETTINGS_FIELDS: Readonly<Record<string, MessageDescriptor>> = {
  mode: msg`mode`,
  delivery: msg`delivery`,
  callback_url: msg`callback URL`,
  trace_id: msg`trace ID`,
  async: msg`async`,
};

/** "9 jobs' mode and 1 job's delivery": the fields of one group, in the words of `i18n`. */
function whoseFields(entries: readonly [string, number][], i18n: I18n): string {
  const list = new Intl.ListFormat(i18n.locale || 'en', { type: 'conjunction' });
  return list.format(
    entries.map(([name, count]) => {
      const known = SETTINGS_FIELDS[name];
      const field = known ? i18n._(known) : name;
      return i18n._(msg`${plural(count, { one: `# job’s ${field}`, other: `# jobs’ ${field}` })}`);
    }),
  );
}

/** The plain sentences saying what an import left out and why; empty when nothing was. */
function droppedSentences(dropped: ImportReport['dropped'], i18n: I18n): string[] {
  const settings: [string, number][] = [];
  const refused: [string, number][] = [];
  for (const [key, count] of Object.entries(dropped)) {
    const name = key.replace(/^request\./, '');
    (name in SETTINGS_FIELDS ? settings : refused).push([name, count]);
  }
  const out: string[] = [];
  if (settings.length) {
    const what = whoseFields(settings, i18n);
    const n = settings.length;
    out.push(
      i18n._(
        msg`${plural(n, { one: `${what} was not imported: your Settings decide it.`, other: `${what} were not imported: your Settings decide these.` })}`,
      ),
    );
  }
  if (refused.length) {
    const what = whoseFields(refused, i18n);
    const n = refused.length;
    out.push(
      i18n._(
        msg`${plural(n, { one: `${what} was not imported: the studio does not accept it.`, other: `${what} were not imported: the studio does not accept them.` })}`,
      ),
    );
  }
  return out;
}

/** "Imported file.json: 3 jobs — 2 added, 1 updated, 0 already here." and what was left out. */
export const imported =
  (file: string, r: ImportReport): Say =>
  (i18n) => {
    const added = formatNumber(r.added);
    const updated = formatNumber(r.updated);
    const unchanged = formatNumber(r.unchanged);
    const jobs = i18n._(msg`${plural(r.total, { one: '# job', other: '# jobs' })}`);
    const text = i18n._(
      msg`Imported ${file}: ${jobs} — ${added} added, ${updated} updated, ${unchanged} already here.`,
    );
    return [text, ...droppedSentences(r.dropped, i18n)].join(' ');
  };

/** "Could not import file.json. …" with the reason translated where it is the studio's own. */
export const couldNotImport =
  (file: string, err: unknown): Say =>
  (i18n) => {
    const why = say(reasonOf(err), i18n);
    return i18n._(msg`Could not import ${file}. ${why}`);
  };
