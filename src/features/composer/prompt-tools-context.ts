import { createContext, useContext } from 'react';

/**
 * What the composer's prompt tools ask of the rest of the studio. `app/` provides it (wiring
 * the runner, the edit dialog and the service's one-shot endpoints); without it the tools are
 * not shown.
 */
export interface PromptTools {
  /** Describe the image at `imageUrl` (a describe job in the feed). */
  describe(imageUrl: string): void;
  /** Open the editor on the image at `imageUrl`. */
  editImage(imageUrl: string): void;
  /** Up to five shorter prompts for `prompt` (throws `ApiError`). */
  shorten(prompt: string, signal?: AbortSignal): Promise<string[]>;
  /** `text` in English (throws `ApiError`). */
  translate(text: string, signal?: AbortSignal): Promise<string>;
  /**
   * True when Translate goes to the local engine, whose translate is a glossary of common prompt
   * words looked up one by one, not a translator.
   */
  translatesByGlossary?(): boolean;
}

export const PromptToolsContext = createContext<PromptTools | null>(null);

/** The prompt tools, or null when the app does not offer them. */
export function usePromptTools(): PromptTools | null {
  return useContext(PromptToolsContext);
}
