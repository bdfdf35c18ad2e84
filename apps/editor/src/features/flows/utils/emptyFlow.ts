import type { Flow } from '@clinicflow/rules';
import { createStep } from './createStep';

/** A new flow with only its trigger. */
export function emptyFlow(name: string): Flow {
  return { name, nodes: [createStep('trigger', 'trigger-1', { x: 0, y: 0 })], edges: [] };
}
