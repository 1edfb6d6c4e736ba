import { createContext, useContext } from 'react';
import type { Mode } from '../../api/contract';
import type { KeptCopy, PictureProblem } from '../../storage/image-cache/kept-copy';
import type { Job } from '../../jobs/job';
import type { KindEntry } from './kind-entry';

/**
 * What the feed can ask of the rest of the studio. `app/` provides it (wiring the runner and the
 * composer), so the feed imports no other feature.
 */
export interface FeedActions {
  /** Run an action (U2, Zoom Out 2x, …) on a finished job's image. */
  act: (job: Job, action: string) => void;
  /** Open the Vary Region editor on an upscaled image. */
  varyRegion: (job: Job) => void;
  cancel: (jobId: string) => void;
  retry: (jobId: string) => void;
  checkAgain: (jobId: string) => void;
  /** Put an image into the composer as an image prompt. */
  referenceImage: (url: string) => void;
  /** The cached copy of a finished job's image (an object URL), for when its link has expired. */
  cachedImage: (job: Job) => Promise<string | undefined>;
  /** Which copy of a finished job's image the studio keeps (the card's label). */
  keptCopy: (job: Job) => Promise<KeptCopy>;
  /** Why a finished job's picture could not be shown (it failed to load, and no copy did). */
  pictureProblem: (job: Job) => Promise<PictureProblem>;
  /** Calls `listener` with the URL of every kept copy that came, went or was newly explained. */
  onCopyChange: (listener: (url: string) => void) => () => void;
  /**
   * Saves a finished job's image from its kept copy (else from its link); throws an Error whose
   * message says exactly why not where no readable copy can exist.
   */
  download: (job: Job) => Promise<void>;
  /** Open settings (from a token error). */
  openSettings: () => void;
  /** Delete a job from the studio and the history, with Undo offered for a while. */
  dismiss: (jobId: string) => void;
  /** Put a refused job's request (prompt, references, parameters) back into the composer. */
  editAndRetry: (job: Job) => void;
  /** The name of the target Settings point at now (a hook: re-renders when it changes). */
  useCurrentTarget: () => string;
  /** The mode Settings send now (a hook), for the cost each action button shows. */
  useCurrentMode: () => Mode;
  /** The entry of a job's kind (the fallback's for a kind this version does not know). */
  kindOf: (job: Job) => KindEntry | undefined;
  /** Open the Animate form on a finished single image (absent: no video here). */
  animate?: (job: Job) => void;
  /** Extend clip `index` (0–3) of a finished video job into four more clips. */
  extendClip?: (job: Job, index: number) => void;
  /** The cached copy of a clip or picture by its URL (an object URL), for an expired link. */
  cachedUrl?: (url: string) => Promise<string | undefined>;
  /** Which copy of a clip the studio keeps, or exactly why none (waits for a keep under way). */
  clipCopy?: (url: string) => Promise<KeptCopy>;
  /**
   * Saves a clip (named from `name`) from its kept copy, else its live link or the relay; throws
   * an Error saying why where no readable copy can exist.
   */
  downloadClip?: (url: string, name: string) => Promise<void>;
}

export const FeedActionsContext = createContext<FeedActions | null>(null);

/** The feed's actions; throws when the app forgot to provide them. */
export function useFeedActions(): FeedActions {
  const actions = useContext(FeedActionsContext);
  if (!actions) throw new Error('FeedActionsContext is missing');
  return actions;
}
