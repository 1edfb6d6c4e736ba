/**
 * `tsx scripts/run-parallel.ts <npm script>…`: runs the named npm scripts at once and fails when
 * any of them fails. `npm test` runs its checks this way (typecheck, lint, format, catalogs, the
 * browser set-up): each is one single-threaded process, so on a 2-core machine two at a time
 * finish in about half the time. Each script's output is printed whole when it ends, never
 * interleaved, followed by its time.
 */
import { spawn } from 'node:child_process';

/** How one script ended. */
export interface Outcome {
  script: string;
  status: number;
  output: string;
  seconds: number;
}

/** Runs `npm run <script>`, keeping its output (stdout and stderr in the order they came). */
export function runScript(script: string, cwd = process.cwd()): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' },
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = (status: number, extra = '') =>
      resolve({
        script,
        status,
        output: Buffer.concat(chunks).toString() + extra,
        seconds: (performance.now() - started) / 1000,
      });
    child.on('error', (error) => done(1, `${error.message}\n`));
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/** The closing summary: which scripts failed, or that all passed. */
export function summary(outcomes: Outcome[]): string {
  const failed = outcomes.filter((o) => o.status !== 0).map((o) => o.script);
  const names = outcomes.map((o) => o.script).join(', ');
  return failed.length === 0 ? `all passed: ${names}` : `failed: ${failed.join(', ')}`;
}

/**
 * Runs the scripts at once in `cwd`, writing each one's output as it ends, then the summary.
 * Answers the exit status: 1 when any failed.
 */
export async function runAll(
  scripts: string[],
  {
    cwd = process.cwd(),
    write = (text: string): void => void process.stdout.write(text),
  }: { cwd?: string; write?: (text: string) => void } = {},
): Promise<number> {
  const outcomes = await Promise.all(
    scripts.map((script) =>
      runScript(script, cwd).then((outcome) => {
        const mark = outcome.status === 0 ? 'ok' : `FAILED (exit ${outcome.status})`;
        const text = outcome.output.trimEnd();
        write(
          `\n> ${script}: ${mark}, ${outcome.seconds.toFixed(1)} s\n${text ? `${text}\n` : ''}`,
        );
        return outcome;
      }),
    ),
  );
  write(`\n${summary(outcomes)}\n`);
  return outcomes.some((o) => o.status !== 0) ? 1 : 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const scripts = process.argv.slice(2);
  if (scripts.length === 0) console.error('usage: tsx scripts/run-parallel.ts <npm script>…');
  process.exitCode = scripts.length === 0 ? 2 : await runAll(scripts);
}
