import sharp, { type Sharp } from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Picture } from './picture';
import { decodeImage, drawGrid, gridSize, preview, quadrant, scale, thumbnail } from './pictures';
import { pan, varyGrid, varyRegion, zoomOut } from './pictures-variations';

interface Pixels {
  data: Buffer;
  width: number;
  height: number;
  channels: number;
}

async function pixels(image: Buffer | Sharp): Promise<Pixels> {
  const pipeline = Buffer.isBuffer(image) ? sharp(image) : image;
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** Pixels of a rectangle of a decoded image, as RGB bytes. */
function region(p: Pixels, left: number, top: number, width: number, height: number): Buffer {
  const out = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const s = ((top + y) * p.width + left + x) * p.channels;
      const d = (y * width + x) * 3;
      out[d] = p.data[s]!;
      out[d + 1] = p.data[s + 1]!;
      out[d + 2] = p.data[s + 2]!;
    }
  }
  return out;
}

function meanAbsDiff(a: Buffer, b: Buffer): number {
  expect(a.length).toBe(b.length);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

function maxAbsDiff(a: Buffer, b: Buffer): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

function meanRgb(p: Pixels): [number, number, number] {
  let r = 0;
  let g = 0;
  let b = 0;
  for (let i = 0; i < p.data.length; i += p.channels) {
    r += p.data[i]!;
    g += p.data[i + 1]!;
    b += p.data[i + 2]!;
  }
  const n = p.data.length / p.channels;
  return [r / n, g / n, b / n];
}

function variance(buf: Buffer): number {
  let sum = 0;
  let sq = 0;
  for (const v of buf) {
    sum += v;
    sq += v * v;
  }
  const n = buf.length;
  return sq / n - (sum / n) ** 2;
}

/** Sum of absolute differences between neighbours: high for sharp pictures, low for blurry ones. */
function edgeEnergy(p: Pixels): number {
  let sum = 0;
  for (let y = 0; y < p.height - 1; y++) {
    for (let x = 0; x < p.width - 1; x++) {
      const i = (y * p.width + x) * p.channels;
      sum += Math.abs(p.data[i]! - p.data[i + p.channels]!);
      sum += Math.abs(p.data[i]! - p.data[i + p.width * p.channels]!);
    }
  }
  return sum / (p.width * p.height);
}

/** A source with structure everywhere: gradients and a checker, not the painter's own output. */
async function patternPicture(width: number, height: number): Promise<Picture> {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const checker = ((x >> 4) + (y >> 4)) % 2 === 0;
      data[i] = Math.round((x * 255) / width);
      data[i + 1] = Math.round((y * 255) / height);
      data[i + 2] = checker ? 210 : 40;
    }
  }
  const png = await sharp(data, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
  return { png, width, height };
}

function quadrantOrigin(n: 1 | 2 | 3 | 4, qw: number, qh: number): [number, number] {
  return [n === 2 || n === 4 ? qw : 0, n === 3 || n === 4 ? qh : 0];
}

const QUADRANTS = [1, 2, 3, 4] as const;

describe('gridSize', () => {
  it('answers the service sizes for the common ratios', () => {
    expect(gridSize({ w: 1, h: 1 })).toEqual({ width: 2048, height: 2048 });
    expect(gridSize({ w: 16, h: 9 })).toEqual({ width: 2912, height: 1632 });
    expect(gridSize({ w: 9, h: 16 })).toEqual({ width: 1632, height: 2912 });
    expect(gridSize({ w: 4, h: 3 })).toEqual({ width: 2464, height: 1856 });
    expect(gridSize({ w: 3, h: 4 })).toEqual({ width: 1856, height: 2464 });
    expect(gridSize({ w: 3, h: 2 })).toEqual({ width: 2688, height: 1792 });
    expect(gridSize({ w: 2, h: 3 })).toEqual({ width: 1792, height: 2688 });
    expect(gridSize({ w: 21, h: 9 })).toEqual({ width: 3360, height: 1440 });
  });

  it('reduces a ratio before looking it up', () => {
    expect(gridSize({ w: 32, h: 18 })).toEqual({ width: 2912, height: 1632 });
    expect(gridSize({ w: 7, h: 7 })).toEqual({ width: 2048, height: 2048 });
  });

  it('sizes other ratios at about 1.19 MP a quadrant, sides multiples of 16', () => {
    for (const ratio of [
      { w: 5, h: 4 },
      { w: 2, h: 1 },
      { w: 1, h: 3 },
      { w: 7, h: 5 },
    ]) {
      const { width, height } = gridSize(ratio);
      const qw = width / 2;
      const qh = height / 2;
      expect(qw % 16).toBe(0);
      expect(qh % 16).toBe(0);
      expect(Math.abs((qw * qh) / 1.19e6 - 1)).toBeLessThan(0.05);
      expect(Math.abs(qw / qh / (ratio.w / ratio.h) - 1)).toBeLessThan(0.04);
    }
  });

  it('refuses a ratio that is not positive', () => {
    expect(() => gridSize({ w: 0, h: 1 })).toThrow(RangeError);
  });
});

