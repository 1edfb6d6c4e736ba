/**
 * "Use as reference" on a picture whose link has expired: the service could no longer fetch it,
 * so the task would fail after spending a credit. Said before anything is sent; where the target
 * can take the studio's readable kept copy (the local engine), that copy is offered instead.
 */
import { i18n } from '@lingui/core';
import { msg, t } from '@lingui/core/macro';
import { uploadToEngine } from '../api/engine-uploads';
import { reasonOf } from '../api/message';
import { say } from '../i18n/say';
import { addDraftReference } from '../features/composer/draft-store';
import { clientConfig } from '../settings/config-store';
import { cropQuadrant, quadrantSource } from '../storage/image-cache/quadrant-copy';
import type { Services } from './services';
import { toast } from './toasts';

/** The opening of every message: what is wrong, and why it matters before a credit is spent. */
export const EXPIRED_REFERENCE = msg`This picture’s link has expired: the service can no longer fetch it, and a task naming it would fail after spending a credit.`;

/** Long enough to read the message and find the button. */
const READ_MS = 30_000;

/**
 * Say the link has expired, and offer the kept copy where the target can take it. `putToWork` puts the
 * copy's fresh link to work and returns what to tell the person; by default it becomes a
 * reference of the prompt.
 */
export async function offerKeptCopy(
  services: Pick<Services, 'config' | 'persistence' | 'draft' | 'jobs'>,
  url: string,
  putToWork: (fresh: string) => string = (fresh) =>
    addDraftReference(services.draft, fresh)?.error ??
    t`The kept copy is a reference again, with a live link.`,
): Promise<void> {
  // Toasts live half a minute: worded in the language active when the link was met.
  const expired = i18n._(EXPIRED_REFERENCE);
  const state = services.config.getState();
  if (state.settings.target !== 'local') {
    toast(
      `${expired} ${t`Whether AceData accepts a re-hosted copy of it is UNCERTAIN, so the studio sends nothing that would spend a credit on it. Make the picture again, or use one with a live link.`}`,
      undefined,
      READ_MS,
    );
    return;
  }
  // A grid's quadrant has no copy of its own: it is cut from the grid's kept copy.
  const quadrant = quadrantSource(Object.values(services.jobs.getState().byId), url);
  const keptUrl = quadrant?.gridUrl ?? url;
  const kept = await services.persistence.keptBlob(keptUrl);
  const blob = kept && quadrant ? await cropQuadrant(kept, quadrant.index) : kept;
  if (!blob) {
    const copy = await services.persistence.keptCopy(keptUrl);
    toast(
      copy.kind === 'offline'
        ? `${expired} ${t`The only copy is the offline cache’s, which the studio cannot read, so there is nothing it can send instead.`}`
        : `${expired} ${t`No readable copy of it was kept, so there is nothing the studio can send instead.`}`,
      undefined,
      READ_MS,
    );
    return;
  }
  const sendCopy = async () => {
    try {
      const fresh = await uploadToEngine(clientConfig(services.config.getState()), blob);
      toast(putToWork(fresh));
    } catch (err) {
      const reason = say(reasonOf(err), i18n);
      toast(msg`Could not send the kept copy: ${reason}`);
    }
  };
  toast(
    `${expired} ${t`The local engine can take the studio’s kept copy instead.`}`,
    { label: msg`Use the kept copy`, onClick: () => void sendCopy() },
    READ_MS,
  );
}
