/**
 * A grid's quadrant links (`sub_image_urls`) expire with the grid, and the studio keeps a copy of
 * the grid only, never of its quadrants. When a quadrant's link is dead, its picture is cut from
 * the kept grid instead, exactly as the service cut it: 1 top-left, 2 top-right, 3 bottom-left,
 * 4 bottom-right, each half the grid's size (rounded down).
 */
import type { Job } from '../../jobs/job';

/** Where a quadrant link comes from: the grid's own link, and which quadrant (0–3) it is. */
export interface QuadrantSource {
  gridUrl: string;
  index: number;
}

/** The grid (among the loaded jobs) that answered `url` as one of its quadrants, if any. */
export function quadrantSource(jobs: Iterable<Job>, url: string): QuadrantSource | null {
  for (const job of jobs) {
    const index = job.result?.sub_image_urls?.indexOf(url) ?? -1;
    const gridUrl = job.result?.raw_image_url ?? job.result?.image_url;
    if (index >= 0 && gridUrl) return { gridUrl, index };
  }
  return null;
}

/** Quadrant `index` (0–3) of a grid picture, as a PNG. */
export async function cropQuadrant(grid: Blob, index: number): Promise<Blob> {
  const bitmap = await createImageBitmap(grid);
  try {
    const width = Math.floor(bitmap.width / 2);
    const height = Math.floor(bitmap.height / 2);
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw the quadrant');
    context.drawImage(
      bitmap,
      (index % 2) * width,
      Math.floor(index / 2) * height,
      width,
      height,
      0,
      0,
      width,
      height,
    );
    return await canvas.convertToBlob({ type: 'image/png' });
  } finally {
    bitmap.close();
  }
}
