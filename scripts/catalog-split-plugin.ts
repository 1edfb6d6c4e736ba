/**
 * A build step: each language's catalog in two parts. The first part holds the messages of the
 * code the first render runs (every module the entry reaches by static imports, and the words of
 * the studio's messages, which load with the feed's cards); it is what
 * `src/i18n/catalog-<locale>.ts` gives in a build. The rest is `src/i18n/catalog-<locale>-later.ts`, loaded once the page has painted.
 * Every other module that words messages (only ever reached through a dynamic import) is given
 * an import of `src/i18n/later-messages.ts`, which waits for the rest before the module runs, so
 * no lazy part ever shows a message id. Development and tests load the whole catalog up front
 * (the source files), and nothing here applies to them.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';
import { getConfig, type LinguiConfigNormalized } from '@lingui/conf';
import { createCompiledCatalog, extractFromFileWithBabel, getCatalogs } from '@lingui/cli/api';

const MACRO_IMPORT = /from\s*['"]@lingui\/(?:core|react)\/macro['"]/;

/** The catalog modules the build fills, by file name: locale, and which part. */
const CATALOG_FILE = /\/src\/i18n\/catalog-(en|zh-cn)(-later)?\.ts$/;
const LOCALE_OF: Record<string, string> = { en: 'en', 'zh-cn': 'zh-CN' };

/** A module's relative imports: static ones (type-only left out), and dynamic ones with where. */
export function relativeImports(
  file: string,
  code: string,
): { static: string[]; dynamic: { spec: string; start: number; end: number }[] } {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  const found = {
    static: [] as string[],
    dynamic: [] as { spec: string; start: number; end: number }[],
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      if (statement.importClause?.isTypeOnly) continue;
      const named = statement.importClause?.namedBindings;
      const onlyTypes =
        !statement.importClause?.name &&
        named !== undefined &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly);
      if (onlyTypes) continue;
    } else if (!ts.isExportDeclaration(statement) || statement.isTypeOnly) continue;
    const spec = statement.moduleSpecifier;
    if (spec && ts.isStringLiteral(spec) && spec.text.startsWith('.')) found.static.push(spec.text);
  }
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0]) &&
      node.arguments[0].text.startsWith('.')
    ) {
      found.dynamic.push({
        spec: node.arguments[0].text,
        start: node.getStart(source),
        end: node.end,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function resolveSource(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Every source module reachable from `roots` through static imports: the code of the first
 * render. Imports elided as types-only in use are followed too, so the set errs on the side of
 * putting a message in the first part.
 */
export function firstRenderModules(roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of relativeImports(file, readFileSync(file, 'utf8')).static) {
      const next = resolveSource(file, spec);
      if (next) stack.push(next);
    }
  }
  return seen;
}

/** The ids of the messages `files` word (as Lingui's own extractor reads them). */
async function messageIds(
  files: Iterable<string>,
  config: LinguiConfigNormalized,
): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    if (!MACRO_IMPORT.test(code)) continue;
    await extractFromFileWithBabel(
      file,
      code,
      (m) => ids.add(m.id),
      { linguiConfig: config },
      {
        plugins: ['typescript', 'jsx'],
      },
    );
  }
  return ids;
}

/** Every message of `locale`, compiled, from all of the config's catalogs. */
async function translations(
  config: LinguiConfigNormalized,
  locale: string,
): Promise<Record<string, string>> {
  const messages: Record<string, string> = {};
  for (const catalog of await getCatalogs(config)) {
    // As Lingui's own Vite plugin reads them (the config is normalized, so both are set).
    const read = await catalog.getTranslations(locale, {
      sourceLocale: config.sourceLocale ?? 'en',
      fallbackLocales: config.fallbackLocales ?? {},
    });
    Object.assign(messages, read.messages);
  }
  return messages;
}

/** Options of {@link catalogSplitPlugin}. */
export interface CatalogSplitOptions {
  /** The project root. */
  root: string;
  /** Modules the first render runs: the entry, and what it loads along with the catalog. */
  roots: readonly string[];
}

/** The Vite plugin (build only). */
export function catalogSplitPlugin(options: CatalogSplitOptions): Plugin {
  const gate = resolve(options.root, 'src/i18n/later-messages.ts');
  let first: Set<string> = new Set();
  let firstIds: Promise<Set<string>> | undefined;
  const words = new Map<string, boolean>();
  const config = () => getConfig({ cwd: options.root, skipValidation: true });

  /** Whether loading `file` runs code outside the first render that words messages. */
  function wordsLater(file: string): boolean {
    const known = words.get(file);
    if (known !== undefined) return known;
    words.set(file, false); // an import cycle adds nothing new
    const code = readFileSync(file, 'utf8');
    const result =
      !first.has(file) &&
      (MACRO_IMPORT.test(code) ||
        relativeImports(file, code).static.some((spec) => {
          const next = resolveSource(file, spec);
          return next !== undefined && wordsLater(next);
        }));
    words.set(file, result);
    return result;
  }

  return {
    name: 'imagine-studio-catalog-split',
    apply: 'build',
    // On the source as written, before any other transform.
    enforce: 'pre',
    buildStart() {
      first = firstRenderModules(options.roots.map((r) => resolve(options.root, r)));
      words.clear();
      firstIds = undefined;
    },
    async load(id) {
      const match = CATALOG_FILE.exec(id);
      if (!match) return null;
      const locale = LOCALE_OF[match[1]!]!;
      const later = match[2] !== undefined;
      firstIds ??= messageIds(first, config());
      const [ids, all] = await Promise.all([firstIds, translations(config(), locale)]);
      const part = Object.fromEntries(
        Object.entries(all).filter(([key]) => ids.has(key) !== later),
      );
      const { source, errors } = createCompiledCatalog(locale, part, { namespace: 'es' });
      if (errors.length)
        throw new Error(`The ${locale} catalog does not compile: ${errors[0]!.error.message}`);
      return { code: source, map: null };
    },
    transform: {
      filter: { id: { include: /\/src\/.*\.tsx?$/, exclude: /node_modules/ }, code: /\bimport\(/ },
      handler(code, id) {
        if (id === gate) return null;
        const wrap = relativeImports(id, code).dynamic.filter((d) => {
          const target = resolveSource(id, d.spec);
          return target !== undefined && wordsLater(target);
        });
        if (wrap.length === 0) return null;
        let out = code;
        for (const d of [...wrap].reverse()) {
          const call = out.slice(d.start, d.end);
          out = `${out.slice(0, d.start)}__withLaterMessages(${call})${out.slice(d.end)}`;
        }
        // On the module's first line, so every line keeps its number.
        const importGate = `import { withLaterMessages as __withLaterMessages } from ${JSON.stringify(gate)};`;
        return { code: importGate + out, map: null };
      },
    },
  };
}
