/**
 * A job's lineage from `parent.jobId` links: the chain of ancestors up to the first prompt, and
 * the tree of everything made from it. Pure and iterative (no recursion), and guarded against
 * cycles, which a hand-edited import could contain.
 */
import type { HistoryJob } from './job-labels';

/** One job in a descendant tree. */
export interface LineageNode {
  id: string;
  children: LineageNode[];
}

/** What `lineageOf` finds. */
export interface Lineage {
  /** Ancestor ids, oldest first, without the job itself. */
  ancestors: string[];
  /** The jobs made from this one, and from those, oldest first at each level. */
  descendants: LineageNode[];
  /** The oldest ancestor points at a parent that is no longer in the history. */
  parentMissing: boolean;
}

type JobsById = Readonly<
  Record<string, Pick<HistoryJob, 'id' | 'parent' | 'createdAt'> | undefined>
>;

/** Child ids by parent job id, each list oldest first. Build once per store change. */
export function childrenIndex(byId: JobsById): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const job of Object.values(byId)) {
    const parentId = job?.parent?.jobId;
    if (!job || !parentId || parentId === job.id) continue;
    const list = index.get(parentId);
    if (list) list.push(job.id);
    else index.set(parentId, [job.id]);
  }
  for (const list of index.values()) {
    list.sort((a, b) => (byId[a]?.createdAt ?? 0) - (byId[b]?.createdAt ?? 0) || (a < b ? -1 : 1));
  }
  return index;
}

/** Ancestor ids, oldest first; stops at a missing parent or where the chain loops. */
export function ancestorsOf(id: string, byId: JobsById): { ids: string[]; parentMissing: boolean } {
  const seen = new Set([id]);
  const chain: string[] = [];
  let parentId = byId[id]?.parent?.jobId;
  while (parentId && !seen.has(parentId)) {
    const parent = byId[parentId];
    if (!parent) return { ids: chain.reverse(), parentMissing: true };
    seen.add(parentId);
    chain.push(parentId);
    parentId = parent.parent?.jobId;
  }
  return { ids: chain.reverse(), parentMissing: false };
}

/**
 * The descendant tree of `id`. Each job appears once at most, and never one in `exclude` (the job
 * itself and its ancestors), so a cycle ends the branch instead of looping.
 */
export function descendantsOf(
  id: string,
  index: ReadonlyMap<string, readonly string[]>,
  exclude: Iterable<string> = [],
): LineageNode[] {
  const seen = new Set<string>([id, ...exclude]);
  const roots: LineageNode[] = [];
  const stack: { parentId: string; into: LineageNode[] }[] = [{ parentId: id, into: roots }];
  while (stack.length > 0) {
    const { parentId, into } = stack.pop()!;
    for (const childId of index.get(parentId) ?? []) {
      if (seen.has(childId)) continue;
      seen.add(childId);
      const node: LineageNode = { id: childId, children: [] };
      into.push(node);
      stack.push({ parentId: childId, into: node.children });
    }
  }
  return roots;
}

/** Ancestors and descendants of one job. Pass a prebuilt `index` when calling it repeatedly. */
export function lineageOf(
  id: string,
  byId: JobsById,
  index: ReadonlyMap<string, readonly string[]> = childrenIndex(byId),
): Lineage {
  const { ids, parentMissing } = ancestorsOf(id, byId);
  return { ancestors: ids, descendants: descendantsOf(id, index, ids), parentMissing };
}

/** Every id in a tree, depth first (for counts and tests). */
export function flattenTree(nodes: readonly LineageNode[]): string[] {
  const out: string[] = [];
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node.id);
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!);
  }
  return out;
}
