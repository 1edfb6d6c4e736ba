import { test } from '@playwright/test';
import { startTsxServer, type BenchServer } from '../test-support/servers';

/** How the three origins are set up for one describe block. */
export interface ThreeOriginsOptions {
  /** The API's port; the CDN takes the next one, the studio the one after. */
  basePort: number;
  /** Whether the CDN sends CORS headers. */
  cors: 'on' | 'off';
  /** Whether the studio's server relays pictures (off is how a static host behaves). */
  relay: boolean;
  linkTtlSeconds: number;
  token: string;
  /** `PICTURE_ORIGINS` of the studio's server; default: the CDN (a trusted picture host). */
  pictureOrigins?: (cdn: string) => string;
}

/** The three origins' ports and the CDN's origin. */
export interface ThreeOrigins {
  apiPort: number;
  cdnPort: number;
  studioPort: number;
  cdn: string;
}

/**
 * Production's three origins for the tests of the enclosing describe block: a standalone engine
 * (the API) with its CDN on its own port and expiring links, and the studio's production server
 * pointing its AceData target at that engine. Started before the block's tests, stopped after.
 */
export function useThreeOrigins(opts: ThreeOriginsOptions): ThreeOrigins {
  const [apiPort, cdnPort, studioPort] = [opts.basePort, opts.basePort + 1, opts.basePort + 2];
  const cdn = `http://127.0.0.1:${cdnPort}`;
  let servers: BenchServer[] = [];

  test.beforeAll(async () => {
    const api = await startTsxServer(
      'server/cli.ts',
      [
        ...['--port', String(apiPort), '--cdn-port', String(cdnPort)],
        ...['--link-ttl', String(opts.linkTtlSeconds), '--cdn-cors', opts.cors],
        ...['--pace', '40', '--token', opts.token],
      ],
      {},
      `http://127.0.0.1:${apiPort}/__engine/state`,
    );
    servers.push(api);
    const studio = await startTsxServer(
      'server/studio/cli.ts',
      [],
      {
        PORT: String(studioPort),
        ENGINE: 'off',
        RELAY: opts.relay ? 'on' : 'off',
        ACEDATA_BASE_URL: api.url,
        ACEDATA_PROXY_TARGET: '',
        PICTURE_ORIGINS: opts.pictureOrigins ? opts.pictureOrigins(cdn) : cdn,
      },
      `http://127.0.0.1:${studioPort}/`,
    );
    servers.push(studio);
  });

  test.afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    servers = [];
  });

  return { apiPort, cdnPort, studioPort, cdn };
}
