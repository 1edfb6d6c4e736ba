import { i18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { reasonOf } from '../api/message';
import { say } from '../i18n/say';
import type { FeedActions } from '../kinds/shared/card-actions';
import { actionSubmission } from '../jobs/action-request';
import { cachedImageQuery } from '../storage/cached-image-query';
import { useConfig } from '../settings/config-store';
import { entryOf } from '../kinds/shared/kind-entry';
import { isJobActive, jobTitle, type Job } from '../jobs/job';
import { keptBytes } from '../storage/image-cache/kept-bytes';
import { pictureProblemOf, type PictureProblem } from '../storage/image-cache/kept-copy';
import { extendSubmission, VIDEOS_KIND } from '../kinds/videos/videos-requests';
import { addDraftReference, setDraftPrompt } from '../features/composer/draft-store';
import { isLinkExpired } from '../prompt/link-expiry';
import type { Services } from './services';
import { UNLOADED } from '../components/ui/unloaded';
import { toast } from './toasts';

/**
 * The offer of a kept copy for a dead link. Its failure is handled on the call, not chained onto
 * the `import()`: the build's preload helper runs that chain only once the code has come.
 */
const loadExpiredReference = () => import('./expired-reference');

/** What the page does for the feed beyond the services: the dialogs it opens. */
export interface FeedDialogs {
  varyRegion: (job: Job) => void;
  /** Opens the Animate form on a finished image. */
  animate: (job: Job) => void;
  openSettings: () => void;
  /** Bring the prompt box into view and focus it (after "Edit and retry"). */
  focusPrompt: () => void;
}

/** The feed's actions, wired to the services (the feed imports no other feature). */
export function createFeedActions(services: Services, dialogs: FeedDialogs): FeedActions {
  const { runner, draft, persistence, config } = services;
  return {
    act: (job, action) => {
      const submission = actionSubmission(job, action);
      if (!submission) return;
      // Grids made by actions come with their four pictures too (see the composer).
      const { request, parent } = submission;
      const grid = !action.startsWith('upscale');
      runner.submit(grid ? { ...request, split_images: true } : request, { parent });
    },
    varyRegion: dialogs.varyRegion,
    animate: dialogs.animate,
    extendClip: (job, index) => {
      const submission = extendSubmission(job, index);
      if (submission) {
        runner.submit(submission.request, { kind: VIDEOS_KIND, parent: submission.parent! });
      }
    },
    cachedUrl: async (url) => {
      const client = await services.queryClient();
      const query = cachedImageQuery(persistence, url);
      const found = await client.fetchQuery(query);
      // "No copy yet" is not remembered: a clip asked for while its copy was still being kept
      // (the result had just arrived) finds it on the next look, after its link failed.
      if (!found) client.removeQueries({ queryKey: query.queryKey, exact: true });
      return found ?? undefined;
    },
    clipCopy: (url) => persistence.keptCopy(url),
    downloadClip: async (url, name) => {
      await saveNamed(await keptBytes({ persistence, relay: services.relay }, url), name, url);
    },
    cancel: (id) => runner.cancel(id),
    retry: (id) => runner.retry(id),
    checkAgain: (id) => runner.checkAgain(id),
    referenceImage: (url) => {
      // Rare, so its code (and the upload client) loads only when a dead link is met.
      if (isLinkExpired(url, Date.now()))
        return void loadExpiredReference().then(
          (m) => m.offerKeptCopy(services, url),
          () => toast(UNLOADED),
        );
      const refused = addDraftReference(draft, url);
      if (refused) toast(refused.error);
      else {
        toast(msg`Added to the prompt as an image reference.`);
      }
    },
    openSettings: dialogs.openSettings,
    dismiss: (id) => {
      void runner.remove([id]).then(
        () =>
          toast(msg`Deleted from the studio and the history.`, {
            label: msg`Undo`,
            onClick: () =>
              void persistence.restoreDeleted([id]).then((jobs) =>
                // A running job that comes back is looked up again, never resent.
                jobs.forEach((job) => isJobActive(job) && runner.checkAgain(job.id)),
              ),
          }),
        (err: unknown) => {
          // The studio's words in the active language; a browser's or the provider's as they are.
          const reason = say(reasonOf(err), i18n);
          toast(msg`Could not delete: ${reason}`);
        },
      );
    },
    editAndRetry: (job) => {
      // The old prompt's links go back as thumbnails, its words and parameters into the box.
      setDraftPrompt(draft, job.request.prompt ?? '');
      draft.setState({ translation: !!job.request.translation });
      dialogs.focusPrompt();
      toast(msg`Back in the composer: fix it, then press Imagine.`);
    },
    useCurrentTarget: () => useConfig(config, (s) => s.settings.target),
    useCurrentMode: () => useConfig(config, (s) => s.settings.mode),
    kindOf: (job) => entryOf(services.kinds, services.jobKinds.fallback, job),
    keptCopy: (job) => services.persistence.keptCopy(finalUrl(job)),
    pictureProblem: (job) => pictureProblem(services, finalUrl(job)),
    onCopyChange: (listener) => persistence.onCopyChange(listener),
    download: async (job) => {
      const url = finalUrl(job);
      await saveNamed(
        await keptBytes({ persistence, relay: services.relay }, url),
        jobTitle(job),
        url,
      );
    },
    cachedImage: async (job) => {
      const url = finalUrl(job);
      if (!url) return undefined;
      const client = await services.queryClient();
      const blobUrl = await client.fetchQuery(cachedImageQuery(persistence, url));
      // The query answers the link itself where no blob is kept: that is what just failed.
      if (blobUrl && blobUrl !== url) return blobUrl;
      // An opaque copy: the service worker answers the full picture's own URL from it. The link
      // just failed, so the copy may be what failed: one that does not decode is removed and
      // fetched again while the link lives (the picture is then tried once more).
      return (await persistence.repairCopy(url)).kind === 'offline' ? url : undefined;
    },
  };
}

/** Save bytes named from a title; the saving code loads with the first download. */
async function saveNamed(blob: Blob, title: string, url: string): Promise<void> {
  const [{ saveBlob }, { imageFileName }] = await Promise.all([
    import('../components/ui/save-file'),
    import('../prompt/file-name'),
  ]);
  saveBlob(blob, imageFileName(title, url, blob.type));
}

/** Why a picture is not on screen (see `pictureProblemOf`). */
async function pictureProblem(services: Services, url: string): Promise<PictureProblem> {
  return pictureProblemOf({
    url,
    online: services.network.get().online,
    copy: await services.persistence.keptCopy(url),
    blocked: (origin) => services.blocked.has(origin),
    now: Date.now(),
  });
}

function finalUrl(job: Job): string {
  return job.result?.raw_image_url ?? job.result?.image_url ?? '';
}
