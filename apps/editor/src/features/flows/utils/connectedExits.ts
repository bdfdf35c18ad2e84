import { edgeExit, type Flow, type FlowEdge } from '@clinicflow/rules';

/** The outgoing connections of a step, by exit name. */
export function connectedExits(flow: Pick<Flow, 'edges'>, nodeId: string): Map<string, FlowEdge> {
  const byExit = new Map<string, FlowEdge>();
  for (const edge of flow.edges) if (edge.source === nodeId) byExit.set(edgeExit(edge), edge);
  return byExit;
}
