import { edgeExit, type Flow } from '@clinicflow/rules';
import type { LitPath } from '../hooks/litPathContext';

/** A step a run went through (a run's decision, or a simulation's timeline line). */
export interface StepTaken {
  nodeId: string;
  /** The exit it left by, when it said (a condition's yes/no, a question's answer); null for a plain step. */
  exit?: string | null;
  /** Skipped or planned steps are on the path too: the run reached them. */
  outcome?: string;
}

/**
 * The path a run took through a flow, to light on the canvas: every step it reached, and every connection
 * from a reached step to a reached step that leaves by the exit it took (any exit when it did not say, as a
 * plain step has one). A question's "reply" decisions carry the question's id and the exit it left by.
 */
export function pathTaken(flow: Pick<Flow, 'nodes' | 'edges'>, steps: readonly StepTaken[]): LitPath {
  const known = new Set(flow.nodes.map((node) => node.id));
  const nodes = new Set(steps.map((step) => step.nodeId).filter((id) => known.has(id)));
  const exits = new Map<string, Set<string>>();
  for (const step of steps) {
    if (!step.exit) continue;
    exits.set(step.nodeId, (exits.get(step.nodeId) ?? new Set()).add(step.exit));
  }
  const edges = new Set(
    flow.edges
      .filter((edge) => nodes.has(edge.source) && nodes.has(edge.target))
      .filter((edge) => {
        const taken = exits.get(edge.source);
        return !taken || taken.has(edgeExit(edge)) || (taken.has('next') && edgeExit(edge) === 'next');
      })
      .map((edge) => edge.id),
  );
  return { nodes, edges };
}
