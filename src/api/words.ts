/**
 * How a table of words looks: for each code of a layer, its words in the active language from
 * the message's params (nested messages already worded). Each layer keeps one table beside its
 * codes (`api-words.ts`, `jobs/job-words.ts`, `storage/storage-words.ts`, a kind's
 * `<name>-words.ts`), typed `satisfies Record<Code, Words>`, so a code without words fails the
 * typecheck. One message per code: the one-time migration of stored sentences
 * (`storage/migrations/legacy-text.ts`) reads each code's message back from the catalogs.
 */
import type { I18n, MessageDescriptor } from '@lingui/core';

/** A message's params as its words get them: nested messages are already words. */
export type WordParams = Readonly<Record<string, string | number>>;

/**
 * The words of one code. A string is for the rare message put together from several (the
 * eviction notice, never stored): it has no single message to read back.
 */
export type Words = (p: WordParams, i18n: I18n) => MessageDescriptor | string;

/** The words of a layer, by code. */
export type WordsTable = Readonly<Record<string, Words>>;
