import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readLook } from '../../engine/pictures/describe-image';
import { describePrompts, describeRatio } from './describe-prompts';

/** A PNG of one colour. */
const solid = (width: number, height: number, r: number, g: number, b: number): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: { r, g, b } } })
    .png()
    .toBuffer();

/** A PNG whose left half is one colour and right half another. */
async function halves(
  width: number,
  height: number,
  left: [number, number, number],
  right: [number, number, number],
): Promise<Buffer> {
  const half = await sharp({
    create: {
      width: width / 2,
      height,
      channels: 3,
      background: { r: left[0], g: left[1], b: left[2] },
    },
  })
    .png()
    .toBuffer();
  return sharp({
    create: { width, height, channels: 3, background: { r: right[0], g: right[1], b: right[2] } },
  })
    .composite([{ input: half, left: 0, top: 0 }])
    .png()
    .toBuffer();
}

describe('describeRatio', () => {
  it('reduces small exact ratios, snaps near misses to common ones, else approximates', () => {
    expect(describeRatio(1024, 1024)).toEqual({ w: 1, h: 1 });
    expect(describeRatio(1024, 768)).toEqual({ w: 4, h: 3 });
    expect(describeRatio(1456, 816)).toEqual({ w: 16, h: 9 });
    expect(describeRatio(816, 1456)).toEqual({ w: 9, h: 16 });
    expect(describeRatio(2912, 1632)).toEqual({ w: 16, h: 9 });
    expect(describeRatio(1200, 704)).toEqual({ w: 75, h: 44 });
    expect(describeRatio(960, 1200)).toEqual({ w: 4, h: 5 });
    expect(describeRatio(1000, 333)).toEqual({ w: 3, h: 1 });
    expect(describeRatio(1009, 1000)).toEqual({ w: 1, h: 1 });
    expect(describeRatio(1100, 1000)).toEqual({ w: 11, h: 10 });
  });
});

describe('describe from real pixels', () => {
  it('says dark and blue for a dark blue picture, with its ratio', async () => {
    const look = await readLook(await solid(1456, 816, 10, 20, 90));
    expect(look.colours[0]?.name).toBe('dark blue');
    const prompts = describePrompts(look);
    expect(prompts).toHaveLength(4);
    expect(new Set(prompts).size).toBe(4);
    for (const p of prompts) {
      expect(p).toMatch(/\bdark\b/);
      expect(p).toMatch(/\bblue\b/);
      expect(p.endsWith(' --ar 16:9')).toBe(true);
      expect(p).not.toMatch(/red|bright/);
    }
  });

  it('says red and left for a picture bright red on the left, black on the right', async () => {
    const look = await readLook(await halves(800, 1000, [235, 20, 20], [0, 0, 0]));
    expect(look.colours.map((c) => c.name).sort()).toEqual(['black', 'red']);
    expect(look.brightest).toBe('left');
    expect(look.mass).toBe('left');
    const prompts = describePrompts(look);
    for (const p of prompts) {
      expect(p).toMatch(/\bred\b/);
      expect(p).toMatch(/\bleft\b/);
      expect(p.endsWith(' --ar 4:5')).toBe(true);
    }
    expect(prompts.join(' ')).not.toMatch(/\bblue\b/);
  });

  it('follows the light: a bright top over a dark bottom reads as sky over land', async () => {
    const top = await solid(600, 200, 250, 240, 200);
    const png = await sharp({
      create: { width: 600, height: 600, channels: 3, background: '#103010' },
    })
      .composite([{ input: top, left: 0, top: 0 }])
      .png()
      .toBuffer();
    const look = await readLook(png);
    expect(look.brightest.startsWith('top')).toBe(true);
    expect(look.topMinusBottom).toBeGreaterThan(0.5);
    const prompts = describePrompts(look);
    expect(prompts[0]).toContain('landscape under a bright sky');
    expect(prompts[0]).toContain('dark green');
    expect(prompts[0]).toContain('high contrast');
    for (const p of prompts) expect(p.endsWith(' --ar 1:1')).toBe(true);
  });

  it('judges light as the eye does: pure red is mid-toned, not dark', async () => {
    const look = await readLook(await solid(300, 300, 255, 0, 0));
    expect(look.brightness).toBeGreaterThan(0.45);
    for (const p of describePrompts(look)) {
      expect(p).toMatch(/\bred\b/);
      expect(p).not.toMatch(/\bdark\b/);
    }
  });

  it('a pale yellow picture is bright and flat, described differently', async () => {
    const prompts = describePrompts(await readLook(await solid(640, 480, 250, 245, 170)));
    expect(prompts[0]).toBe(
      'a bright wide minimal color field in pale yellow, the brightest light in the center, flat, even tone, natural colors --ar 4:3',
    );
  });
});
