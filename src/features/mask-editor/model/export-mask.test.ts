import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blobToBase64, encodeMask, JPEG_QUALITY, maskToRgba } from './export-mask';
import { rasterizeMask } from './rasterize';

/**
 * Node has no canvas: a stand-in OffscreenCanvas that keeps what was put into it and encodes it
 * with sharp, so the test checks real JPEG/PNG bytes coming out of encodeMask.
 */
const requested: { type: string; quality?: number }[] = [];
class SharpOffscreenCanvas {
  private pixels: Uint8ClampedArray = new Uint8ClampedArray(0);
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}
  getContext() {
    return {
      createImageData: (w: number, h: number) => ({
        width: w,
        height: h,
        data: new Uint8ClampedArray(w * h * 4),
      }),
      putImageData: (img: { data: Uint8ClampedArray }) => {
        this.pixels = img.data;
      },
    };
  }
  async convertToBlob(opts: { type: string; quality?: number }) {
    requested.push(opts);
    const img = sharp(Buffer.from(this.pixels), {
      raw: { width: this.width, height: this.height, channels: 4 },
    });
    const out =
      opts.type === 'image/png'
        ? await img.png().toBuffer()
        : await img.jpeg({ quality: Math.round((opts.quality ?? 0.92) * 100) }).toBuffer();
    return new Blob([new Uint8Array(out)], { type: opts.type });
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  requested.length = 0;
});

const W = 64;
const H = 36;
const mask = rasterizeMask([{ kind: 'rect', x: 8, y: 8, w: 24, h: 16 }], W, H);

async function decode(b64: string) {
  const { data, info } = await sharp(Buffer.from(b64, 'base64'))
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, info, meta: await sharp(Buffer.from(b64, 'base64')).metadata() };
}

describe('maskToRgba', () => {
  it('expands 0/255 bytes to opaque black and white', () => {
    expect([...maskToRgba(new Uint8Array([0, 255]), 2, 1)]).toEqual([
      0, 0, 0, 255, 255, 255, 255, 255,
    ]);
  });

  it('refuses a raster of the wrong size', () => {
    expect(() => maskToRgba(new Uint8Array(5), 2, 2)).toThrow(/expected 2×2/);
  });
});

describe('blobToBase64', () => {
  it('encodes bytes as plain base64 without a data: prefix', async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    const b64 = await blobToBase64(new Blob([bytes]));
    expect(b64.startsWith('data:')).toBe(false);
    expect(new Uint8Array(Buffer.from(b64, 'base64'))).toEqual(bytes);
  });
});

describe('encodeMask', () => {
  it('sends a JPEG of exactly the image size by default, white inside, black outside', async () => {
    vi.stubGlobal('OffscreenCanvas', SharpOffscreenCanvas);
    const b64 = await encodeMask(mask, W, H);
    expect(requested).toEqual([{ type: 'image/jpeg', quality: JPEG_QUALITY }]);
    expect(b64.startsWith('/9j/')).toBe(true); // JPEG magic, no data: prefix
    const { data, meta } = await decode(b64);
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', W, H]);
    expect(data[16 * W + 20]).toBeGreaterThan(240); // inside the rect
    expect(data[2 * W + 2]).toBeLessThan(15); // far outside
    expect(data[30 * W + 60]).toBeLessThan(15);
  });

  it('sends a lossless PNG with exactly the raster pixels when asked', async () => {
    vi.stubGlobal('OffscreenCanvas', SharpOffscreenCanvas);
    const b64 = await encodeMask(mask, W, H, 'png');
    expect(requested).toEqual([{ type: 'image/png' }]);
    const { data, meta, info } = await decode(b64);
    expect([meta.format, meta.width, meta.height]).toEqual(['png', W, H]);
    expect(info.channels).toBe(1);
    expect(new Uint8Array(data)).toEqual(mask);
  });
});
