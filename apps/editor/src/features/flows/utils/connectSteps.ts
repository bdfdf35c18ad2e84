import { nodeExits, type Flow } from '@clinicflow/rules';
import { connectedExits } from './connectedExits';
import { newEdge } from './newEdge';
import { wouldCreateCycle } from './wouldCreateCycle';

/** Why a connection drawn by hand is refused. */
export type ConnectionRefusal = 'unknown-step' | 'unknown-exit' | 'exit-used' | 'to-trigger' | 'cycle';

/** The outcome of drawing a connection: the new flow, or why the engine would reject it. */
export type ConnectedSteps =
  { status: 'connected'; flow: Flow } | { status: 'refused'; reason: ConnectionRefusal };

/** Connects a step's open exit to another step, with the same rules as the validator (no loops, one target per exit). */
export function connectSteps(flow: Flow, source: string, exit: string, target: string): ConnectedSteps {
  const from = flow.nodes.find((node) => node.id === source);
  const to = flow.nodes.find((node) => node.id === target);
  if (!from || !to) return { status: 'refused', reason: 'unknown-step' };
  if (!nodeExits[from.type].includes(exit)) return { status: 'refused', reason: 'unknown-exit' };
  if (connectedExits(flow, source).has(exit)) return { status: 'refused', reason: 'exit-used' };
  if (to.type === 'trigger') return { status: 'refused', reason: 'to-trigger' };
  if (wouldCreateCycle(flow, source, target)) return { status: 'refused', reason: 'cycle' };
  return {
    status: 'connected',
    flow: { ...flow, edges: [...flow.edges, newEdge(flow, source, exit, target)] },
  };
}
