/**
 * Runs in the browser (served as a source module by Vite's dev server): times the real export
 * path of the Vary Region editor — rasterise the shapes, then encode them as the API wants, in the
 * editor's worker — from the call to the base64 string back on the page.
 */
import { createMaskExporter } from '../../src/features/mask-editor/export/mask-exporter';
import type { MaskFormat } from '../../src/features/mask-editor/model/export-mask';
import { exportShapes } from './mask-shapes';

/** What one timed export run reports. */
export interface ExportTimes {
  /** Wall time of each measured run, in ms. */
  times: number[];
  /** Length of the base64 string the last run produced (a sanity check that it did work). */
  base64Length: number;
}

/** `runs` timed rasterise + encode passes on a `size` square mask, after `warmup` untimed ones. */
export async function timeMaskExport(
  format: MaskFormat,
  size = 2048,
  runs = 7,
  warmup = 2,
): Promise<ExportTimes> {
  const shapes = exportShapes(size);
  let base64Length = 0;
  const times: number[] = [];
  const exporter = createMaskExporter();
  for (let i = 0; i < warmup + runs; i++) {
    const start = performance.now();
    const encoded = await exporter.run({ shapes, width: size, height: size, format });
    const took = performance.now() - start;
    base64Length = encoded.length;
    if (i >= warmup) times.push(took);
  }
  exporter.dispose();
  return { times, base64Length };
}
