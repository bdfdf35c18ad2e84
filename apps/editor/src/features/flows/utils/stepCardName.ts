import type { FlowNode } from '@clinicflow/rules';
import type { Messages } from '../../../i18n/messages';
import { summarizeStep, type StepNames } from './summarizeStep';

/**
 * What a step is called where a list names it (a run's decisions, a simulation's timeline): the name on its
 * card when the manager gave one, else the line that says what it does. Never its id.
 */
export function stepCardName(node: FlowNode, t: Messages, names?: StepNames): string {
  const label = (node.data as { label?: string } | undefined)?.label?.trim();
  return label || summarizeStep(node, t, names);
}