describe('drawGrid', () => {
  const spec = { text: 'a quiet lake at dawn', seed: 42, ratio: { w: 1, h: 1 } };
  let grid: Picture;
  beforeAll(async () => {
    grid = await drawGrid(spec);
  });

  it('draws a PNG at the grid size', async () => {
    expect(grid.width).toBe(2048);
    expect(grid.height).toBe(2048);
    const meta = await sharp(grid.png).metadata();
    expect(meta.format).toBe('png');
    expect([meta.width, meta.height]).toEqual([2048, 2048]);
  });

  it('is deterministic: same spec, same bytes; another seed, another picture', async () => {
    const again = await drawGrid({ ...spec });
    expect(again.png.equals(grid.png)).toBe(true);
    const other = await drawGrid({ ...spec, seed: 43 });
    expect(other.png.equals(grid.png)).toBe(false);
    expect(
      meanAbsDiff((await pixels(other.png)).data, (await pixels(grid.png)).data),
    ).toBeGreaterThan(3);
  });

  it('draws four different quadrants', async () => {
    const p = await pixels(grid.png);
    const quads = QUADRANTS.map((n) => region(p, ...quadrantOrigin(n, 1024, 1024), 1024, 1024));
    for (let a = 0; a < 4; a++) {
      expect(variance(quads[a]!)).toBeGreaterThan(50); // a picture, not a flat fill
      for (let b = a + 1; b < 4; b++) expect(meanAbsDiff(quads[a]!, quads[b]!)).toBeGreaterThan(2);
    }
  });

  it('draws other aspect ratios at their size', async () => {
    const wide = await drawGrid({ ...spec, ratio: { w: 16, h: 9 } });
    expect([wide.width, wide.height]).toEqual([2912, 1632]);
    const meta = await sharp(wide.png).metadata();
    expect([meta.width, meta.height]).toEqual([2912, 1632]);
  });

  it('lets a reference image pull the picture toward its colour', async () => {
    const red = await sharp({
      create: { width: 512, height: 512, channels: 3, background: { r: 230, g: 20, b: 20 } },
    })
      .png()
      .toBuffer();
    const text = 'blue ocean at night';
    const plain = meanRgb(await pixels((await drawGrid({ ...spec, text })).png));
    const withRef = meanRgb(
      await pixels((await drawGrid({ ...spec, text, refs: [{ image: red, weight: 1 }] })).png),
    );
    const redness = ([r, g, b]: [number, number, number]): number => r - (g + b) / 2;
    expect(redness(withRef) - redness(plain)).toBeGreaterThan(40);
    const strong = meanRgb(
      await pixels((await drawGrid({ ...spec, text, refs: [{ image: red, weight: 2.5 }] })).png),
    );
    expect(redness(strong)).toBeGreaterThan(redness(withRef));
  });

  it('makes --tile pictures that wrap at their edges', async () => {
    const tiled = await pixels((await drawGrid({ ...spec, tile: true })).png);
    const plain = await pixels(grid.png);
    // Across the wrap (last column → first) the step is like the steps right beside it.
    const cols = (p: Pixels, a: number, b: number): number =>
      meanAbsDiff(region(p, a, 0, 1, 1024), region(p, b, 0, 1, 1024));
    const rows = (p: Pixels, a: number, b: number): number =>
      meanAbsDiff(region(p, 0, a, 1024, 1), region(p, 0, b, 1024, 1));
    const nearX = (cols(tiled, 1021, 1023) + cols(tiled, 0, 2)) / 2;
    const nearY = (rows(tiled, 1021, 1023) + rows(tiled, 0, 2)) / 2;
    expect(cols(tiled, 1023, 0)).toBeLessThan(nearX * 2 + 1);
    expect(rows(tiled, 1023, 0)).toBeLessThan(nearY * 2 + 1);
    // A landscape does not wrap: sky on top, ground below.
    const nearPlain = (rows(plain, 1021, 1023) + rows(plain, 0, 2)) / 2;
    expect(rows(plain, 1023, 0)).toBeGreaterThan(nearPlain * 4 + 1);
  });

  it('spreads the quadrants further apart with --chaos', async () => {
    const spread = async (chaos: number): Promise<number> => {
      const p = await pixels((await drawGrid({ ...spec, chaos })).png);
      const means = QUADRANTS.map((n) => {
        const q = region(p, ...quadrantOrigin(n, 1024, 1024), 1024, 1024);
        return meanRgb({ data: q, width: 1024, height: 1024, channels: 3 });
      });
      let total = 0;
      for (let a = 0; a < 4; a++) {
        for (let b = a + 1; b < 4; b++) {
          total += Math.hypot(...means[a]!.map((v, c) => v - means[b]![c]!));
        }
      }
      return total / 6;
    };
    expect(await spread(100)).toBeGreaterThan((await spread(0)) * 1.5);
  });

  it('blends several references when there is no text', async () => {
    const solid = (r: number, g: number, b: number): Promise<Buffer> =>
      sharp({ create: { width: 300, height: 200, channels: 3, background: { r, g, b } } })
        .jpeg()
        .toBuffer();
    const blend = await drawGrid({
      ...spec,
      text: '',
      refs: [
        { image: await solid(220, 30, 30), weight: 1 },
        { image: await solid(30, 30, 220), weight: 1 },
      ],
    });
    const [r, g, b] = meanRgb(await pixels(blend.png));
    expect(r - g).toBeGreaterThan(30);
    expect(b - g).toBeGreaterThan(30);
  });
});

