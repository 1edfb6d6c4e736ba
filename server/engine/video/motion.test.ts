import { describe, expect, it } from 'vitest';
import { frameTime, MOTIONS, motionAt, styleForSeed, type View } from './motion';

const whole: View = { cx: 0.5, cy: 0.5, zoom: 1 };
const inside = (v: View) =>
  v.zoom >= 1 &&
  v.cx - 0.5 / v.zoom >= -1e-9 &&
  v.cx + 0.5 / v.zoom <= 1 + 1e-9 &&
  v.cy - 0.5 / v.zoom >= -1e-9 &&
  v.cy + 0.5 / v.zoom <= 1 + 1e-9;

describe('motionAt', () => {
  for (const seed of [0, 1, 99, 123456]) {
    const style = styleForSeed(seed);
    for (const kind of MOTIONS) {
      it(`${kind} (seed ${seed}) starts on the whole image and never leaves it`, () => {
        const options = { loop: false, hasEnd: false, style };
        const start = motionAt(kind, 0, options);
        expect(start.back).toEqual(whole);
        if (start.front) expect(start.front.view).toEqual(whole);
        for (let i = 0; i <= 60; i++) {
          const m = motionAt(kind, i / 60, options);
          expect(inside(m.back)).toBe(true);
          if (m.front) expect(inside(m.front.view)).toBe(true);
        }
        expect(motionAt(kind, 1, options).back).not.toEqual(whole);
      });
    }
  }

  it('a loop returns to where it started; an end frame is reached fully at the last frame', () => {
    const style = styleForSeed(3);
    const last = frameTime(59, 60, true);
    const loopEnd = motionAt('pan-right', last, { loop: true, hasEnd: false, style }).back;
    expect(Math.abs(loopEnd.cx - 0.5) + Math.abs(loopEnd.zoom - 1)).toBeLessThan(0.01);
    expect(
      motionAt('zoom-in', frameTime(59, 60, false), { loop: false, hasEnd: true, style }).endMix,
    ).toBe(1);
    expect(motionAt('zoom-in', 0.5, { loop: false, hasEnd: true, style }).endMix).toBe(0);
  });
});
