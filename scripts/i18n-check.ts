/**
 * `npm run i18n:check`: fails when the catalogs and the code disagree. A message the code uses
 * must be in every locale's catalog with a translation, and no catalog may keep a message the
 * code no longer uses (run `npm run i18n:extract`, which drops them, then translate).
 */
import { getConfig, type CatalogType, type LinguiConfigNormalized } from '@lingui/conf';
import { getCatalogs } from '@lingui/cli/api';

/** One disagreement between a catalog file and the code. */
export interface CatalogProblem {
  /** The catalog file, relative to the project. */
  file: string;
  /** `missing`: used in code, absent or untranslated; `obsolete`: in the file, unused by code. */
  kind: 'missing' | 'obsolete';
  /** The message's source text (or its id when it has none). */
  message: string;
}

/**
 * The problems of one locale's catalog, given the ids the code uses (with their source text) and
 * the catalog as read from its file.
 */
export function catalogProblems(
  used: Readonly<Record<string, { message?: string }>>,
  catalog: Readonly<CatalogType>,
  file: string,
): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  for (const [id, { message }] of Object.entries(used)) {
    const entry = catalog[id];
    if (!entry || entry.obsolete || !entry.translation?.trim()) {
      problems.push({ file, kind: 'missing', message: message ?? id });
    }
  }
  for (const [id, entry] of Object.entries(catalog)) {
    if (!(id in used)) problems.push({ file, kind: 'obsolete', message: entry.message ?? id });
  }
  return problems;
}

/** Every problem of every catalog the config names, in every locale. */
export async function checkCatalogs(config: LinguiConfigNormalized): Promise<CatalogProblem[]> {
  const problems: CatalogProblem[] = [];
  for (const catalog of await getCatalogs(config)) {
    const used = await catalog.collect();
    if (!used) throw new Error(`Could not extract the messages of ${catalog.path}`);
    for (const locale of config.locales) {
      const file = catalog.getFilename(locale).replace(`${config.rootDir}/`, '');
      problems.push(...catalogProblems(used, await catalog.read(locale), file));
    }
  }
  return problems;
}

async function main(): Promise<void> {
  const problems = await checkCatalogs(getConfig());
  for (const p of problems) {
    const what = p.kind === 'missing' ? 'no translation for' : 'obsolete (unused by the code):';
    console.error(`${p.file}: ${what} ${JSON.stringify(p.message)}`);
  }
  if (problems.length) {
    console.error(
      `\n${problems.length} catalog problem(s). Run \`npm run i18n:extract\`, then translate the new messages.`,
    );
    process.exitCode = 1;
  } else {
    console.log('i18n: every message is translated in every locale; no obsolete messages.');
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  await main();
}
