import type { Flow } from '../flow/flow.schema';

/** A ready-made flow a clinic can start from, with the features it covers. */
export interface StarterFlow {
  key: string;
  features: readonly string[];
  flow: Flow;
}

/** A canvas position for the n-th step of a column (auto-layout redraws it anyway). */
export const slot = (row: number, column = 0): { x: number; y: number } => ({
  x: column * 260,
  y: row * 140,
});

/** An edge from one step's exit to another step. */
export const link = (source: string, target: string, sourceHandle?: string) => ({
  id: `${source}-${sourceHandle ?? 'next'}-${target}`,
  source,
  target,
  sourceHandle: sourceHandle ?? null,
});
