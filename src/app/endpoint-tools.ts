/**
 * The composer's prompt tools and the feed's image tools, wired to the services: describe and
 * edits run as jobs (feed, history, recovery); shorten, translate and seed are one quick call
 * whose answer is shown where it was asked for.
 */
import { msg } from '@lingui/core/macro';
import type { PromptTools } from '../features/composer/prompt-tools-context';
import { setDraftPrompt } from '../features/composer/draft-store';
import type { ImageTools } from '../kinds/shared/picture/image-tools-context';
import { clientConfig } from '../settings/config-store';
import type { Job, JobParent } from '../jobs/job';
import { writeControl } from '../prompt/compose';
import type { EditTarget } from './edit-dialog';
import type { Services } from './services';
import { toast } from './toasts';

// The one-shot calls load with the first call, not with the page.
const shorten = () => import('../kinds/shorten/shorten-call');
const translate = () => import('../kinds/translate/translate-call');
const seed = () => import('../kinds/seed/seed-call');

/** Opens the edit dialog. */
export type OpenEdit = (target: EditTarget) => void;

function describe(services: Services, imageUrl: string, parent?: JobParent): void {
  services.runner.submit(
    { image_url: imageUrl },
    { kind: 'describe', ...(parent ? { parent } : {}) },
  );
  toast(msg`Describing the image…`);
}

/** The composer's tools. */
export function createPromptTools(services: Services, openEdit: OpenEdit): PromptTools {
  const client = () => clientConfig(services.config.getState());
  return {
    describe: (url) => describe(services, url),
    editImage: (url) => openEdit({ imageUrl: url }),
    shorten: async (prompt, signal) => (await shorten()).shortenPrompt(client(), prompt, signal),
    translate: async (text, signal) => (await translate()).translateText(client(), text, signal),
    translatesByGlossary: () => services.config.getState().settings.target === 'local',
  };
}

function imageOf(job: Job): string {
  return job.result?.raw_image_url ?? job.result?.image_url ?? '';
}

/** The feed's tools. */
export function createImageTools(services: Services, openEdit: OpenEdit): ImageTools {
  const { runner, draft } = services;
  return {
    // A describe of a studio image is its child in the lineage, titled "Describe".
    describe: (job) =>
      describe(
        services,
        imageOf(job),
        job.result?.image_id
          ? { jobId: job.id, imageId: job.result.image_id, action: 'describe', label: 'Describe' }
          : undefined,
      ),
    editImage: (job) => {
      const r = job.result;
      openEdit({
        imageUrl: imageOf(job),
        ...(r?.raw_image_width && r.raw_image_height
          ? { width: r.raw_image_width, height: r.raw_image_height }
          : {}),
        ...(r?.image_id
          ? { parent: { jobId: job.id, imageId: r.image_id, action: 'edit', label: 'Edit' } }
          : {}),
      });
    },
    getSeed: async (job, signal) =>
      (await seed()).getSeed(
        clientConfig(services.config.getState()),
        job.result?.image_id ?? '',
        signal,
      ),
    reuseSeed: (seed) => {
      draft.setState({ text: writeControl(draft.getState().text, 'seed', Number(seed)) });
      toast(msg`Added --seed ${seed} to the prompt.`);
    },
    usePrompt: (prompt) => {
      setDraftPrompt(draft, prompt);
      toast(msg`The prompt is in the composer.`);
    },
    imagineAll: (prompts) => {
      for (const prompt of prompts) runner.submit({ prompt, action: 'generate' });
    },
  };
}
