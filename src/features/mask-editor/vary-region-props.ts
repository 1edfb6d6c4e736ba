import type { MaskFormat } from './model/export-mask';

/** What the Vary Region dialog hands back when the person submits a region. */
export interface VaryRegionSubmit {
  /** Base64 of the mask image (JPEG by default), without a `data:` prefix; '' = no region (edit). */
  mask: string;
  /** The region prompt as edited, trimmed. */
  prompt: string;
  /** Fraction of the image marked for redraw, 0…1. */
  coverage: number;
}

/** Public props of the Vary Region dialog (and of its lazy launcher). */
export interface VaryRegionProps {
  /** The upscaled image's image_id; its last region is remembered under this key. */
  imageId: string;
  imageUrl: string;
  /** The image's natural size (raw_image_width × raw_image_height); the mask has exactly this size. */
  width: number;
  height: number;
  /** The image's prompt, used to prefill "Region prompt". */
  prompt: string;
  /**
   * `region` (Vary Region: a region is required, the prompt optional) or `edit` (Edit image:
   * the region is optional — none means the whole image — and a prompt is required).
   */
  mode?: 'region' | 'edit';
  /** Mask encoding; JPEG unless PNG is asked for. */
  maskFormat?: MaskFormat;
  onSubmit(args: VaryRegionSubmit): void;
  onClose(): void;
}
