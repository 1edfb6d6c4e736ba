import { describe, expect, it } from 'vitest';
import type { Job } from './job';
import { cardName, promptOf, usedActions, type NamedJob } from './job-names';

const PROMPT = 'A lighthouse on a cliff at dusk, oil painting --ar 3:2';

/** A chain grid → U2 → Zoom Out 2x → V1 → U3 → Pan Left, as the feed makes it. */
function chain(): Record<string, NamedJob> {
  const jobs: NamedJob[] = [
    { id: 'a0000000-0000-4000-8000-000000000000', request: { prompt: PROMPT } },
  ];
  for (const action of ['upscale2', 'zoom_out_2x', 'variation1', 'upscale3', 'pan_left']) {
    const parent = jobs.at(-1)!;
    jobs.push({
      id: `${String(jobs.length).repeat(8)}-0000-4000-8000-000000000000`,
      request: { action, image_id: `img-${jobs.length}` },
      parent: { jobId: parent.id, imageId: `img-${jobs.length}`, action, label: PROMPT },
    });
  }
  return Object.fromEntries(jobs.map((j) => [j.id, j]));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/;

describe('cardName', () => {
  const byId = chain();
  const lookup = (id: string) => byId[id];
  const names = Object.values(byId).map((j) => cardName(j, lookup).title);

  it('names every card of a chain by actions and the prompt, never by an id', () => {
    expect(names).toEqual([
      PROMPT,
      'U2 of “A lighthouse on a cliff at dusk, oil pa…”',
      'Zoom Out 2x of U2 · from “A lighthouse on a cliff at dusk, oil pa…”',
      'V1 of Zoom Out 2x · from U2 of …',
      'U3 of V1 · from Zoom Out 2x of …',
      'Pan Left of U3 · from V1 of …',
    ]);
    for (const name of names) expect(name).not.toMatch(UUID);
  });

  it('says the prompt second on a derived card, and names a deleted parent by its label', () => {
    const pan = Object.values(byId).at(-1)!;
    expect(cardName(pan, lookup).prompt).toBe(PROMPT);
    const orphan = cardName(pan, () => undefined);
    expect(orphan.title).toBe('Pan Left of an image of “A lighthouse on a cliff at dusk, oil pa…”');
    expect(orphan.title).not.toMatch(UUID);
  });
});

describe('promptOf', () => {
  it('is the root prompt for actions, the own prompt for a region, and survives a cycle', () => {
    const byId = chain();
    const pan = Object.values(byId).at(-1)!;
    expect(promptOf(pan, (id) => byId[id])).toBe(PROMPT);
    const region: NamedJob = {
      id: 'r',
      request: { action: 'variation_region', prompt: 'a red door' },
      parent: { jobId: pan.id, imageId: 'i', action: 'variation_region' },
    };
    expect(promptOf(region, (id) => byId[id])).toBe('a red door');
    const loop: NamedJob = {
      id: 'x',
      request: {},
      parent: { jobId: 'x', imageId: 'i', action: 'reroll' },
    };
    expect(promptOf(loop, () => loop)).toBeUndefined();
  });
});

describe('usedActions', () => {
  it('lists the actions run on a job’s image', () => {
    const byId = chain() as Record<string, Pick<Job, 'parent'>>;
    const root = Object.keys(byId)[0]!;
    expect([...usedActions(byId, root)]).toEqual(['upscale2']);
    expect(usedActions(byId, 'nobody').size).toBe(0);
  });

  it('walks the history once per version of the job list, not once per progress tick', () => {
    const byId = chain() as Record<string, Pick<Job, 'parent'>>;
    const root = Object.keys(byId)[0]!;
    const order = Object.keys(byId);
    let walks = 0;
    // A new `byId` per tick, as the store makes one per line; the job list stays the same.
    const tick = () =>
      new Proxy(
        { ...byId },
        {
          ownKeys(target) {
            walks += 1;
            return Reflect.ownKeys(target);
          },
        },
      );
    for (let i = 0; i < 5; i += 1)
      expect([...usedActions(tick(), root, order)]).toEqual(['upscale2']);
    expect(walks).toBe(1);
    // A job came: the list is new, and so is the index.
    usedActions(tick(), root, [...order, 'another']);
    expect(walks).toBe(2);
  });
});
