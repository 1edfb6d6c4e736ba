import type { FeedActions } from '../features/feed/feed-actions';
import { actionSubmission } from '../jobs/action-request';
import { saveBlob } from '../components/ui/save-file';
import { cachedImageQuery } from '../jobs/cached-image-query';
import { keptBytes } from '../jobs/image-cache/kept-bytes';
import { jobTitle } from '../jobs/job';
import { imageFileName } from '../prompt/file-name';
import type { Job } from '../jobs/job';
import { addReference } from '../prompt/reference-urls';
import type { Services } from './services';
import { toast } from './toasts';

/** What the page does for the feed beyond the services: the dialogs it opens. */
export interface FeedDialogs {
  varyRegion: (job: Job) => void;
  openSettings: () => void;
}

/** The feed's actions, wired to the services (the feed imports no other feature). */
export function createFeedActions(services: Services, dialogs: FeedDialogs): FeedActions {
  const { runner, draft, persistence } = services;
  return {
    act: (job, action) => {
      const submission = actionSubmission(job, action);
      if (submission) runner.submit(submission.request, { parent: submission.parent });
    },
    varyRegion: dialogs.varyRegion,
    cancel: (id) => runner.cancel(id),
    retry: (id) => runner.retry(id),
    checkAgain: (id) => runner.checkAgain(id),
    referenceImage: (url) => {
      const result = addReference(draft.getState().prompt, url);
      if ('error' in result) toast(result.error);
      else {
        draft.setState({ prompt: result.prompt });
        toast('Added to the prompt as an image reference.');
      }
    },
    openSettings: dialogs.openSettings,
    keptCopy: (job) => services.persistence.keptCopy(finalUrl(job)),
    download: async (job) => {
      const url = finalUrl(job);
      const blob = await keptBytes({ persistence, relay: services.relay }, url);
      saveBlob(blob, imageFileName(jobTitle(job), url, blob.type));
    },
    cachedImage: async (job) => {
      const url = finalUrl(job);
      if (!url) return undefined;
      const client = await services.queryClient();
      const blobUrl = await client.fetchQuery(cachedImageQuery(persistence, url));
      if (blobUrl) return blobUrl;
      // An opaque copy: the service worker answers the full picture's own URL from it.
      return (await persistence.keptCopy(url)).kind === 'offline' ? url : undefined;
    },
  };
}

function finalUrl(job: Job): string {
  return job.result?.raw_image_url ?? job.result?.image_url ?? '';
}
