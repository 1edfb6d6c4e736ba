import { describe, expect, it } from 'vitest';
import type { HistoryJob } from './job-labels';
import { ancestorsOf, childrenIndex, descendantsOf, flattenTree, lineageOf } from './lineage';

type Node = Pick<HistoryJob, 'id' | 'parent' | 'createdAt'>;

function job(id: string, createdAt: number, parentId?: string): Node {
  return {
    id,
    createdAt,
    ...(parentId
      ? { parent: { jobId: parentId, imageId: `img-${parentId}`, action: 'upscale1' } }
      : {}),
  };
}

function jobs(...list: Node[]): Record<string, Node> {
  return Object.fromEntries(list.map((j) => [j.id, j]));
}

// grid → (V2, U1); V2 → (U4 → zoom); plus an unrelated job.
const family = jobs(
  job('grid', 1),
  job('u1', 3, 'grid'),
  job('v2', 2, 'grid'),
  job('u4', 4, 'v2'),
  job('zoom', 5, 'u4'),
  job('other', 6),
);

describe('lineage', () => {
  it('walks ancestors oldest first', () => {
    expect(ancestorsOf('zoom', family)).toEqual({
      ids: ['grid', 'v2', 'u4'],
      parentMissing: false,
    });
    expect(ancestorsOf('grid', family)).toEqual({ ids: [], parentMissing: false });
  });

  it('builds the descendant tree, children oldest first', () => {
    const index = childrenIndex(family);
    expect(index.get('grid')).toEqual(['v2', 'u1']);
    expect(descendantsOf('grid', index)).toEqual([
      { id: 'v2', children: [{ id: 'u4', children: [{ id: 'zoom', children: [] }] }] },
      { id: 'u1', children: [] },
    ]);
    expect(descendantsOf('zoom', index)).toEqual([]);
  });

  it('gives both sides for a job in the middle', () => {
    const lineage = lineageOf('v2', family);
    expect(lineage.ancestors).toEqual(['grid']);
    expect(flattenTree(lineage.descendants)).toEqual(['u4', 'zoom']);
    expect(lineage.parentMissing).toBe(false);
  });

  it('says so when a parent was deleted', () => {
    const orphan = jobs(job('child', 2, 'deleted'), job('grandchild', 3, 'child'));
    expect(lineageOf('grandchild', orphan)).toEqual({
      ancestors: ['child'],
      descendants: [],
      parentMissing: true,
    });
  });

  it('ends at a cycle instead of looping (a hand-edited import)', () => {
    const loop = jobs(job('a', 1, 'c'), job('b', 2, 'a'), job('c', 3, 'b'), job('self', 4, 'self'));
    expect(ancestorsOf('a', loop).ids).toEqual(['b', 'c']);
    const lineage = lineageOf('a', loop);
    // Every job appears once across both sides, and never the job itself.
    const all = [...lineage.ancestors, ...flattenTree(lineage.descendants)];
    expect(new Set(all).size).toBe(all.length);
    expect(all).not.toContain('a');
    expect(lineageOf('self', loop)).toEqual({
      ancestors: [],
      descendants: [],
      parentMissing: false,
    });
  });

  it('handles a very long chain without recursion', () => {
    const list: Node[] = [job('j0', 0)];
    for (let i = 1; i < 20_000; i += 1) list.push(job(`j${i}`, i, `j${i - 1}`));
    const chain = jobs(...list);
    expect(ancestorsOf('j19999', chain).ids).toHaveLength(19_999);
    expect(flattenTree(lineageOf('j0', chain).descendants)).toHaveLength(19_999);
  });
});
