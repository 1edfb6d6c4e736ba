import { describe, expect, it } from 'vitest';
import { IDLE, toolTransition, type ToolEvent, type ToolOptions, type ToolState } from './tools';

const opts = (o: Partial<ToolOptions>): ToolOptions => ({
  tool: 'brush',
  brushSize: 10,
  erase: false,
  width: 100,
  height: 50,
  ...o,
});

function run(events: ToolEvent[]) {
  let state: ToolState = IDLE;
  const commits = [];
  for (const e of events) {
    const t = toolTransition(state, e);
    state = t.state;
    if (t.commit) commits.push(t.commit);
  }
  return { state, commits };
}

const down = (x: number, y: number, o: Partial<ToolOptions> = {}, pointerId = 1): ToolEvent => ({
  type: 'down',
  pointerId,
  point: { x, y },
  options: opts(o),
});
const move = (pts: [number, number][], pointerId = 1): ToolEvent => ({
  type: 'move',
  pointerId,
  points: pts.map(([x, y]) => ({ x, y })),
});
const up = (pointerId = 1): ToolEvent => ({ type: 'up', pointerId });

describe('brush and eraser', () => {
  it('goes idle → drawing → idle and commits the stroke on up', () => {
    const mid = toolTransition(IDLE, down(1, 2));
    expect(mid.state.phase).toBe('drawing');
    expect(mid.commit).toBeNull();
    const { state, commits } = run([
      down(1, 2),
      move([
        [5, 2],
        [9, 2],
      ]),
      up(),
    ]);
    expect(state).toBe(IDLE);
    expect(commits).toEqual([{ kind: 'brush', size: 10, points: [1, 2, 5, 2, 9, 2] }]);
  });

  it('commits a tap as a dot and skips points closer than a tenth of the brush', () => {
    expect(run([down(3.333, 4), up()]).commits).toEqual([
      { kind: 'brush', size: 10, points: [3.33, 4] },
    ]);
    const { commits } = run([
      down(0, 0),
      move([
        [0.5, 0],
        [1, 0],
        [1.2, 0],
        [2.5, 0],
      ]),
      up(),
    ]);
    expect(commits[0]).toMatchObject({ points: [0, 0, 1, 0, 2.5, 0] });
  });

  it('records eraser strokes with their size', () => {
    const { commits } = run([down(1, 1, { tool: 'eraser', brushSize: 3 }), move([[4, 4]]), up()]);
    expect(commits).toEqual([{ kind: 'eraser', size: 3, points: [1, 1, 4, 4] }]);
  });

  it('ignores other pointers and drops the stroke on cancel', () => {
    const { commits, state } = run([down(1, 1), down(50, 50, {}, 2), move([[40, 40]], 2), up(2)]);
    expect(commits).toEqual([]);
    expect(state.phase).toBe('drawing');
    expect(run([down(1, 1), move([[9, 9]]), { type: 'cancel' }, up()]).commits).toEqual([]);
  });
});

describe('rectangle', () => {
  it('snaps to whole pixels, normalises direction and clamps to the image', () => {
    const { commits } = run([down(40.4, 30.6, { tool: 'rect' }), move([[-7, 12.2]]), up()]);
    expect(commits).toEqual([{ kind: 'rect', x: 0, y: 12, w: 40, h: 19, erase: false }]);
    const big = run([down(90, 40, { tool: 'rect', erase: true }), move([[500, 500]]), up()]);
    expect(big.commits).toEqual([{ kind: 'rect', x: 90, y: 40, w: 10, h: 10, erase: true }]);
  });

  it('commits nothing for a click', () => {
    expect(run([down(10, 10, { tool: 'rect' }), up()]).commits).toEqual([]);
  });
});

describe('lasso', () => {
  it('commits a closed shape with at least three points and some area', () => {
    const { commits } = run([
      down(0, 0, { tool: 'lasso' }),
      move([
        [10, 0],
        [10, 10],
      ]),
      up(),
    ]);
    expect(commits).toEqual([{ kind: 'lasso', points: [0, 0, 10, 0, 10, 10], erase: false }]);
  });

  it('drops a straight line or a tap', () => {
    expect(
      run([
        down(0, 0, { tool: 'lasso' }),
        move([
          [5, 5],
          [10, 10],
        ]),
        up(),
      ]).commits,
    ).toEqual([]);
    expect(run([down(0, 0, { tool: 'lasso' }), up()]).commits).toEqual([]);
  });
});
