/** History's Download: each chosen job's picture saved, the kept copy when there is one. */
import { reasonOf, type Msg } from '../../api/message';
import { readStudioConfig } from '../../api/runtime-config';
import { saveBlob } from '../../components/ui/save-file';
import { jobTitle, type Job } from '../../jobs/job';
import { createNamer, imageFileName } from '../../prompt/file-name';
import { keptBytes } from '../../storage/image-cache/kept-bytes';
import type { Persistence } from '../../storage/persistence/persistence';

/** The jobs among `ids` that have a picture to save. */
export function jobsWithPictures(ids: string[], byId: Record<string, Job | undefined>): Job[] {
  return ids
    .map((id) => byId[id])
    .filter((job): job is Job => Boolean(job?.result?.raw_image_url ?? job?.result?.image_url));
}

/**
 * Saves the pictures of `jobs` one after another, telling `onStep` which one is under way; returns
 * how many failed and why (each reason once).
 */
export async function downloadPictures(
  jobs: Job[],
  persistence: Persistence,
  onStep: (done: number, total: number) => void,
): Promise<{ failed: number; reasons: (Msg | string)[] }> {
  const nameFor = createNamer();
  // The page's own config (the studio server's relay), read as the page says it now.
  const { relay } = readStudioConfig();
  let failed = 0;
  // Each reason once: by its JSON, since a message is an object.
  const reasons = new Map<string, Msg | string>();
  for (const [i, job] of jobs.entries()) {
    onStep(i + 1, jobs.length);
    try {
      // The kept copy when there is one; the link, or the relay, otherwise.
      const url = job.result?.raw_image_url ?? job.result?.image_url ?? '';
      const blob = await keptBytes({ persistence, relay }, url);
      saveBlob(blob, nameFor(imageFileName(jobTitle(job), url, blob.type)));
    } catch (e) {
      failed += 1;
      const reason = reasonOf(e);
      reasons.set(JSON.stringify(reason), reason);
    }
  }
  return { failed, reasons: [...reasons.values()] };
}
