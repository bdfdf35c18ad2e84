import type { Flow } from '@clinicflow/rules';

/** The ids of the steps reached from the given steps (themselves included) by following connections. */
export function reachableSteps(flow: Pick<Flow, 'edges'>, from: readonly string[]): Set<string> {
  const reached = new Set(from);
  const queue = [...from];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const edge of flow.edges) {
      if (edge.source === id && !reached.has(edge.target)) {
        reached.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  return reached;
}
