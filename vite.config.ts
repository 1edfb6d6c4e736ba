import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { engineServerPlugin } from './server/http/vite-plugin';

const port = Number(process.env.PORT ?? 5173);

/** The AceData API host; the only remote origin the studio talks to besides image hosts. */
const ACEDATA = 'https://api.acedata.cloud';

/**
 * Content-Security-Policy for the built app: scripts and styles from our own origin only, API
 * calls to our origin (local engine, pass-through) and AceData, images from our origin,
 * https image hosts and the local engine's CDN (its own port on this machine). Added at build time only: Vite's dev server injects inline scripts.
 */
function contentSecurityPolicy(): Plugin {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https: http://127.0.0.1:* http://localhost:*",
    `connect-src 'self' ${ACEDATA} https: http://127.0.0.1:* http://localhost:*`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  return {
    name: 'imagine-studio-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`,
      ),
  };
}

/**
 * Vite's own proxy gives `npm start` a same-origin pass-through to AceData (`/acedata/*`).
 * `ACEDATA_PROXY_TARGET` points it elsewhere (the e2e tests use a second local engine).
 */
const acedataProxy = {
  '/acedata': {
    target: process.env.ACEDATA_PROXY_TARGET || ACEDATA,
    changeOrigin: true,
    rewrite: (path: string) => path.replace(/^\/acedata/, ''),
  },
};

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), engineServerPlugin()],
  server: { port, host: '127.0.0.1', proxy: acedataProxy },
  preview: { port, host: '127.0.0.1', proxy: acedataProxy },
  build: { target: 'es2022', sourcemap: false },
});
