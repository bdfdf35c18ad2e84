import type { Flow } from '@clinicflow/rules';
import type { FlowClipboard } from '../types/flowDiagram';

/** The chosen steps (never the trigger) and the connections between them, ready to paste. */
export function copySteps(flow: Flow, stepIds: readonly string[]): FlowClipboard {
  const chosen = new Set(stepIds);
  const nodes = flow.nodes.filter((node) => chosen.has(node.id) && node.type !== 'trigger');
  const kept = new Set(nodes.map((node) => node.id));
  const edges = flow.edges.filter((edge) => kept.has(edge.source) && kept.has(edge.target));
  return JSON.parse(JSON.stringify({ nodes, edges })) as FlowClipboard;
}
