import { parseRatio } from '../../../api/prompt-syntax';
import { readControls } from '../../../prompt/compose';
import type { Job } from '../../../jobs/job';

/**
 * The width/height ratio a job's picture will have, known before the first pixel arrives, so its
 * box is sized once and nothing jumps while the picture forms.
 */
export function expectedAspect(job: Job, parent?: Job): number {
  const r = job.result;
  if (r?.raw_image_width && r.raw_image_height) return r.raw_image_width / r.raw_image_height;
  if (job.preview?.width && job.preview.height) return job.preview.width / job.preview.height;
  const action = job.parent?.action ?? job.request.action ?? 'generate';
  const p = parent?.result;
  if (p?.raw_image_width && p.raw_image_height) {
    const base = p.raw_image_width / p.raw_image_height;
    if (action === 'pan_left' || action === 'pan_right') return base * 1.5;
    if (action === 'pan_up' || action === 'pan_down') return base / 1.5;
    return base;
  }
  const ratio = parseRatio(readControls(job.request.prompt ?? '').ar);
  return ratio ? ratio.w / ratio.h : 1;
}
