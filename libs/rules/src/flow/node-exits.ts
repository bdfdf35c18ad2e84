import type { FlowEdge } from './flow-edge.schema';
import type { NodeType } from './flow-node.schema';

/** The typed exits of each node type; single-exit nodes leave by `next`, `end` has none. */
export const nodeExits: Readonly<Record<NodeType, readonly string[]>> = {
  trigger: ['next'],
  condition: ['yes', 'no'],
  wait: ['next'],
  send: ['next'],
  ask: ['confirmed', 'declined', 'no-reply', 'failed'],
  reach: ['reached', 'not-reached'],
  update: ['next'],
  webhook: ['next'],
  end: [],
};

/** Node types whose every exit must be connected (to a step or to an explicit end). */
export const branchingNodeTypes: readonly NodeType[] = ['condition', 'ask', 'reach'];

/** The exit an edge leaves from; a missing handle means `next`. */
export function edgeExit(edge: Pick<FlowEdge, 'sourceHandle'>): string {
  return edge.sourceHandle ?? 'next';
}
