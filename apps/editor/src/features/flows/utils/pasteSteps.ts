import type { Flow } from '@clinicflow/rules';
import type { FlowClipboard } from '../types/flowDiagram';
import { newStepId } from './newStepId';

/** The outcome of a paste: the new flow and the ids of the pasted steps. */
export interface PastedSteps {
  flow: Flow;
  stepIds: string[];
}

/** Adds copies of the clipboard's steps with new ids, shifted by `offset`, keeping the connections between them. */
export function pasteSteps(flow: Flow, clipboard: FlowClipboard, offset = { x: 40, y: 40 }): PastedSteps {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const node of clipboard.nodes) {
    const id = newStepId(flow, node.type, taken);
    taken.add(id);
    ids.set(node.id, id);
  }
  const nodes = clipboard.nodes.map((node) => ({
    ...(JSON.parse(JSON.stringify(node)) as typeof node),
    id: ids.get(node.id) as string,
    position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
  }));
  const usedEdgeIds = new Set(flow.edges.map((edge) => edge.id));
  const edges = clipboard.edges
    .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
    .map((edge) => {
      const source = ids.get(edge.source) as string;
      const target = ids.get(edge.target) as string;
      let id = `${source}-${edge.sourceHandle ?? 'next'}-${target}`;
      for (let n = 2; usedEdgeIds.has(id); n++)
        id = `${source}-${edge.sourceHandle ?? 'next'}-${target}-${n}`;
      usedEdgeIds.add(id);
      return { ...edge, id, source, target };
    });
  return {
    flow: { ...flow, nodes: [...flow.nodes, ...nodes] as Flow['nodes'], edges: [...flow.edges, ...edges] },
    stepIds: nodes.map((node) => node.id),
  };
}
