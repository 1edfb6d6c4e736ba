import { describe, expect, it } from 'vitest';
import {
  FIT_PADDING,
  clampPan,
  clientToScreen,
  fitViewport,
  imageToScreen,
  panBy,
  pinch,
  screenToImage,
  zoomAt,
  zoomLimits,
  type Viewport,
} from './viewport';

const view = { width: 800, height: 600 };
const LOOSE = { min: 0.01, max: 100 };
const close = (a: { x: number; y: number }, b: { x: number; y: number }) => {
  expect(a.x).toBeCloseTo(b.x, 9);
  expect(a.y).toBeCloseTo(b.y, 9);
};

describe('fitViewport', () => {
  it.each([
    ['square', { width: 1024, height: 1024 }, (600 - 2 * FIT_PADDING) / 1024],
    ['16:9', { width: 1456, height: 816 }, (800 - 2 * FIT_PADDING) / 1456],
    ['9:16', { width: 816, height: 1456 }, (600 - 2 * FIT_PADDING) / 1456],
  ])('shows the whole %s image centred', (_name, image, scale) => {
    const vp = fitViewport(image, view);
    expect(vp.scale).toBeCloseTo(scale, 12);
    const tl = imageToScreen(vp, { x: 0, y: 0 });
    const br = imageToScreen(vp, { x: image.width, y: image.height });
    expect(tl.x).toBeGreaterThanOrEqual(FIT_PADDING - 1e-9);
    expect(tl.y).toBeGreaterThanOrEqual(FIT_PADDING - 1e-9);
    expect(br.x).toBeLessThanOrEqual(view.width - FIT_PADDING + 1e-9);
    expect(br.y).toBeLessThanOrEqual(view.height - FIT_PADDING + 1e-9);
    expect(tl.x + br.x).toBeCloseTo(view.width, 9); // centred horizontally
    expect(tl.y + br.y).toBeCloseTo(view.height, 9);
  });
});

describe('screen ↔ image', () => {
  const viewports: Viewport[] = [
    { scale: 0.3, x: 12, y: 40 },
    { scale: 1, x: -200, y: 7.5 },
    { scale: 3.7, x: -1234.25, y: -880 },
    { scale: 16, x: 5, y: -9000 },
  ];

  it('round-trips at several zooms and pans', () => {
    for (const vp of viewports) {
      for (const p of [
        { x: 0, y: 0 },
        { x: 511.5, y: 17.25 },
        { x: 1023, y: 2047.99 },
      ]) {
        close(screenToImage(vp, imageToScreen(vp, p)), p);
      }
    }
  });

  it('maps a pointer to the image pixel Konva drew under it, at any device pixel ratio', () => {
    // Konva draws with the canvas transform (dpr·scale, dpr·x, dpr·y) in device pixels; the
    // pointer arrives in CSS pixels. Both must name the same image point.
    const rect = { left: 37.5, top: 120 };
    for (const dpr of [1, 1.25, 2, 3]) {
      for (const vp of viewports) {
        const image = { x: 300.5, y: 200.5 };
        const device = {
          x: dpr * (image.x * vp.scale + vp.x),
          y: dpr * (image.y * vp.scale + vp.y),
        };
        const client = { clientX: device.x / dpr + rect.left, clientY: device.y / dpr + rect.top };
        close(screenToImage(vp, clientToScreen(client, rect)), image);
      }
    }
  });

  it('keeps the point under the cursor fixed while zooming', () => {
    let vp = fitViewport({ width: 1456, height: 816 }, view);
    const anchor = { x: 613, y: 211 };
    const before = screenToImage(vp, anchor);
    for (const f of [1.25, 1.25, 3, 0.5, 1 / 1.25]) {
      vp = zoomAt(vp, f, anchor, LOOSE);
      close(screenToImage(vp, anchor), before);
    }
  });

  it('clamps zoom to the limits', () => {
    const image = { width: 1024, height: 1024 };
    const limits = zoomLimits(image, view);
    const fit = fitViewport(image, view);
    expect(zoomAt(fit, 1000, { x: 0, y: 0 }, limits).scale).toBe(limits.max);
    expect(zoomAt(fit, 0.001, { x: 0, y: 0 }, limits).scale).toBeCloseTo(fit.scale / 2, 12);
  });

  it('pans by screen pixels without changing scale', () => {
    const vp = panBy({ scale: 2, x: 10, y: 10 }, -30, 5);
    expect(vp).toEqual({ scale: 2, x: -20, y: 15 });
    close(screenToImage(vp, { x: -20, y: 15 }), { x: 0, y: 0 });
  });
});

describe('pinch', () => {
  it('scales by the finger distance and carries the midpoint', () => {
    const vp: Viewport = { scale: 1, x: 100, y: 50 };
    const from = [
      { x: 200, y: 200 },
      { x: 300, y: 200 },
    ] as const;
    const to = [
      { x: 150, y: 260 },
      { x: 350, y: 260 },
    ] as const;
    const next = pinch(vp, from, to, LOOSE);
    expect(next.scale).toBeCloseTo(2, 12);
    close(screenToImage(next, { x: 250, y: 260 }), screenToImage(vp, { x: 250, y: 200 }));
  });

  it('pans with two fingers moving together', () => {
    const vp: Viewport = { scale: 1.5, x: 0, y: 0 };
    const next = pinch(
      vp,
      [
        { x: 10, y: 10 },
        { x: 60, y: 10 },
      ],
      [
        { x: 40, y: -10 },
        { x: 90, y: -10 },
      ],
      LOOSE,
    );
    expect(next.scale).toBeCloseTo(1.5, 12);
    expect(next.x).toBeCloseTo(30, 9);
    expect(next.y).toBeCloseTo(-20, 9);
  });
});

describe('clampPan', () => {
  it('keeps part of the image on screen', () => {
    const image = { width: 1000, height: 1000 };
    const far = clampPan({ scale: 1, x: 5000, y: -5000 }, image, view, 48);
    expect(far.x).toBe(800 - 48);
    expect(far.y).toBe(48 - 1000);
    const fine = { scale: 1, x: -100, y: -100 };
    expect(clampPan(fine, image, view, 48)).toEqual(fine);
  });
});
