import type { Flow } from '@clinicflow/rules';
import { reachableSteps } from './reachableSteps';

/** Whether a connection from `source` to `target` would let a run come back to a step it has passed. */
export function wouldCreateCycle(flow: Pick<Flow, 'edges'>, source: string, target: string): boolean {
  return source === target || reachableSteps(flow, [target]).has(source);
}
