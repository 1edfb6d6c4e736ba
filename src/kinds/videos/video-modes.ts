/**
 * The few facts about video the job kind needs at start-up (the modes, which fields extend takes);
 * the full check with its messages lives in `video-lint.ts`, loaded with the Animate form.
 */
import type { Mode } from '../../api/contract';

/** The modes video takes: the provider refuses `relax` for video ("relax is not supported"). */
export const VIDEO_MODES = ['fast', 'turbo'] as const;
/** A video mode. */
export type VideoMode = (typeof VIDEO_MODES)[number];

/** The fields `extend` takes (reference §2.1, and what Nexior/MCP send on extend). */
export const EXTEND_FIELDS = ['action', 'video_id', 'video_index', 'prompt', 'mode', 'resolution'];

/** Fields only `generate` takes (`loop`/`end_image_url` on extend: effect UNCERTAIN, left out). */
export const GENERATE_ONLY_FIELDS = ['image_url', 'end_image_url', 'loop'];

/** The mode a video job uses for a Settings mode: `relax` becomes `fast`, the API default. */
export function videoModeFor(mode: Mode | undefined): VideoMode {
  return mode === 'turbo' ? 'turbo' : 'fast';
}
