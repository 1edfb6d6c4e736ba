/**
 * What a kind's tools may ask of the studio. `app/` makes it once from the tab's services; it
 * names no kind, so a new endpoint's tools need nothing added outside their folder.
 */
import type { MessageDescriptor } from '@lingui/core';
import type { ClientConfig } from '../../api/client-config';
import type { Runner } from '../../jobs/runner/ports';

/** The mask editor on an image: the person writes a prompt (and may paint a mask), then sends. */
export interface MaskEditDialog {
  type: 'mask-edit';
  /** The image to edit. */
  imageUrl: string;
  width?: number;
  height?: number;
  /** What the editor remembers the half-made edit under (its prompt, its strokes). */
  memoryKey: string;
  /**
   * Sends the edit. `imageUrl` may differ from the one given: a link that has expired is
   * offered again on its kept copy, re-hosted with a live link, before anything is sent.
   */
  onSubmit(edit: { imageUrl: string; prompt: string; mask?: string }): void;
}

/** The dialogs a tool can open. */
export type ToolDialog = MaskEditDialog;

/** The studio as a kind's tools see it. */
export interface ToolServices {
  /** Sends a job (of `options.kind`; without one, the studio's first kind): its id. */
  submit: Runner['submit'];
  /** Opens one of the studio's dialogs. */
  openDialog(dialog: ToolDialog): void;
  /** The whole prompt being written (reference links, words and `--params`). */
  prompt(): string;
  /** Replaces the prompt being written; its leading links become the references. */
  setPrompt(prompt: string): void;
  /** Says something briefly, in the active language. */
  toast(message: MessageDescriptor): void;
  /** How to reach the target Settings point at now, for a one-shot call. */
  client(): ClientConfig;
  /** The name of the target Settings point at now (`local` is the studio's own engine). */
  target(): string;
}
