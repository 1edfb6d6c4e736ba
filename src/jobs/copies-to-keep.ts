/**
 * Which kept copies a history should have: the final pictures and clips of its finished jobs whose
 * links still live, newest first. Pure; the runner hands the list to the image cache, which keeps
 * the ones it does not have yet (a copy missed offline, or lost to a host that was down).
 */
import { isLinkExpired } from '../prompt/link-expiry';
import type { Job } from './job';
import type { JobKind } from './kind';

/** The links of `jobs` whose copies should be kept, newest job first, each once. */
export function copiesToKeep(
  jobs: Iterable<Job>,
  kindOf: (job: Job) => JobKind | undefined,
  now: number,
): string[] {
  const done = [...jobs].filter((job) => job.status === 'done' && job.result);
  done.sort((a, b) => b.createdAt - a.createdAt);
  const urls = new Set<string>();
  for (const job of done) {
    for (const url of kindOf(job)?.imagesOf(job.result!) ?? []) {
      if (/^https?:/i.test(url) && !isLinkExpired(url, now)) urls.add(url);
    }
  }
  return [...urls];
}
