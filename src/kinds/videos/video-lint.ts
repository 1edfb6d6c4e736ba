/**
 * What the reference (`other-endpoints.md` §2) says about a videos request, checked before a
 * credit is spent: video is image-to-video only, has no `relax` mode, comes in 480p or 720p, and
 * `extend` continues one of four clips of an earlier result, so it takes the `video_id`, a
 * `video_index` 0–3 and at most a prompt, mode and resolution. The form and the job kind share it.
 */
import { i18n } from '@lingui/core';
import { msg, t } from '@lingui/core/macro';
import type { LintIssue } from '../../prompt/lint';
import { checkImageUrl, type UrlCheckOptions } from '../../prompt/reference-urls';
import { GENERATE_ONLY_FIELDS, VIDEO_MODES, type VideoMode } from './video-modes';
import { VIDEO_RESOLUTIONS, VIDEOS_PER_TASK } from './videos-contract';

export { EXTEND_FIELDS, GENERATE_ONLY_FIELDS, VIDEO_MODES, videoModeFor } from './video-modes';
export type { VideoMode } from './video-modes';

/** Shown when a video request asks for relax. */
export const NO_RELAX = msg`Video has no relax mode: choose fast or turbo (relax is not supported for video generation).`;

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/**
 * Problems with a videos request, as lint issues (`error` holds the paid call back). Checks the
 * action's required fields, the mode, the resolution, the clip index, the links, and fields the
 * action does not take.
 */
export function lintVideoRequest(
  request: Record<string, unknown>,
  opts: UrlCheckOptions = {},
): LintIssue[] {
  const issues: LintIssue[] = [];
  const action = request.action ?? 'generate';
  const err = (param: string, message: string) =>
    issues.push({ severity: 'error', param, message });
  if (action !== 'generate' && action !== 'extend') {
    const asked = String(action);
    err('action', t`Video actions are "generate" and "extend", not "${asked}".`);
  }
  if (request.mode === 'relax') err('mode', i18n._(NO_RELAX));
  else if (present(request.mode) && !VIDEO_MODES.includes(request.mode as VideoMode)) {
    const mode = String(request.mode);
    err('mode', t`Mode "${mode}" is not a video mode: choose fast or turbo.`);
  }
  const res = request.resolution;
  if (present(res) && !VIDEO_RESOLUTIONS.includes(res as (typeof VIDEO_RESOLUTIONS)[number])) {
    const asked = String(res);
    err('resolution', t`Resolution "${asked}" is not offered: choose 480p or 720p.`);
  }
  if (action === 'extend') {
    if (!present(request.video_id)) {
      err('video_id', t`Extend needs the video_id of an earlier video result.`);
    }
    const index = request.video_index;
    if (
      present(index) &&
      !(Number.isInteger(index) && Number(index) >= 0 && Number(index) < VIDEOS_PER_TASK)
    ) {
      const last = VIDEOS_PER_TASK - 1;
      err('video_index', t`The clip index must be 0–${last} (clip 1–${VIDEOS_PER_TASK}).`);
    }
    for (const field of GENERATE_ONLY_FIELDS.filter((f) => present(request[f]))) {
      issues.push({
        severity: 'warning',
        param: field,
        message: t`Extend continues a clip and does not take "${field}"; it is left out.`,
      });
    }
    return issues;
  }
  if (!present(request.image_url)) {
    err('image_url', t`Animate needs an image: video is made from an image (no text-to-video).`);
  } else {
    const check = checkImageUrl(String(request.image_url), opts);
    if (!check.ok) err('image_url', check.message);
  }
  if (present(request.end_image_url)) {
    const check = checkImageUrl(String(request.end_image_url), opts);
    const reason = check.ok ? '' : check.message;
    if (!check.ok) err('end_image_url', t`End frame: ${reason}`);
    else if (request.loop === true) {
      issues.push({
        severity: 'note',
        param: 'loop',
        message: t`With an end frame the clip arrives at that image, so it does not loop back.`,
      });
    }
  }
  return issues;
}
