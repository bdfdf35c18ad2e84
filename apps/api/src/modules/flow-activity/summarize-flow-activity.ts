import { DELIVERY_OUTCOMES } from '@clinicflow/contract';
import type { RunStep } from '@clinicflow/rules';
import type { ActivityOutcome, FlowActivity, NodeActivity } from './flow-activity.dto';
import type { DeliveryActivity } from '../deliveries/delivery-stats.repository';
import type { RunActivity } from '../runs/run.repository';

const sentStatuses = new Set<string>(DELIVERY_OUTCOMES.sent);
const waitingStatuses = new Set(['waiting', 'awaiting-reply']);
const messageKinds = new Set<RunStep['kind']>(['send', 'ask', 'reply']);
const latestSize = 20;

export interface ActivityInput {
  day: string;
  /** The clinic-local day as instants: [start, end). */
  start: Date;
  end: Date;
  /** "Waiting" is a state of now: only today's view counts it. */
  isToday: boolean;
  nodeIds: string[];
  runs: RunActivity[];
  deliveries: DeliveryActivity[];
  /** The initials of the runs' and messages' patients, by patient id. */
  initials?: ReadonlyMap<string, string>;
}

/**
 * A patient's initials as the feed shows them ("Léa Martin" → "L. M."): enough to tell two outcomes apart in
 * a corner of the canvas, without spelling out a patient's name there.
 */
export function patientInitials(firstName: string | null | undefined, lastName: string | null | undefined) {
  return [firstName, lastName]
    .flatMap((name) => (name?.trim() ? [`${[...name.trim()][0]!.toUpperCase()}.`] : []))
    .join(' ');
}

const empty = (): NodeActivity => ({ entered: 0, waiting: 0, sent: 0, skipped: 0, failed: 0 });

/**
 * When a run reached each of its steps. A step's `at` is when it happened, except for a wait (the end of the
 * wait) and a planned message (its send time): those were reached when the step before them happened.
 */
function reachTimes(run: RunActivity): Array<{ step: RunStep; reachedAt: number }> {
  let last = new Date(run.createdAt).getTime();
  return (run.steps ?? []).map((step) => {
    if (step.outcome !== 'waiting' && step.outcome !== 'planned') last = Date.parse(step.at);
    return { step, reachedAt: last };
  });
}

/** Per step counts of one flow on one clinic day, and its latest outcomes (newest first). */
export function summarizeFlowActivity(input: ActivityInput): Omit<FlowActivity, 'timeZone'> {
  const nodes: Record<string, NodeActivity> = {};
  const of = (nodeId: string) => (nodes[nodeId] ??= empty());
  input.nodeIds.forEach(of);
  const from = input.start.getTime();
  const to = input.end.getTime();
  const inDay = (ms: number) => ms >= from && ms < to;
  const latest: ActivityOutcome[] = [];
  const initialsOf = (patientId: string | null | undefined) => {
    const initials = patientId ? input.initials?.get(patientId) : undefined;
    return initials ? { patientInitials: initials } : {};
  };

  for (const run of input.runs) {
    const entered = new Set<string>();
    for (const { step, reachedAt } of reachTimes(run)) {
      if (!inDay(reachedAt)) continue;
      entered.add(step.nodeId);
      // a skipped message is counted from its delivery; a skipped wait has none
      if (step.outcome === 'skipped' && !messageKinds.has(step.kind)) of(step.nodeId).skipped++;
    }
    entered.forEach((nodeId) => of(nodeId).entered++);
    if (input.isToday && run.nodeId && waitingStatuses.has(run.status)) of(run.nodeId).waiting++;
    const updatedAt = new Date(run.updatedAt);
    if (inDay(updatedAt.getTime()))
      latest.push({
        at: updatedAt,
        nodeId: run.nodeId,
        runId: run._id,
        status: run.status,
        ...initialsOf(run.patientId),
        ...(run.endedReason ? { reason: run.endedReason } : {}),
      });
  }

  for (const delivery of input.deliveries) {
    if (delivery.nodeId) {
      const counts = of(delivery.nodeId);
      if (sentStatuses.has(delivery.status)) counts.sent++;
      else if (delivery.status === 'skipped') counts.skipped++;
      else if (delivery.status === 'failed') counts.failed++;
    }
    const reason = delivery.error?.reason ?? delivery.reason;
    latest.push({
      at: new Date(delivery.updatedAt),
      nodeId: delivery.nodeId,
      deliveryId: delivery._id,
      ...(delivery.runId ? { runId: delivery.runId } : {}),
      status: delivery.status,
      ...(delivery.recipient?.name ? { recipientName: delivery.recipient.name } : {}),
      ...initialsOf(delivery.patientId),
      ...(reason ? { reason } : {}),
    });
  }

  // at the same instant, a message's outcome says more than the run's state
  latest.sort((a, b) => b.at.getTime() - a.at.getTime() || Number(!a.deliveryId) - Number(!b.deliveryId));
  return { day: input.day, nodes, latest: latest.slice(0, latestSize) };
}
