import type { Flow } from '../flow/flow.schema';
import { edgeExit, nodeExits } from '../flow/node-exits';
import { nameOf } from './step-name';

/** A connection the editor is about to draw. */
export interface ProposedConnection {
  source: string;
  target: string;
  sourceHandle?: string | null;
}

/** Whether a step can be reached from another by following the flow's connections. */
function reaches(flow: Flow, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const edge of flow.edges) if (edge.source === id) stack.push(edge.target);
  }
  return false;
}

/**
 * Why the editor must refuse a new connection (unknown step, no such exit, exit already used, into the trigger,
 * a loop), or null when the engine would accept it. The same rules as the validator, asked before drawing.
 */
export function connectionProblem(flow: Flow, connection: ProposedConnection): string | null {
  const source = flow.nodes.find((node) => node.id === connection.source);
  const target = flow.nodes.find((node) => node.id === connection.target);
  if (!source || !target) return 'Both ends of a connection must be steps of this flow';
  const exit = edgeExit(connection);
  if (!nodeExits[source.type].includes(exit)) return `${nameOf(source)} has no exit "${exit}"`;
  if (target.type === 'trigger') return 'Nothing can lead back to the trigger';
  if (flow.edges.some((edge) => edge.source === source.id && edgeExit(edge) === exit)) {
    return `The "${exit}" exit of ${nameOf(source)} is already connected`;
  }
  if (reaches(flow, target.id, source.id)) return `This would make a loop back to ${nameOf(target)}`;
  return null;
}
