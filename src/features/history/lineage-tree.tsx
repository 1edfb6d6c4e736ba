import type { LineageNode } from './lineage';
import { LineageLink } from './lineage-link';

/** Props of {@link LineageTree}. */
export interface LineageTreeProps {
  nodes: readonly LineageNode[];
  onSelect: (id: string) => void;
}

/** Descendants as nested lists: each job, then what was made from it. */
export function LineageTree({ nodes, onSelect }: LineageTreeProps) {
  return (
    <ul className="lineage-tree">
      {nodes.map((node) => (
        <li key={node.id}>
          <LineageLink id={node.id} onSelect={onSelect} />
          {node.children.length > 0 && <LineageTree nodes={node.children} onSelect={onSelect} />}
        </li>
      ))}
    </ul>
  );
}
