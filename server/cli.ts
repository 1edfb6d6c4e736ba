/**
 * `npm run engine -- --port <n> [--cdn-port <m>] [--cdn-cors on|off] [--link-ttl <s>]
 * [--pace <ms>] [--token <t>]`: the local engine on its own, bound to 127.0.0.1, its attachments
 * on a second port. Flags win over the environment (ENGINE_CDN_PORT, ENGINE_CDN_CORS,
 * ENGINE_LINK_TTL, ENGINE_TOKEN, ENGINE_PACE_MS). Prints the URLs it listens on.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startEngineServer, type EngineServerOptions } from './host/http-server';
import { engineOptionsFromEnv, parseOnOff, parseWhole } from './host/vite-plugin';

const USAGE =
  'usage: npm run engine -- --port <n> [--cdn-port <m>] [--cdn-cors on|off] [--link-ttl <s>] [--pace <ms>] [--token <t>]';

/** Read the command line (throws with a usage message on nonsense). */
export function parseCliArgs(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): EngineServerOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', short: 'p' },
      pace: { type: 'string' },
      token: { type: 'string' },
      'cdn-port': { type: 'string' },
      'cdn-cors': { type: 'string' },
      'link-ttl': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port ?? env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port\n${USAGE}`);
  const options: EngineServerOptions = { ...engineOptionsFromEnv(env), port };
  try {
    if (values['cdn-port'] !== undefined)
      options.cdnPort = parseWhole(values['cdn-port'], '--cdn-port', 0, 65535);
    if (values['cdn-cors'] !== undefined)
      options.cdnCors = parseOnOff(values['cdn-cors'], '--cdn-cors');
    if (values['link-ttl'] !== undefined)
      options.linkTtlS = parseWhole(values['link-ttl'], '--link-ttl', 1, 10 * 365 * 86_400);
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`, {
      cause: err,
    });
  }
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
  console.log(`Imagine engine listening on ${running.url} (attachments from ${running.cdnUrl})`);
  const stop = (): void => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
