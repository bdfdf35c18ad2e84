import type { RulesProblem } from '../errors/rules-error';
import { DAILY_TRIGGER_EVENT } from '../flow/flow-parts.schema';
import type { Flow } from '../flow/flow.schema';
import { nameOf } from './step-name';

/**
 * Rules of the time trigger "every day at HH:mm" (F10): it needs its time, starts nothing else (its runs are
 * about a practitioner's day, the others' about one appointment or patient), and its messages go to the
 * practitioner (the resource) or to others, never to a patient: it has none.
 */
export function dailyTriggerProblems(flow: Flow): RulesProblem[] {
  const index = flow.nodes.findIndex((node) => node.type === 'trigger');
  const trigger = flow.nodes[index];
  if (trigger?.type !== 'trigger' || !trigger.data.events.includes(DAILY_TRIGGER_EVENT)) return [];
  const problems: RulesProblem[] = [];
  const params = { step: trigger.id };
  if (!trigger.data.dailyAt) {
    problems.push({
      nodeId: trigger.id,
      path: `nodes.${index}.data.dailyAt`,
      message: `${nameOf(trigger)}: say at what time of day it starts (HH:mm)`,
      code: 'daily-time-missing',
      params,
    });
  }
  if (trigger.data.events.length > 1) {
    problems.push({
      nodeId: trigger.id,
      path: `nodes.${index}.data.events`,
      message: `${nameOf(trigger)}: "every day" starts a flow on its own; take the other events out`,
      code: 'daily-with-other-events',
      params,
    });
    return problems;
  }
  flow.nodes.forEach((node, i) => {
    const toPatient =
      node.type === 'reach' ||
      ((node.type === 'send' || node.type === 'ask') && node.data.recipient.type === 'patient');
    if (toPatient) {
      problems.push({
        nodeId: node.id,
        path: `nodes.${i}.data.${node.type === 'reach' ? 'rungs' : 'recipient'}`,
        message: `${nameOf(node)} goes to the patient, but a daily list is about a practitioner's day: send it to the practitioner`,
        code: 'daily-no-patient',
        params: { step: node.id },
      });
    }
  });
  return problems;
}
