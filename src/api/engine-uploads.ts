/**
 * Re-hosting a picture on the local engine (`POST /__engine/uploads`, the engine's own route, not
 * the provider's API): the studio sends its kept copy of a picture whose link has expired and
 * gets a live link back, so an image prompt can name it again.
 */
import { t } from '@lingui/core/macro';
import { z } from 'zod/mini';
import type { ClientConfig } from './client-config';
import { ENGINE_ADMIN_HEADERS } from './engine-admin';

const UploadReply = z.object({ success: z.literal(true), url: z.string() });
const ErrorReply = z.object({ error: z.object({ message: z.string() }) });

/** Send a picture to the engine; resolves to its fresh link, or throws saying why not. */
export async function uploadToEngine(config: ClientConfig, picture: Blob): Promise<string> {
  const doFetch = config.fetch ?? ((input, init) => fetch(input, init));
  const headers: Record<string, string> = {
    'content-type': picture.type || 'image/png',
    // Admin routes take only requests that say they mean admin (see `engine-admin`).
    ...ENGINE_ADMIN_HEADERS,
  };
  const token = config.token?.trim();
  if (token) headers.authorization = /^bearer\s/i.test(token) ? token : `Bearer ${token}`;
  const res = await doFetch(`${config.baseUrl.replace(/\/+$/, '')}/__engine/uploads`, {
    method: 'POST',
    headers,
    body: picture,
  });
  const body: unknown = await res.json().catch(() => undefined);
  const ok = UploadReply.safeParse(body);
  if (res.ok && ok.success) return ok.data.url;
  const refused = ErrorReply.safeParse(body);
  throw new Error(
    refused.success
      ? t`The engine refused the copy: ${refused.data.error.message}`
      : t`The engine did not take the copy (HTTP ${res.status}).`,
  );
}
