/** History's Download: each chosen job's picture saved, the kept copy when there is one. */
import { reasonOf, type Msg } from '../../api/message';
import { readStudioConfig } from '../../api/runtime-config';
import { saveBlob } from '../../components/ui/save-file';
import { jobTitle, type Job } from '../../jobs/job';
import { createNamer, imageFileName } from '../../prompt/file-name';
import { keptBytes } from '../../storage/image-cache/kept-bytes';
import type { Persistence } from '../../storage/persistence/persistence';

/** The files History saves of a job: what its kind says a download gives (a picture, clips). */
export type FilesOf = (job: Job) => string[];

/** A job's picture, the full-size one: what a download gives when nothing else says. */
export const pictureOf: FilesOf = (job) => {
  const url = job.result?.raw_image_url ?? job.result?.image_url;
  return url ? [url] : [];
};

/** The jobs among `ids` that have something to save. */
export function jobsWithPictures(
  ids: string[],
  byId: Record<string, Job | undefined>,
  filesOf: FilesOf = pictureOf,
): Job[] {
  return ids
    .map((id) => byId[id])
    .filter((job): job is Job => job !== undefined && filesOf(job).length > 0);
}

/** How a bulk download went: files saved by type, and those that could not be (each reason once). */
export interface Downloaded {
  images: number;
  clips: number;
  failed: number;
  reasons: (Msg | string)[];
}

/**
 * Saves the files of `jobs` one after another (a job of clips gives each clip, named "… clip N"),
 * telling `onStep` which file is under way.
 */
export async function downloadPictures(
  jobs: Job[],
  persistence: Persistence,
  onStep: (done: number, total: number) => void,
  filesOf: FilesOf = pictureOf,
): Promise<Downloaded> {
  const nameFor = createNamer();
  // The page's own config (the studio server's relay), read as the page says it now.
  const { relay } = readStudioConfig();
  const files = jobs.flatMap((job) => {
    const urls = filesOf(job);
    const title = jobTitle(job);
    return urls.map((url, i) => ({
      url,
      title: urls.length > 1 ? `${title} clip ${i + 1}` : title,
    }));
  });
  const done: Downloaded = { images: 0, clips: 0, failed: 0, reasons: [] };
  // Each reason once: by its JSON, since a message is an object.
  const reasons = new Map<string, Msg | string>();
  for (const [i, file] of files.entries()) {
    onStep(i + 1, files.length);
    try {
      // The kept copy when there is one; the link, or the relay, otherwise.
      const blob = await keptBytes({ persistence, relay }, file.url);
      const name = imageFileName(file.title, file.url, blob.type);
      saveBlob(blob, nameFor(name));
      if (name.endsWith('.mp4') || name.endsWith('.webm')) done.clips += 1;
      else done.images += 1;
    } catch (e) {
      done.failed += 1;
      const reason = reasonOf(e);
      reasons.set(JSON.stringify(reason), reason);
    }
  }
  return { ...done, reasons: [...reasons.values()] };
}
