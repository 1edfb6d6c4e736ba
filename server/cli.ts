/**
 * `npm run engine -- --port <n> [--pace <ms>] [--token <t>]`: the local engine on its own,
 * bound to 127.0.0.1. Prints the URL it listens on.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startEngineServer, type EngineServerOptions } from './http/http-server';

const USAGE = 'usage: npm run engine -- --port <n> [--pace <ms>] [--token <t>]';

/** Read the command line (throws with a usage message on nonsense). */
export function parseCliArgs(argv: string[]): EngineServerOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', short: 'p' },
      pace: { type: 'string' },
      token: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port ?? process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port\n${USAGE}`);
  const options: EngineServerOptions = { port, log: (m) => console.warn(`[engine] ${m}`) };
  if (values.pace !== undefined) {
    const pace = Number(values.pace);
    if (!Number.isFinite(pace) || pace < 0) throw new Error(`bad --pace\n${USAGE}`);
    options.paceMs = pace;
  }
  if (values.token) options.token = values.token;
  return options;
}

async function main(): Promise<void> {
  let options: EngineServerOptions;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  }
  const running = await startEngineServer(options);
  console.log(`Imagine engine listening on ${running.url}`);
  const stop = (): void => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
