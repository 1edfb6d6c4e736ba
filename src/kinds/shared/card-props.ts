/** What a kind's card and the feed's frame hand each other (types only). */
import type { ComponentType, ReactNode } from 'react';
import type { Job } from '../../jobs/job';

/** What the feed's card frame hands the body it draws (a picture's picked quadrant, …). */
export interface CardBodyState {
  /** The job this one came from, when it is in the feed. */
  parent: Job | undefined;
  /** The quadrant picked with 1–4 (a grid), else null. */
  selected: number | null;
  onSelect: (quadrant: number | null) => void;
  /** Opens the full-size view. */
  onOpen: () => void;
}

/**
 * The feed's frame of a job card: the article (its id, label, focus and keys), the head, the
 * progress, the failure, the note and the controls, around the body `body` draws.
 */
export interface CardFrameProps {
  job: Job;
  body: (state: CardBodyState) => ReactNode;
}

/** What a kind's card is drawn with. */
export interface KindCardProps {
  job: Job;
  /** The feed's frame: a kind draws its body in it (or, like describe, a card of its own). */
  Frame: ComponentType<CardFrameProps>;
}
