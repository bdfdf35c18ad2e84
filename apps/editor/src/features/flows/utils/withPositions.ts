import type { Flow } from '@clinicflow/rules';

/** The flow with some steps moved; steps not listed keep their place. */
export function withPositions(
  flow: Flow,
  positions: Readonly<Record<string, { x: number; y: number }>>,
): Flow {
  return {
    ...flow,
    nodes: flow.nodes.map((node) => {
      const position = positions[node.id];
      return position && (position.x !== node.position.x || position.y !== node.position.y)
        ? { ...node, position: { x: Math.round(position.x), y: Math.round(position.y) } }
        : node;
    }),
  };
}
