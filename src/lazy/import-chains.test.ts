import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');

/** Every source file of the studio (tests and fixtures are not built). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * The `import()` calls in `code` with a failure handler chained straight onto them
 * (`import(x).catch(f)`, `import(x).then(a, f)`, `import(x).then(a).finally(f)`), as lines.
 */
function handlersOnImports(file: string, code: string): number[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  const found: number[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      let link: ts.Node = node;
      while (
        ts.isPropertyAccessExpression(link.parent) &&
        ts.isCallExpression(link.parent.parent)
      ) {
        const method = link.parent.name.text;
        const call = link.parent.parent;
        if (
          method === 'catch' ||
          method === 'finally' ||
          (method === 'then' && call.arguments.length > 1)
        )
          found.push(source.getLineAndCharacterOfPosition(node.getStart()).line + 1);
        link = call;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('lazy imports', () => {
  it('finds a failure handler chained onto an import()', () => {
    const code = [
      "import('./a').catch(() => null);",
      "import('./b').then((m) => m.x, () => null);",
      "import('./c').then((m) => m.x).finally(() => {});",
      "const d = () => import('./d'); d().catch(() => null);",
      "import('./e').then((m) => m.x);",
    ].join('\n');
    expect(handlersOnImports('x.ts', code)).toEqual([1, 2, 3]);
  });

  // Vite's build moves an import() and the calls chained onto it into its preload helper, which
  // runs them only once the chunk has come: a handler there would never see the failure. So a
  // failure is handled on a function that returns the import (`load().catch(…)`).
  it('handle their failure outside the import() chain, where it is always seen', () => {
    const offenders = sources(SRC).flatMap((file) => {
      const code = readFileSync(file, 'utf8');
      if (!code.includes('import(')) return [];
      return handlersOnImports(file, code).map((line) => `${relative(SRC, file)}:${line}`);
    });
    expect(offenders).toEqual([]);
  });
});
