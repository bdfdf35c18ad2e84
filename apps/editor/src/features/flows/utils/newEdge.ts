import type { Flow, FlowEdge } from '@clinicflow/rules';

/** A connection from a step's exit to another step, with an id not used in the flow yet. */
export function newEdge(flow: Pick<Flow, 'edges'>, source: string, exit: string, target: string): FlowEdge {
  const used = new Set(flow.edges.map((edge) => edge.id));
  const base = `${source}-${exit}-${target}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return { id, source, target, sourceHandle: exit === 'next' ? null : exit };
}