describe('quadrant, thumbnail and scale', () => {
  let grid: Picture;
  beforeAll(async () => {
    grid = await drawGrid({ text: 'desert dunes', seed: 7, ratio: { w: 16, h: 9 } });
  });

  it('crops quadrant n exactly (1 TL, 2 TR, 3 BL, 4 BR)', async () => {
    const whole = await pixels(grid.png);
    for (const n of QUADRANTS) {
      const q = await quadrant(grid, n);
      expect([q.width, q.height]).toEqual([1456, 816]);
      const got = await pixels(q.png);
      expect([got.width, got.height]).toEqual([1456, 816]);
      const want = region(whole, ...quadrantOrigin(n, 1456, 816), 1456, 816);
      expect(region(got, 0, 0, 1456, 816).equals(want)).toBe(true);
    }
  });

  it('makes a half-size thumbnail', async () => {
    const t = await thumbnail(grid);
    expect([t.width, t.height]).toEqual([1456, 816]);
    const meta = await sharp(t.png).metadata();
    expect([meta.width, meta.height]).toEqual([1456, 816]);
  });

  it('upscales by exactly 2 and 4, keeping the picture', async () => {
    const small = await patternPicture(256, 160);
    const src = await pixels(small.png);
    for (const factor of [2, 4] as const) {
      const big = await scale(small, factor);
      expect([big.width, big.height]).toEqual([256 * factor, 160 * factor]);
      const p = await pixels(big.png);
      expect([p.width, p.height]).toEqual([256 * factor, 160 * factor]);
      const back = await pixels(sharp(big.png).resize(256, 160, { kernel: 'cubic' }));
      expect(meanAbsDiff(region(back, 0, 0, 256, 160), region(src, 0, 0, 256, 160))).toBeLessThan(
        4,
      );
    }
  });
});

describe('varyGrid', () => {
  it('makes four source-sized variations near the source, strong further than subtle', async () => {
    const source = await patternPicture(192, 128);
    const src = region(await pixels(source.png), 0, 0, 192, 128);
    const subtle = await varyGrid(source, 5, 'subtle');
    const strong = await varyGrid(source, 5, 'strong');
    expect([subtle.width, subtle.height]).toEqual([384, 256]);
    expect([strong.width, strong.height]).toEqual([384, 256]);
    const sp = await pixels(subtle.png);
    const st = await pixels(strong.png);
    let subtleTotal = 0;
    let strongTotal = 0;
    const quads: Buffer[] = [];
    for (const n of QUADRANTS) {
      const a = region(sp, ...quadrantOrigin(n, 192, 128), 192, 128);
      const b = region(st, ...quadrantOrigin(n, 192, 128), 192, 128);
      quads.push(a);
      const da = meanAbsDiff(a, src);
      expect(da).toBeGreaterThan(1); // changed
      subtleTotal += da;
      strongTotal += meanAbsDiff(b, src);
    }
    expect(strongTotal).toBeGreaterThan(subtleTotal);
    expect(meanAbsDiff(quads[0]!, quads[1]!)).toBeGreaterThan(1);
    const again = await varyGrid(source, 5, 'subtle');
    expect(again.png.equals(subtle.png)).toBe(true);
  });
});

