import { nodeExits, type Flow } from '@clinicflow/rules';
import type { InsertPlace } from '../types/flowDiagram';
import { connectedExits } from './connectedExits';

/** One line of the outline: a step, a branch of a step, a step already listed above, or the unconnected heading. */
export type OutlineRow =
  | { kind: 'step'; key: string; depth: number; stepId: string; addPlace: InsertPlace | null }
  | { kind: 'branch'; key: string; depth: number; stepId: string; exit: string; addPlace: InsertPlace }
  | { kind: 'shared'; key: string; depth: number; stepId: string }
  | { kind: 'unconnected'; key: string; depth: number };

/** Where "add a step" on one exit of a step puts the new step: on its connection, or on the open exit. */
function placeOn(flow: Flow, stepId: string, exit: string): InsertPlace {
  const edge = connectedExits(flow, stepId).get(exit);
  return edge ? { kind: 'edge', edgeId: edge.id } : { kind: 'exit', nodeId: stepId, exit };
}

/**
 * The flow as an indented list, from the trigger down: a straight sequence stays at one level, each branch
 * of a condition or question is indented under it, and a step reached twice (a shared End) is listed once
 * and referred to after. Steps not reached from the trigger come last.
 */
export function buildFlowOutline(flow: Flow): OutlineRow[] {
  const rows: OutlineRow[] = [];
  const listed = new Set<string>();
  const byId = new Map(flow.nodes.map((node) => [node.id, node]));

  const follow = (target: string, depth: number, key: string) => {
    if (listed.has(target)) rows.push({ kind: 'shared', key: `${key}>${target}`, depth, stepId: target });
    else visit(target, depth);
  };
  const visit = (stepId: string, depth: number) => {
    const step = byId.get(stepId);
    if (!step) return;
    listed.add(stepId);
    const exits = nodeExits[step.type];
    const connected = connectedExits(flow, stepId);
    rows.push({
      kind: 'step',
      key: stepId,
      depth,
      stepId,
      addPlace: exits.length === 1 ? placeOn(flow, stepId, exits[0]) : null,
    });
    if (exits.length === 1) {
      const edge = connected.get(exits[0]);
      if (edge) follow(edge.target, depth, stepId);
      return;
    }
    for (const exit of exits) {
      const key = `${stepId}:${exit}`;
      rows.push({
        kind: 'branch',
        key,
        depth: depth + 1,
        stepId,
        exit,
        addPlace: placeOn(flow, stepId, exit),
      });
      const edge = connected.get(exit);
      if (edge) follow(edge.target, depth + 2, key);
    }
  };

  for (const node of flow.nodes) if (node.type === 'trigger' && !listed.has(node.id)) visit(node.id, 0);
  const rest = flow.nodes.filter((node) => !listed.has(node.id));
  if (rest.length > 0) {
    rows.push({ kind: 'unconnected', key: '#unconnected', depth: 0 });
    const targets = new Set(flow.edges.map((edge) => edge.target));
    const heads = rest.filter((node) => !targets.has(node.id));
    for (const node of [...heads, ...rest]) if (!listed.has(node.id)) visit(node.id, 1);
  }
  return rows;
}
