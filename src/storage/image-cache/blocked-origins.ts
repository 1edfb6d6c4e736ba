/**
 * Picture hosts the page's Content-Security-Policy refused. The studio's server lists the picture
 * origins it trusts (the provider's CDN, the engine's, `PICTURE_ORIGINS`) in `img-src`,
 * `media-src` and `connect-src`; a picture from any other host is blocked by the browser, which
 * says so with a `securitypolicyviolation` event. That is how the studio can name the host and
 * the setting to change, instead of calling it a network problem.
 */
import type { BlockedOrigins } from './cache-options';

/** The part of a CSP violation this reads. */
interface Violation {
  blockedURI: string;
  effectiveDirective: string;
}

const PICTURE_DIRECTIVES = /^(img|media|connect)-src/;

/** Follows `target`'s CSP violations (a document); without one, nothing is ever blocked. */
export function watchBlockedOrigins(
  target?: Pick<EventTarget, 'addEventListener'>,
): BlockedOrigins {
  const blocked = new Set<string>();
  const listeners = new Set<(origin: string) => void>();
  target?.addEventListener('securitypolicyviolation', (event) => {
    const { blockedURI, effectiveDirective } = event as unknown as Violation;
    if (!PICTURE_DIRECTIVES.test(effectiveDirective ?? '')) return;
    let origin: string;
    try {
      origin = new URL(blockedURI).origin;
    } catch {
      return; // `inline`, `eval`, `data`: not a host.
    }
    if (origin === 'null' || blocked.has(origin)) return;
    blocked.add(origin);
    for (const listener of listeners) listener(origin);
  });
  return {
    has: (origin) => blocked.has(origin),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
