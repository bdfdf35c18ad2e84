import { createContext, useContext } from 'react';

/**
 * The path a run took (or a simulation would take), lit on the canvas: its steps and the connections between
 * them. Given by the page (the simulation, the run explorer) around the canvas; the cards and the connections
 * read it. Plain sets, no callbacks.
 */
export interface LitPath {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export const LitPathContext = createContext<LitPath | null>(null);

/** How a step or a connection shows against the lit path: on it, off it, or no path shown. */
export type LitState = 'on' | 'off' | null;

/** Whether a step is on the lit path. */
export function useStepLit(nodeId: string): LitState {
  const path = useContext(LitPathContext);
  return path ? (path.nodes.has(nodeId) ? 'on' : 'off') : null;
}

/** Whether a connection is on the lit path. */
export function useEdgeLit(edgeId: string): LitState {
  const path = useContext(LitPathContext);
  return path ? (path.edges.has(edgeId) ? 'on' : 'off') : null;
}
