import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeRaw, type Raw } from './pictures-raw';
import type { Picture } from './picture';
import {
  drawPostUpscale,
  square,
  squareFrame,
  squareGrid,
  upscaleCreative,
  upscaleSubtle,
} from './square';

/** A picture with structure everywhere: a diagonal colour gradient with a bright disc. */
async function testPicture(width: number, height: number): Promise<Picture> {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const disc = Math.hypot(x - width * 0.3, y - height * 0.4) < Math.min(width, height) / 5;
      data[i] = disc ? 250 : Math.round((255 * x) / width);
      data[i + 1] = disc ? 240 : Math.round((200 * y) / height);
      data[i + 2] = disc ? 120 : 90;
    }
  const png = await sharp(data, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
  return { png, width, height };
}

const crop = (raw: Raw, left: number, top: number, width: number, height: number): Buffer => {
  const rows: Buffer[] = [];
  for (let y = top; y < top + height; y++)
    rows.push(raw.data.subarray((y * raw.width + left) * 3, (y * raw.width + left + width) * 3));
  return Buffer.concat(rows);
};

const meanAbsDiff = (a: Buffer, b: Buffer): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]! - b[i]!);
  return s / a.length;
};

/** Mean colour of a region. */
const meanOf = (buf: Buffer): number[] => {
  const m = [0, 0, 0];
  for (let i = 0; i < buf.length; i++) m[i % 3]! += buf[i]!;
  return m.map((v) => v / (buf.length / 3));
};

describe('square (Make Square)', () => {
  it('extends a wide image to 1:1 with its pixels exactly in the middle', async () => {
    const src = await testPicture(300, 180);
    const out = await square(src, 42);
    expect([out.width, out.height]).toEqual([300, 300]);
    const raw = await decodeRaw(out.png);
    const orig = await decodeRaw(src.png);
    const { top } = squareFrame(300, 180);
    expect(top).toBe(60);
    expect(crop(raw, 0, top, 300, 180).equals(orig.data)).toBe(true);
    // The new bands continue the picture's edges: the row just above matches the top row, and
    // the bands are not empty (black) but close in colour to the strip they grew from.
    const above = crop(raw, 0, top - 1, 300, 1);
    expect(meanAbsDiff(above, crop(orig, 0, 0, 300, 1))).toBeLessThan(12);
    const band = crop(raw, 0, 0, 300, top);
    const bottomBand = crop(raw, 0, top + 180, 300, 60);
    expect(meanOf(band)[0]).toBeGreaterThan(60);
    expect(Math.abs(meanOf(bottomBand)[1]! - meanOf(crop(orig, 0, 150, 300, 30))[1]!)).toBeLessThan(
      50,
    );
  });

  it('extends a tall image sideways, deterministically per seed', async () => {
    const src = await testPicture(120, 200);
    const a = await square(src, 7);
    const b = await square(src, 7);
    const c = await square(src, 8);
    expect([a.width, a.height]).toEqual([200, 200]);
    expect(a.png.equals(b.png)).toBe(true);
    expect(a.png.equals(c.png)).toBe(false);
    const raw = await decodeRaw(a.png);
    expect(crop(raw, 40, 0, 120, 200).equals((await decodeRaw(src.png)).data)).toBe(true);
  });

  it('gives four different squares in a grid', async () => {
    const src = await testPicture(160, 90);
    const grid = await squareGrid(src, 3);
    expect([grid.width, grid.height]).toEqual([320, 320]);
    const raw = await decodeRaw(grid.png);
    const q1 = crop(raw, 0, 0, 160, 160);
    const q2 = crop(raw, 160, 0, 160, 160);
    expect(q1.equals(q2)).toBe(false);
    expect(crop(raw, 160, 35, 160, 90).equals((await decodeRaw(src.png)).data)).toBe(true);
  });
});

describe('upscale_subtle / upscale_creative', () => {
  it('subtle doubles each side and stays faithful', async () => {
    const src = await testPicture(200, 120);
    const up = await upscaleSubtle(src);
    expect([up.width, up.height]).toEqual([400, 240]);
    const back = await sharp(up.png).resize(200, 120, { kernel: 'lanczos3' }).raw().toBuffer();
    expect(meanAbsDiff(back, (await decodeRaw(src.png)).data)).toBeLessThan(1.5);
    // Redo of a faithful resample reproduces it byte for byte.
    expect((await upscaleSubtle(src)).png.equals(up.png)).toBe(true);
  });

  it('creative doubles each side and visibly changes detail, seeded', async () => {
    const src = await testPicture(200, 120);
    const subtle = await decodeRaw((await upscaleSubtle(src)).png);
    const a = await upscaleCreative(src, 1);
    expect([a.width, a.height]).toEqual([400, 240]);
    const raw = await decodeRaw(a.png);
    expect(meanAbsDiff(raw.data, subtle.data)).toBeGreaterThan(3);
    // Still the same picture: halved, it is close to the source.
    const back = await sharp(a.png).resize(200, 120, { kernel: 'lanczos3' }).raw().toBuffer();
    expect(meanAbsDiff(back, (await decodeRaw(src.png)).data)).toBeLessThan(8);
    expect((await upscaleCreative(src, 1)).png.equals(a.png)).toBe(true);
    // A redo with a new seed gives new detail.
    expect((await upscaleCreative(src, 2)).png.equals(a.png)).toBe(false);
  });

  it('refuses to pass the size limit', async () => {
    const big = { png: Buffer.alloc(0), width: 4097, height: 10 };
    await expect(upscaleSubtle(big)).rejects.toThrow(/8192/);
  });
});

describe('drawPostUpscale', () => {
  it('redoes each upscale as the same operation on the same source', async () => {
    const src = await testPicture(100, 60);
    const subtle = await drawPostUpscale('upscale_subtle', src, 1);
    expect((await drawPostUpscale('redo_upscale_subtle', src, 2))?.png.equals(subtle!.png)).toBe(
      true,
    );
    const creative = await drawPostUpscale('upscale_creative', src, 1);
    expect(
      (await drawPostUpscale('redo_upscale_creative', src, 1))?.png.equals(creative!.png),
    ).toBe(true);
    expect(
      (await drawPostUpscale('redo_upscale_creative', src, 5))?.png.equals(creative!.png),
    ).toBe(false);
    const four = await drawPostUpscale('redo_upscale_4x', src, 1);
    expect([four?.width, four?.height]).toEqual([400, 240]);
    const sq = await drawPostUpscale('square', src, 1);
    expect([sq?.width, sq?.height]).toEqual([100, 100]);
    expect(drawPostUpscale('variation_subtle', src, 1)).toBeUndefined();
  });
});
