import sharp from 'sharp';
import { drawGrid, quadrant, scale, thumbnail, preview } from '../server/engine/pictures/pictures';
import { pan, varyGrid, varyRegion, zoomOut } from '../server/engine/pictures/pictures-variations';
import { timeMedian, type Figures } from './measure';

/** The local engine's image work per grid and per action (pace excluded). */
export async function benchEngine(): Promise<Figures> {
  let seed = 1;
  const spec = () => ({
    text: 'a lighthouse on a cliff at dusk',
    seed: seed++,
    ratio: { w: 1, h: 1 },
  });
  const grid = await drawGrid(spec());
  const up = await quadrant(grid, 2);
  const mask = await sharp({
    create: { width: 1024, height: 1024, channels: 3, background: '#000' },
  })
    .composite([
      {
        input: Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024"><circle cx="512" cy="512" r="300" fill="#fff"/></svg>',
        ),
      },
    ])
    .jpeg()
    .toBuffer();

  const ms = (name: string, value: number, target?: number): Figures => ({
    [name]: {
      value,
      unit: 'ms',
      ...(target ? { target: { op: '<=' as const, value: target } } : {}),
    },
  });
  return {
    ...ms('engine.grid_2048', await timeMedian(() => drawGrid(spec())), 300),
    ...ms(
      'engine.grid_16x9',
      await timeMedian(() => drawGrid({ ...spec(), ratio: { w: 16, h: 9 } })),
    ),
    ...ms('engine.upscale_quadrant', await timeMedian(() => quadrant(grid, 3)), 100),
    ...ms('engine.thumbnail_grid', await timeMedian(() => thumbnail(grid))),
    ...ms('engine.preview_line', await timeMedian(() => preview(grid, 40))),
    ...ms('engine.upscale_2x', await timeMedian(() => scale(up, 2))),
    ...ms('engine.variation_subtle', await timeMedian(() => varyGrid(up, seed++, 'subtle'))),
    ...ms('engine.zoom_out_2x', await timeMedian(() => zoomOut(up, 2, seed++))),
    ...ms('engine.pan_left', await timeMedian(() => pan(up, 'left', seed++))),
    ...ms('engine.variation_region', await timeMedian(() => varyRegion(up, mask, seed++))),
  };
}
