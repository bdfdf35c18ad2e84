import type { Flow, NodeType } from '@clinicflow/rules';

/** A step id not used in the flow nor in `taken`: `wait-1`, `wait-2`, … */
export function newStepId(
  flow: Pick<Flow, 'nodes'>,
  type: NodeType,
  taken: ReadonlySet<string> = new Set(),
): string {
  const used = new Set([...flow.nodes.map((node) => node.id), ...taken]);
  for (let n = 1; ; n++) {
    const id = `${type}-${n}`;
    if (!used.has(id)) return id;
  }
}
