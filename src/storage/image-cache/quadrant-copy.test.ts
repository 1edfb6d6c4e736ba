import { expect, it } from 'vitest';
import type { Job } from '../../jobs/job';
import { quadrantSource } from './quadrant-copy';

const grid = (id: string, raw: string | undefined, subs: string[] | undefined) =>
  ({
    id,
    result: { image_url: `${id}-shown.png`, raw_image_url: raw, sub_image_urls: subs },
  }) as unknown as Job;

it('finds the grid a quadrant link came from, and which quadrant it is', () => {
  const jobs = [
    grid('a', 'a-raw.png', ['a0', 'a1', 'a2', 'a3']),
    grid('b', undefined, ['b0', 'b1', 'b2', 'b3']),
  ];
  expect(quadrantSource(jobs, 'a3')).toEqual({ gridUrl: 'a-raw.png', index: 3 });
  // Without a raw link the shown picture is the grid's copy.
  expect(quadrantSource(jobs, 'b1')).toEqual({ gridUrl: 'b-shown.png', index: 1 });
  expect(quadrantSource(jobs, 'a-raw.png')).toBeNull();
  expect(quadrantSource([grid('c', 'c.png', undefined)], 'c0')).toBeNull();
});
