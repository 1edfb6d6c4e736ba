/**
 * Which host names a server answers for, and what counts as the server itself.
 *
 * DNS rebinding: a page on `evil.example` re-points its name at 127.0.0.1, and its requests then
 * reach this server as same-origin ones (`Host: evil.example:5173`, `Origin` to match), custom
 * headers and all. So every listener answers only the names of this machine (`127.0.0.1`,
 * `localhost`, `[::1]`, the host it was configured with) and the public names an operator lists
 * in `ALLOWED_HOSTS`; anything else is 421. An `Origin` is compared with that list and the
 * server's own ports, never with the `Host` the request brought.
 */

/** The names of this machine every listener answers for. */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

/** The host names a server answers for. */
export interface HostPolicy {
  /** This machine's names: an `Origin` naming one must also name one of the server's ports. */
  readonly local: ReadonlySet<string>;
  /** `ALLOWED_HOSTS`: a proxy in front chooses the port, so any port of such a name is ours. */
  readonly public: ReadonlySet<string>;
}

/**
 * A host name as URLs spell it (lower case, IP forms normalised, IPv6 in brackets, no trailing
 * dot), or null when `text` is not a bare host name with at most a port.
 */
export function normaliseHost(text: string): string | null {
  const raw = text.trim();
  if (!raw || !/^[A-Za-z0-9.\-[\]:]+$/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(`http://${raw}/`);
  } catch {
    return null;
  }
  if (url.pathname !== '/' || url.username || !url.hostname) return null;
  return url.hostname.replace(/\.$/, '');
}

/** The policy for a server configured to listen on `configured` (one host or several). */
export function hostPolicy(
  configured: string | undefined | readonly string[],
  publicNames: readonly string[] = [],
): HostPolicy {
  const local = new Set(LOOPBACK_HOSTS);
  for (const name of typeof configured === 'string' ? [configured] : (configured ?? [])) {
    const host = normaliseHost(bracketed(name));
    if (host) local.add(host);
  }
  const named = new Set<string>();
  for (const name of publicNames) {
    const host = normaliseHost(name);
    if (host) named.add(host);
  }
  return { local, public: named };
}

/** An IPv6 address as a Host header carries it (`::1` → `[::1]`). */
function bracketed(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** Whether a request's `Host` header names this server. A request without one is refused. */
export function hostAllowed(policy: HostPolicy, header: string | null | undefined): boolean {
  const host = header ? normaliseHost(header) : null;
  return host !== null && (policy.local.has(host) || policy.public.has(host));
}

/**
 * `ALLOWED_HOSTS`: comma-separated public names (`studio.example.com,192.168.1.20`); throws
 * with a message saying what to change.
 */
export function parseAllowedHosts(raw: string | undefined): string[] {
  if (!raw?.trim()) return [];
  return raw.split(',').map((entry) => {
    const name = entry.trim();
    const host = normaliseHost(name);
    if (!host || /:\d+$/.test(name.replace(/^\[.*\]/, '')))
      throw new Error(
        `ALLOWED_HOSTS takes host names such as studio.example.com (no scheme, no port), got "${name}"`,
      );
    return host;
  });
}

/** Loopback and "any address" spellings that reach this machine whatever names it was given. */
function isThisMachine(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '0.0.0.0' || host === '[::]' || host === '[::1]') return true;
  if (/^127\.\d+\.\d+\.\d+$/.test(host)) return true;
  // IPv4-mapped and IPv4-compatible loopback (`[::ffff:127.0.0.1]` parses as `[::ffff:7f00:1]`).
  return /^\[::(ffff:)?7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host);
}

/**
 * The ports a server listens on and the names it answers for: what counts as itself. The
 * listeners register their ports once they listen.
 */
export class OwnOrigins {
  /** Ports of the API (and admin) listener: the studio's when the engine is mounted in it. */
  readonly apiPorts = new Set<number>();
  /** Ports of the engine's picture origin. */
  readonly cdnPorts = new Set<number>();

  constructor(readonly policy: HostPolicy) {}

  /** Whether an `Origin` header names this server: one of its names on one of its API ports. */
  isOwnOrigin(origin: string): boolean {
    const url = parse(origin);
    if (!url || url.origin !== origin.toLowerCase()) return false;
    const host = url.hostname.replace(/\.$/, '');
    if (this.policy.public.has(host)) return true;
    return this.policy.local.has(host) && this.apiPorts.has(portOf(url));
  }

  /**
   * Whether `raw` points at this server: a name of it (or any loopback spelling) on one of its
   * ports (with `cdn`, the picture origin's too), or any port of a public name. `requestUrl`, the
   * URL a request arrived on, counts as this server as well.
   */
  pointsAtSelf(raw: string, options: { cdn?: boolean; requestUrl?: string } = {}): boolean {
    const url = parse(raw);
    if (!url) return false;
    const host = url.hostname.replace(/\.$/, '');
    if (this.policy.public.has(host)) return true;
    const arrived = options.requestUrl ? parse(options.requestUrl) : null;
    if (arrived && arrived.host === url.host) return true;
    if (!this.policy.local.has(host) && !isThisMachine(host)) return false;
    const port = portOf(url);
    return this.apiPorts.has(port) || (options.cdn === true && this.cdnPorts.has(port));
  }
}

function parse(raw: string): URL | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function portOf(url: URL): number {
  return Number(url.port || (url.protocol === 'https:' ? 443 : 80));
}
