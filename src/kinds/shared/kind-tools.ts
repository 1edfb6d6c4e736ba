/**
 * A kind's tools: the buttons that start it, where the person asks (a picture's card, the
 * composer), declared by its entry and drawn by whichever part hosts them. Their code loads on
 * demand, with the part that draws them; each call's own code loads on its first use.
 */
import type { ComponentType, ReactNode } from 'react';
import type { Job } from '../../jobs/job';
import { lazyPart } from '../../lazy/lazy-part';
import { loadOnce } from '../../lazy/load-once';
import type { ToolServices } from './tool-services';

/** Props of a tool on a finished picture's card. */
export interface ImageToolProps {
  /** A finished job with a picture. */
  job: Job;
  /** The picture to work on: the job's full-size one. */
  imageUrl: string;
  /** Whether the picture is a grid of four (by its kind's reading of the result). */
  grid: boolean;
  services: ToolServices;
}

/** The composer's row of tools, as each of its tools shares it. */
export interface PromptToolRow {
  /** True while a tool of the row waits for an answer: the others wait too. */
  busy: boolean;
  /**
   * Hands `take` the image the person means: the link typed in Image URL, or the one reference.
   * With several references and nothing typed it asks which one under the row (never the first
   * one silently); none usable: the row says what to change and `take` is not called.
   */
  pickImage(take: (url: string) => void): void;
  /** Runs a call: the row says `pending` meanwhile, and shows the message of what it throws. */
  run(pending: string, work: () => Promise<void>): Promise<void>;
  /** Says how a tool's work went (the row's one status line). */
  say(status: string): void;
  /** Shows a tool's answer under the row (null takes it away). */
  showPanel(panel: ReactNode): void;
}

/** Props of a tool in the composer. */
export interface PromptToolProps {
  /** The whole prompt being written. */
  prompt: string;
  row: PromptToolRow;
  services: ToolServices;
  /**
   * Counts the prompt check's asks for this kind's tool (a fix named as the kind is, e.g. a
   * Chinese prompt's "Translate now"): each new count runs it once.
   */
  asks: number;
}

/** A tool, drawn from code loaded on demand. */
export interface LazyTool<P> {
  /** Suspends until loaded; a failed load reaches the host's boundary (and its Retry). */
  Tool: ComponentType<P>;
  /** Loads the code (the same load `Tool` draws from). */
  load(): Promise<unknown>;
}

/** A {@link LazyTool} whose code `load` brings. */
export function lazyTool<P extends object>(load: () => Promise<ComponentType<P>>): LazyTool<P> {
  const once = loadOnce(load);
  return { Tool: lazyPart(once), load: () => once() };
}

/** What a kind offers the person, where they ask for it. */
export interface KindTools {
  /** On a finished picture's card (imagine's and edits' grids and images). */
  image?: readonly LazyTool<ImageToolProps>[];
  /** In the composer's row of tools. */
  prompt?: readonly LazyTool<PromptToolProps>[];
}