describe('zoomOut', () => {
  it.each([
    [2, 128],
    [1.5, 171],
  ] as const)(
    '×%s pastes the source shrunk to %ipx exactly in the middle',
    async (factor, inner) => {
      const source = await patternPicture(256, 256);
      const grid = await zoomOut(source, factor, 11);
      expect([grid.width, grid.height]).toEqual([512, 512]);
      const g = await pixels(grid.png);
      const shrunk = await pixels(sharp(source.png).resize(inner, inner));
      const want = region(shrunk, 0, 0, inner, inner);
      const offset = Math.floor((256 - inner) / 2);
      const surrounds: Buffer[] = [];
      for (const n of QUADRANTS) {
        const [qx, qy] = quadrantOrigin(n, 256, 256);
        const got = region(g, qx + offset, qy + offset, inner, inner);
        expect(maxAbsDiff(got, want)).toBeLessThanOrEqual(3);
        surrounds.push(region(g, qx, qy, 256, offset)); // the band above the pasted source
      }
      expect(variance(surrounds[0]!)).toBeGreaterThan(10);
      expect(meanAbsDiff(surrounds[0]!, surrounds[3]!)).toBeGreaterThan(1);
    },
  );
});

describe('pan', () => {
  const W = 160;
  const H = 96;
  let source: Picture;
  let src: Pixels;
  beforeAll(async () => {
    source = await patternPicture(W, H);
    src = await pixels(source.png);
  });

  it.each([
    ['left', W + 80, H, 80, 0],
    ['right', W + 80, H, 0, 0],
    ['up', W, H + 48, 0, 48],
    ['down', W, H + 48, 0, 0],
  ] as const)('%s extends by half a side, the source kept exactly', async (dir, qw, qh, sx, sy) => {
    const grid = await pan(source, dir, 3);
    expect([grid.width, grid.height]).toEqual([qw * 2, qh * 2]);
    const g = await pixels(grid.png);
    expect([g.width, g.height]).toEqual([qw * 2, qh * 2]);
    const want = region(src, 0, 0, W, H);
    const extensions: Buffer[] = [];
    const horizontal = dir === 'left' || dir === 'right';
    const ex = dir === 'right' ? W : 0;
    const ey = dir === 'down' ? H : 0;
    for (const n of QUADRANTS) {
      const [qx, qy] = quadrantOrigin(n, qw, qh);
      expect(region(g, qx + sx, qy + sy, W, H).equals(want)).toBe(true);
      const ext = horizontal
        ? region(g, qx + ex, qy, qw - W, qh)
        : region(g, qx, qy + ey, qw, qh - H);
      extensions.push(ext);
    }
    // New content: it has structure, and it is not the same in every quadrant.
    expect(variance(extensions[0]!)).toBeGreaterThan(10);
    expect(meanAbsDiff(extensions[0]!, extensions[2]!)).toBeGreaterThan(1);
  });
});

describe('varyRegion', () => {
  let source: Picture;
  beforeAll(async () => {
    const grid = await drawGrid({ text: 'mountains and a lake', seed: 9, ratio: { w: 1, h: 1 } });
    source = await quadrant(grid, 2);
  });

  it('keeps black exactly and redraws white, with a 410×410 JPEG mask for a 1024² picture', async () => {
    // Left half white (redraw), right half black (keep), as the service's own example mask.
    const mask = await sharp({
      create: { width: 410, height: 410, channels: 3, background: '#000' },
    })
      .composite([
        {
          input: await sharp({
            create: { width: 205, height: 410, channels: 3, background: '#fff' },
          })
            .png()
            .toBuffer(),
          left: 0,
          top: 0,
        },
      ])
      .jpeg()
      .toBuffer();
    const grid = await varyRegion(source, mask, 4);
    expect([grid.width, grid.height]).toEqual([2048, 2048]);
    const g = await pixels(grid.png);
    const s = await pixels(source.png);
    const keep = region(s, 560, 0, 464, 1024);
    const redraw = region(s, 0, 0, 460, 1024);
    for (const n of QUADRANTS) {
      const [qx, qy] = quadrantOrigin(n, 1024, 1024);
      expect(region(g, qx + 560, qy, 464, 1024).equals(keep)).toBe(true);
      expect(meanAbsDiff(region(g, qx, qy, 460, 1024), redraw)).toBeGreaterThan(6);
    }
  });

  it('takes a PNG mask of the same size and keeps every black pixel', async () => {
    const small = await patternPicture(128, 128);
    const mask = await sharp({
      create: { width: 128, height: 128, channels: 3, background: '#000' },
    })
      .composite([
        {
          input: await sharp({ create: { width: 64, height: 64, channels: 3, background: '#fff' } })
            .png()
            .toBuffer(),
          left: 32,
          top: 32,
        },
      ])
      .png()
      .toBuffer();
    const grid = await varyRegion(small, mask, 1);
    const g = await pixels(grid.png);
    const s = await pixels(small.png);
    const src = region(s, 0, 0, 128, 128);
    for (const n of QUADRANTS) {
      const q = region(g, ...quadrantOrigin(n, 128, 128), 128, 128);
      let changedOutside = 0;
      let changedInside = 0;
      for (let y = 0; y < 128; y++) {
        for (let x = 0; x < 128; x++) {
          const i = (y * 128 + x) * 3;
          const same = q[i] === src[i] && q[i + 1] === src[i + 1] && q[i + 2] === src[i + 2];
          const inside = x >= 32 && x < 96 && y >= 32 && y < 96;
          if (inside && !same) changedInside++;
          if (!inside && !same) changedOutside++;
        }
      }
      expect(changedOutside).toBe(0);
      expect(changedInside).toBeGreaterThan(64 * 64 * 0.5);
    }
  });
});

