/**
 * Writes the studio's run-time tags into index.html: the config meta (AceData base URL, relay)
 * and, for a build that static hosts serve, the CSP meta. The production server sends the CSP
 * as a header instead and removes the meta, so a policy baked at build time with other
 * settings can never narrow (CSPs intersect) the one the server means.
 */
import { STUDIO_CONFIG_META, type StudioConfig } from '../../src/api/runtime-config';

const CHARSET = /<meta charset="UTF-8" \/>/i;
const CSP_META = /\s*<meta http-equiv="Content-Security-Policy"[^>]*>/gi;
const CONFIG_META = new RegExp(`\\s*<meta name="${STUDIO_CONFIG_META}"[^>]*>`, 'gi');

/** What to write into the page. */
export interface PageTags {
  config: StudioConfig;
  /** A CSP for a meta tag; omitted = no meta CSP (the server sends a header). */
  csp?: string;
}

/** index.html with the old tags removed and these written just after the charset. */
export function writePageTags(html: string, tags: PageTags): string {
  if (!CHARSET.test(html))
    throw new Error('index.html has no <meta charset="UTF-8" /> to anchor on');
  const lines = [
    `<meta name="${STUDIO_CONFIG_META}" content="${escapeAttr(JSON.stringify(tags.config))}" />`,
  ];
  if (tags.csp)
    lines.unshift(
      `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(tags.csp)}" />`,
    );
  const clean = html.replace(CSP_META, '').replace(CONFIG_META, '');
  return clean.replace(CHARSET, (m) => [m, ...lines].join('\n    '));
}

function escapeAttr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
