/**
 * The mask export off the main thread: rasterising a 2048² history and encoding it takes tens of
 * milliseconds, which on the page would freeze the dialog while Submit is pressed. OffscreenCanvas
 * encodes here exactly as it would on the page, so the bytes are the same.
 */
import { encodeMask } from '../model/export-mask';
import { rasterizeMask } from '../model/rasterize';
import type { MaskExportReply, MaskExportRequest } from './mask-export-protocol';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<MaskExportRequest>) => void) | null;
  postMessage(reply: MaskExportReply): void;
};

scope.onmessage = async ({ data }) => {
  const { id, shapes, width, height, format } = data;
  try {
    const base64 = await encodeMask(rasterizeMask(shapes, width, height), width, height, format);
    scope.postMessage({ id, base64 });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