describe('preview', () => {
  let grid: Picture;
  beforeAll(async () => {
    grid = await drawGrid({ text: 'starry night over the sea', seed: 3, ratio: { w: 16, h: 9 } });
  });

  it('makes WebP previews 512 and 256 on the long side, keeping the aspect', async () => {
    const p = await preview(grid, 40);
    const raw = await sharp(p.raw).metadata();
    const thumb = await sharp(p.thumb).metadata();
    expect(raw.format).toBe('webp');
    expect(thumb.format).toBe('webp');
    expect(raw.width).toBe(512);
    expect(Math.abs(raw.height - (512 * 1632) / 2912)).toBeLessThan(1);
    expect(thumb.width).toBe(256);
    expect(Math.abs(thumb.height - (256 * 1632) / 2912)).toBeLessThan(1);
    expect([p.rawWidth, p.rawHeight, p.thumbWidth, p.thumbHeight]).toEqual([
      raw.width,
      raw.height,
      thumb.width,
      thumb.height,
    ]);
    expect([p.rawSize, p.thumbSize]).toEqual([512, 256]);
  });

  it('gets sharper as progress grows', async () => {
    const energy = async (progress: number): Promise<number> =>
      edgeEnergy(await pixels((await preview(grid, progress)).raw));
    const e10 = await energy(10);
    const e50 = await energy(50);
    const e90 = await energy(90);
    expect(e10).toBeLessThan(e50);
    expect(e50).toBeLessThan(e90);
  });

  it('gets more colourful as progress grows, from a greyer start', async () => {
    const chroma = async (progress: number): Promise<number> => {
      const p = await pixels((await preview(grid, progress)).raw);
      let sum = 0;
      for (let i = 0; i < p.data.length; i += p.channels) {
        const [r, g, b] = [p.data[i]!, p.data[i + 1]!, p.data[i + 2]!];
        sum += Math.max(r, g, b) - Math.min(r, g, b);
      }
      return sum / (p.data.length / p.channels);
    };
    const [c10, c90] = [await chroma(10), await chroma(90)];
    expect(c10).toBeLessThan(c90 * 0.8);
  });
});

describe('decodeImage', () => {
  it('turns JPEG, greyscale and transparent images into RGB PNG pictures', async () => {
    const jpeg = await sharp({
      create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 200, b: 30 } },
    })
      .jpeg()
      .toBuffer();
    const fromJpeg = await decodeImage(jpeg);
    expect([fromJpeg.width, fromJpeg.height]).toEqual([40, 30]);
    const pj = await pixels(fromJpeg.png);
    expect((await sharp(fromJpeg.png).metadata()).format).toBe('png');
    expect(pj.channels).toBe(3);
    expect(meanRgb(pj)[1]).toBeGreaterThan(180);

    const grey = await sharp(Buffer.alloc(20 * 10, 200), {
      raw: { width: 20, height: 10, channels: 1 },
    })
      .png()
      .toBuffer();
    const pg = await pixels((await decodeImage(grey)).png);
    expect(pg.channels).toBe(3);
    expect(meanRgb(pg)).toEqual([200, 200, 200]);

    const clear = await sharp({
      create: {
        width: 8,
        height: 8,
        channels: 4,
        background: { r: 255, g: 255, b: 255, alpha: 0 },
      },
    })
      .png()
      .toBuffer();
    const pc = await pixels((await decodeImage(clear)).png);
    expect(pc.channels).toBe(3);
    expect(meanRgb(pc)).toEqual([0, 0, 0]);
  });
});
