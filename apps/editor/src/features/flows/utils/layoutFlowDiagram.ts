import { nodeExits, type NodeType } from '@clinicflow/rules';
import type { ELK } from 'elkjs/lib/elk-api';
import type { StepSize } from '../types/flowDiagram';
import { stepCardWidth } from './stepCardWidth';

/** The default size of a step card before React Flow has measured it. */
export const defaultStepSize: StepSize = { width: 260, height: 96 };

/** What layout needs of a node: React Flow 12's `measured` size when it has one. */
export interface LayoutNode {
  id: string;
  type: NodeType;
  measured?: Partial<StepSize>;
}

/** What layout needs of an edge. */
export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle?: string | null;
}

let elk: Promise<ELK> | null = null;
// elkjs is large: it is fetched the first time a flow is laid out, not with the editor.
const loadElk = () =>
  (elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: Elk }) => new Elk() as ELK));

/**
 * Top-down layered layout (elkjs): the trigger in the first layer, each exit a port under its card in
 * the order of its handles, so "yes" stays left of "no". Returns the top-left corner of every card.
 */
export async function layoutFlowDiagram(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
): Promise<Record<string, { x: number; y: number }>> {
  const ids = new Set(nodes.map((node) => node.id));
  const graph = await (
    await loadElk()
  ).layout({
    id: 'flow',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      // room under a card for its branches to turn each on its own level, with their names (branchTurnY)
      'elk.layered.spacing.nodeNodeBetweenLayers': '100',
      'elk.spacing.nodeNode': '48',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: nodes.map((node) => {
      const width = node.measured?.width ?? stepCardWidth(node.type);
      const height = node.measured?.height ?? defaultStepSize.height;
      const exits = nodeExits[node.type];
      return {
        id: node.id,
        width,
        height,
        layoutOptions: {
          'elk.portConstraints': 'FIXED_POS',
          ...(node.type === 'trigger' ? { 'elk.layered.layering.layerConstraint': 'FIRST' } : {}),
        },
        ports: [
          { id: `${node.id}:in`, x: width / 2, y: 0, width: 1, height: 1 },
          // where StepNode draws the exit handles: evenly spread along the bottom edge
          ...exits.map((exit, index) => ({
            id: `${node.id}:${exit}`,
            x: (width * (index + 1)) / (exits.length + 1),
            y: height,
            width: 1,
            height: 1,
          })),
        ],
      };
    }),
    edges: edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      .map((edge) => ({
        id: edge.id,
        sources: [`${edge.source}:${edge.sourceHandle ?? 'next'}`],
        targets: [`${edge.target}:in`],
      })),
  });
  const positions: Record<string, { x: number; y: number }> = {};
  for (const child of graph.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  return positions;
}
