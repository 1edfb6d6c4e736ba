/**
 * The image relay: `GET /relay?url=…` fetches a picture server-side, so the studio can keep a
 * readable copy of a picture whose CDN sends no CORS headers. It fetches only from an
 * allow-list of origins (the provider's CDN over https, the engine's CDN, configured picture
 * origins), checked and followed as server/shared/allowed-fetch says. So it is no open proxy.
 */
import { checkPictureUrl, fetchAllowed, pictureType } from '../shared/allowed-fetch';

/** The relay's limits and where it may fetch from. */
export interface RelayOptions {
  /** Exact origins (`https://host[:port]`) the relay may fetch from. */
  allowedOrigins: readonly string[];
  /** Bytes of one picture or video (default 64 MB: a video upscale stays below). */
  maxBytes?: number;
  /** Time for the whole fetch, body included (default 20 s). */
  timeoutMs?: number;
  /** Redirects followed, each checked against the list (default 3). */
  maxRedirects?: number;
  fetchImpl?: typeof fetch;
}

/** Answer a relay request (GET only; the router sends it `/relay`). */
export function createRelay(options: RelayOptions): (req: Request) => Promise<Response> {
  const allowed = new Set(options.allowedOrigins);
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxRedirects = options.maxRedirects ?? 3;
  const doFetch = options.fetchImpl ?? fetch;

  return async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refuse(405, 'The relay answers GET only.');
    const raw = new URL(req.url).searchParams.get('url');
    if (!raw) return refuse(400, 'Say which picture: /relay?url=<picture URL>.');
    const check = checkPictureUrl(raw, allowed);
    if (!check.ok) return refuse(403, check.reason);
    const signal = AbortSignal.any([req.signal, AbortSignal.timeout(timeoutMs)]);
    const fetched = await fetchAllowed(check.url, {
      allowed,
      signal,
      maxRedirects,
      fetchImpl: doFetch,
    });
    if (!fetched.ok) return refuse(fetched.status, fetched.reason);
    const upstream = fetched.response;
    if (!upstream.ok) {
      void upstream.body?.cancel();
      // A dead or expired CDN link keeps its status, so the studio can say the link expired.
      return refuse(
        upstream.status >= 400 && upstream.status < 500 ? upstream.status : 502,
        `The picture's host answered ${upstream.status}.`,
      );
    }
    if (upstream.status !== 200) {
      void upstream.body?.cancel();
      return refuse(502, `The picture's host answered ${upstream.status}, which holds no picture.`);
    }
    const sent = upstream.headers.get('content-type') ?? '';
    const type = pictureType(sent);
    if (!type) {
      void upstream.body?.cancel();
      return refuse(
        502,
        `Not a picture: the host sent ${sent.slice(0, 100) || 'no content type'}.`,
      );
    }
    // fetch decodes a content-encoding it was sent anyway; the declared length is then the
    // encoded one, and repeating it would cut the picture and leave the rest of its bytes on a
    // kept-alive connection where the next answer belongs.
    const decoded = (upstream.headers.get('content-encoding') ?? 'identity').trim() !== 'identity';
    const length = decoded ? NaN : Number(upstream.headers.get('content-length') ?? NaN);
    if (length > maxBytes) {
      void upstream.body?.cancel();
      return refuse(
        502,
        `The picture is larger than the relay's ${Math.round(maxBytes / 1048576)} MB.`,
      );
    }
    const headers: Record<string, string> = {
      'content-type': type,
      // The relay's URL names the picture's full URL, expiry included: it never changes.
      'cache-control': 'private, max-age=86400, immutable',
      'content-security-policy': "default-src 'none'; sandbox",
      'cross-origin-resource-policy': 'same-origin',
      'x-content-type-options': 'nosniff',
    };
    if (Number.isFinite(length)) headers['content-length'] = String(length);
    if (req.method === 'HEAD') {
      void upstream.body?.cancel();
      return new Response(null, { status: 200, headers });
    }
    const body = upstream.body ?? new Blob([]).stream();
    const checked = capBytes(maxBytes, Number.isFinite(length) ? length : undefined);
    return new Response(body.pipeThrough(checked), { status: 200, headers });
  };
}

/**
 * Errors the stream (the connection is cut) once more than `max` bytes went through, or when the
 * bytes are not the `declared` count the answer promised: never a length that is not true.
 */
function capBytes(max: number, declared?: number): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0;
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > max) controller.error(new Error('picture over the relay size limit'));
      else if (declared !== undefined && seen > declared)
        controller.error(new Error('picture longer than its declared length'));
      else controller.enqueue(chunk);
    },
    flush(controller) {
      if (declared !== undefined && seen !== declared)
        controller.error(new Error('picture shorter than its declared length'));
    },
  });
}

function refuse(status: number, message: string): Response {
  return new Response(JSON.stringify({ error: { code: 'relay_refused', message } }), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}
