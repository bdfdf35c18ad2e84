import { placeInAllowedHours } from '../quiet-hours/place-in-allowed-hours';
import type { FlowNode, FlowNodeOf } from '../flow/flow-node.schema';
import { utcIsoOf } from '../time/clinic-time';
import { cachedCalendar } from './cached-calendar';
import type { Evaluation } from './evaluation';
import { reasonOf, type Reason } from './reason';
import { SkipReasonCode } from './skip-reason-code';
import { waitMoment } from './wait-moment';

/** Why a wait's moment cannot be computed, as a code (`waitMoment`'s `missing` words). */
const missingCodes: Record<string, Reason['code']> = {
  'no appointment': 'wait-no-appointment',
  'the appointment has no end time': 'wait-no-appointment-end',
  'no last visit': 'wait-no-last-visit',
};

/** A wait step: the run waits until its moment, placed in the allowed hours, or goes on at once. */
export function visitWait(ev: Evaluation, node: FlowNodeOf<'wait'>): string | null {
  const moment = waitMoment(node.data, ev.input.context, ev.now);
  const policy = node.data.quietHours ?? ev.input.flow.settings?.quietHours ?? 'shift-later';
  ev.run.quietHours = policy;
  if ('missing' in moment) {
    suppress(
      ev,
      node,
      SkipReasonCode.MissingData,
      `cannot wait: ${moment.missing}`,
      reasonOf(missingCodes[moment.missing] ?? 'wait-no-appointment'),
    );
    return ev.index.next(node.id);
  }
  if (moment.at < ev.now) {
    if (node.data.ifPassed === 'continue') {
      ev.run.suppressed = null;
      ev.step(
        node,
        'passed',
        'next',
        'the moment had passed; continuing now',
        reasonOf('moment-passed-continue'),
      );
    } else {
      suppress(
        ev,
        node,
        SkipReasonCode.MomentPassed,
        'the moment to wait for had already passed',
        reasonOf('moment-passed'),
      );
    }
    return ev.index.next(node.id);
  }
  const placement = placeInAllowedHours(moment.at, policy, cachedCalendar(ev.input.context.clinic), {
    notBefore: ev.now,
    notAfter: moment.deadline,
    deadlineName: 'the appointment',
    deadline: 'appointment',
  });
  if (placement.kind === 'skipped') {
    suppress(ev, node, SkipReasonCode.QuietHours, placement.reason, placement.why);
    return ev.index.next(node.id);
  }
  ev.run.suppressed = null;
  const [reason, why] = placement.kind === 'moved' ? [placement.reason, placement.why] : [null, null];
  if (placement.at <= ev.now) {
    ev.step(node, 'passed', 'next', reason, why);
    return ev.index.next(node.id);
  }
  const at = utcIsoOf(placement.at);
  Object.assign(ev.run, { status: 'waiting', nodeId: node.id, timerAt: at, at: ev.nowIso });
  ev.result.timers.push({ runId: ev.run.runId, nodeId: node.id, at, purpose: 'wait' });
  ev.step(node, 'waiting', null, reason, why, { at });
  return '';
}

/** A wait that cannot be kept: skipped, and the message after it is planned knowing why. */
function suppress(ev: Evaluation, node: FlowNode, code: SkipReasonCode, reason: string, why: Reason): void {
  ev.run.suppressed = {
    nodeId: node.id,
    reason: `skipped because the wait before it was skipped (${reason})`,
    why,
  };
  ev.skip(node.id, 'wait', code, reason, why);
}
