import type { MaskFormat } from '../model/export-mask';
import type { MaskEntry } from '../model/mask-model';

/** What the page asks the mask export worker: rasterise these shapes and encode them. */
export interface MaskExportRequest {
  id: number;
  shapes: readonly MaskEntry[];
  width: number;
  height: number;
  format: MaskFormat;
}

/** The worker's answer: the base64 mask, or why it could not make one. */
export type MaskExportReply = { id: number; base64: string } | { id: number; error: string };

/** Rasterise + encode, the same steps wherever they run (worker or, as a fallback, the page). */
export type MaskExportJob = Omit<MaskExportRequest, 'id'>;
