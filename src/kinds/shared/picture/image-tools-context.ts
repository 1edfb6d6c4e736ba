import { createContext, useContext } from 'react';
import type { Job } from '../../../jobs/job';

/**
 * What the feed's image tools ask of the rest of the studio (describe, edit, seed, and putting
 * prompts to use). `app/` provides it; without it the tools are not shown.
 */
export interface ImageTools {
  /** Describe a finished job's image (a describe job in the feed). */
  describe(job: Job): void;
  /** Open the editor on a finished single image. */
  editImage(job: Job): void;
  /** The seed a grid was drawn with (throws `ApiError`). */
  getSeed(job: Job, signal?: AbortSignal): Promise<string>;
  /** Add `--seed N` to the composer's prompt. */
  reuseSeed(seed: string): void;
  /** Put a prompt in the composer. */
  usePrompt(prompt: string): void;
  /** Imagine each prompt as its own job. */
  imagineAll(prompts: readonly string[]): void;
}

export const ImageToolsContext = createContext<ImageTools | null>(null);

/** The image tools, or null when the app does not offer them. */
export function useImageTools(): ImageTools | null {
  return useContext(ImageToolsContext);
}
