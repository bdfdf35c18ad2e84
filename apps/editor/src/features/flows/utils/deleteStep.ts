import { edgeExit, type Flow } from '@clinicflow/rules';
import { connectedExits } from './connectedExits';
import { newEdge } from './newEdge';
import { reachableSteps } from './reachableSteps';

/** What deleting a step gives: the new flow, a refusal, or the question of which branch to keep. */
export type DeletedStep =
  | { status: 'deleted'; flow: Flow }
  | { status: 'refused'; reason: 'trigger' | 'unknown' }
  | { status: 'choose-branch'; exits: string[] };

const triggerIds = (flow: Flow) =>
  flow.nodes.filter((node) => node.type === 'trigger').map((node) => node.id);

/**
 * Deletes a step and reconnects what led to it with what came after it. A step with several connected
 * exits asks which branch to keep (`keepExit`); the steps only the other branches reached go with it.
 * The trigger cannot be deleted.
 */
export function deleteStep(flow: Flow, stepId: string, keepExit?: string): DeletedStep {
  const step = flow.nodes.find((node) => node.id === stepId);
  if (!step) return { status: 'refused', reason: 'unknown' };
  if (step.type === 'trigger') return { status: 'refused', reason: 'trigger' };
  const outgoing = connectedExits(flow, stepId);
  let keptTarget: string | null = null;
  if (outgoing.size > 1) {
    const kept = keepExit === undefined ? undefined : outgoing.get(keepExit);
    if (!kept) return { status: 'choose-branch', exits: [...outgoing.keys()] };
    keptTarget = kept.target;
  } else if (outgoing.size === 1) {
    keptTarget = [...outgoing.values()][0].target;
  }

  const before = reachableSteps(flow, triggerIds(flow));
  const incoming = flow.edges.filter((edge) => edge.target === stepId);
  let next: Flow = {
    ...flow,
    nodes: flow.nodes.filter((node) => node.id !== stepId),
    edges: flow.edges.filter((edge) => edge.source !== stepId && edge.target !== stepId),
  };
  if (keptTarget !== null) {
    for (const edge of incoming) {
      next = { ...next, edges: [...next.edges, newEdge(next, edge.source, edgeExit(edge), keptTarget)] };
    }
  }
  const after = reachableSteps(next, triggerIds(next));
  const dropped = new Set([...before].filter((id) => !after.has(id)));
  next = {
    ...next,
    nodes: next.nodes.filter((node) => !dropped.has(node.id)),
    edges: next.edges.filter((edge) => !dropped.has(edge.source) && !dropped.has(edge.target)),
  };
  return { status: 'deleted', flow: next };
}
