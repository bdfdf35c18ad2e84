import type { RulesProblem } from '../errors/rules-error';
import type { Flow } from '../flow/flow.schema';
import { nameOf } from './step-name';

/**
 * Warnings: things that do not make a flow wrong but that a practice manager should know before publishing.
 * Today one (F2): a flow started by a booking but not by a move, whose waits count from the appointment, loses its
 * reminders when the appointment moves (the move cancels them and only flows started by "rescheduled" plan again).
 */
export function flowWarnings(flow: Flow): RulesProblem[] {
  const index = flow.nodes.findIndex((node) => node.type === 'trigger');
  const trigger = flow.nodes[index];
  if (trigger?.type !== 'trigger') return [];
  const events = trigger.data.events;
  if (!events.includes('appointment.booked') || events.includes('appointment.rescheduled')) return [];
  const waits = flow.nodes.filter(
    (node) =>
      node.type === 'wait' &&
      (node.data.relativeTo === 'appointment-start' || node.data.relativeTo === 'appointment-end'),
  );
  if (waits.length === 0) return [];
  return [
    {
      nodeId: trigger.id,
      path: `nodes.${index}.data.events`,
      message:
        `${nameOf(trigger)} starts on "appointment booked" but not on "appointment rescheduled", and ` +
        `${waits.map(nameOf).join(', ')} ${waits.length > 1 ? 'count' : 'counts'} from the appointment: ` +
        'when the appointment moves, its pending messages are cancelled and not planned again',
      code: 'reschedule-not-followed',
      params: { step: trigger.id, waits: waits.map((wait) => wait.id).join(',') },
      severity: 'warning',
    },
  ];
}
