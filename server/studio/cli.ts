/**
 * `npm start` (after `vite build`): the studio's production server. Settings come from the
 * environment (README, "Serving the studio"); a bad one stops the start with a message.
 */
import { startStudioServer } from './app';
import { studioOptionsFromEnv, type StudioOptions } from './options';

let options: StudioOptions;
try {
  options = studioOptionsFromEnv();
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
}

try {
  const running = await startStudioServer(options);
  const parts = [
    options.engine ? 'local engine' : 'no engine',
    `AceData ${options.acedataBaseUrl}`,
    options.relay ? 'relay on' : 'relay off',
  ];
  console.log(`Imagine Studio on ${running.url} (${parts.join(', ')})`);
  const stop = (): void => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
