/**
 * A kind's card, loaded on demand: the registry is in the first load, its cards are not (they
 * bring the picture body, its actions and menus). `app/` loads every card once the studio starts,
 * alongside the feed's own code, so the first card waits for no extra round trip.
 */
import type { ComponentType } from 'react';
import { lazyPart } from '../../lazy/lazy-part';
import { loadOnce } from '../../lazy/load-once';
import type { KindCardProps } from './card-props';

/** A card component and the load that brings its code. */
export interface LazyCard {
  /** Drawn at once when loaded; else suspends (and a failed load reaches the feed's boundary). */
  Card: ComponentType<KindCardProps>;
  /** Loads the code (shared: the same load `Card` draws from). */
  load(): Promise<unknown>;
}

/** A {@link LazyCard} whose code `load` brings. */
export function lazyCard(load: () => Promise<ComponentType<KindCardProps>>): LazyCard {
  const once = loadOnce(load);
  return { Card: lazyPart(once), load: () => once() };
}
