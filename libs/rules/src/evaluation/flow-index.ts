import type { FlowNode, FlowNodeOf } from '../flow/flow-node.schema';
import type { Flow } from '../flow/flow.schema';
import { edgeExit } from '../flow/node-exits';

/** A flow indexed for walking: nodes by id and the target of each node's exits. */
export interface FlowIndex {
  trigger: FlowNodeOf<'trigger'> | null;
  nodes: Map<string, FlowNode>;
  next(nodeId: string, exit?: string): string | null;
}

const cache = new WeakMap<Flow, FlowIndex>();

/** Indexes a flow once (cached per flow object, which is immutable once published). */
export function indexFlow(flow: Flow): FlowIndex {
  const cached = cache.get(flow);
  if (cached) return cached;
  const nodes = new Map(flow.nodes.map((node) => [node.id, node] as const));
  const exits = new Map<string, Map<string, string>>();
  for (const edge of flow.edges) {
    let byExit = exits.get(edge.source);
    if (!byExit) exits.set(edge.source, (byExit = new Map()));
    const exit = edgeExit(edge);
    if (!byExit.has(exit)) byExit.set(exit, edge.target);
  }
  const trigger =
    (flow.nodes.find((node) => node.type === 'trigger') as FlowNodeOf<'trigger'> | undefined) ?? null;
  const index: FlowIndex = {
    trigger,
    nodes,
    next: (nodeId, exit = 'next') => exits.get(nodeId)?.get(exit) ?? null,
  };
  cache.set(flow, index);
  return index;
}
