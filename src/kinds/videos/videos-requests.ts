/**
 * Turns "animate this image" and "extend that clip" into what the runner is given: a videos
 * request and its lineage (a clip's card links to the image, or the clip, it came from).
 */
import type { ImagineRequest } from '../../api/contract';
import { lineageLabel, type Job, type JobParent } from '../../jobs/job';
import type { VideoMode } from './video-modes';
import type { VideosRequest } from './videos-contract';
import { videoResultOf } from './videos-kind';

/** The kind name of video jobs. */
export const VIDEOS_KIND = 'videos';

/** What the Animate form collects. */
export interface AnimateInput {
  /** The first frame: a finished image's URL, or one pasted in the composer. */
  imageUrl: string;
  motionPrompt?: string;
  endImageUrl?: string;
  loop: boolean;
  resolution: '480p' | '720p';
  mode: VideoMode;
}

/** A videos request plus its lineage: the runner's `submit(request, { kind, parent })`. */
export interface VideoSubmission {
  /** A videos body; typed as the runner's request (a loose object that keeps every field). */
  request: ImagineRequest;
  parent?: JobParent;
}

/** The image of a finished job that Animate starts from (its full-size URL), if any. */
export function animatableUrl(job: Pick<Job, 'result' | 'kind'>): string | undefined {
  if (job.kind === VIDEOS_KIND) return undefined;
  return job.result?.raw_image_url ?? job.result?.image_url;
}

/** The generate request for `input`; with `from`, linked to that job's image. */
export function animateSubmission(
  input: AnimateInput,
  from?: Pick<Job, 'id' | 'result' | 'request' | 'parent'>,
): VideoSubmission {
  const prompt = input.motionPrompt?.trim();
  const end = input.endImageUrl?.trim();
  const request: ImagineRequest = {
    action: 'generate',
    image_url: input.imageUrl.trim(),
    ...(prompt ? { prompt } : {}),
    ...(end ? { end_image_url: end } : {}),
    loop: input.loop,
    resolution: input.resolution,
    mode: input.mode,
  };
  if (!from) return { request };
  const label = lineageLabel(from);
  return {
    request,
    parent: {
      jobId: from.id,
      imageId: from.result?.image_id ?? '',
      action: 'animate',
      ...(label ? { label } : {}),
    },
  };
}

/**
 * The extend request for clip `index` (0–3) of a finished video job, or null when it has no
 * clips. It keeps the job's motion prompt (the guide says extend takes one), resolution and mode.
 */
export function extendSubmission(
  job: Pick<Job, 'id' | 'result' | 'request' | 'parent'>,
  index: number,
): VideoSubmission | null {
  const video = videoResultOf(job.result);
  if (!video || index < 0 || index >= video.urls.length) return null;
  const { prompt, resolution, mode } = job.request as VideosRequest;
  const request: ImagineRequest = {
    action: 'extend',
    video_id: video.videoId,
    video_index: index,
    ...(prompt ? { prompt } : {}),
    ...(resolution ? { resolution } : {}),
    ...(mode ? { mode } : {}),
  };
  // "Clip 2 of …" is worded from the request's `video_index`; the label is the words only.
  const label = lineageLabel(job);
  return {
    request,
    parent: {
      jobId: job.id,
      imageId: video.videoId,
      action: 'extend',
      ...(label ? { label } : {}),
    },
  };
}
