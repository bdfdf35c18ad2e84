import type { FlowNodeOf } from '../flow/flow-node.schema';
import { shiftMillis, utcIsoOf } from '../time/clinic-time';
import type { PlannedDelivery } from './evaluation.types';
import type { Evaluation } from './evaluation';
import { planDeliveryAt, rungKeyOf } from './plan-delivery';
import { reasonOf } from './reason';

/**
 * "Reach the patient" from rung `from`: plans the first rung that can go (a channel switched off, without
 * consent or address is skipped, with its reason) and waits its time for the message to reach its goal; when
 * none can go, leaves by `not-reached`.
 */
export function visitRung(ev: Evaluation, node: FlowNodeOf<'reach'>, from: number): string | null {
  for (let index = from; index < node.data.rungs.length; index++) {
    const rung = node.data.rungs[index];
    const plan = planDeliveryAt(
      {
        channel: rung.channel,
        recipient: { type: 'patient' },
        template: rung.template,
        purpose: node.data.purpose,
      },
      // A rung is never merged into another reminder (the ladder needs its own message's receipts), and a
      // later one is the same message on another channel, not a second reminder of the day.
      ev.planning(node.id, { expectsReply: true, laterRung: from > 0 }),
    );
    if ('skip' in plan) {
      ev.skip(node.id, node.type, plan.skip.code, `${rung.channel}: ${plan.skip.reason}`, plan.skip.why, {
        rung: index + 1,
      });
      continue;
    }
    const delivery: PlannedDelivery = {
      ...plan.delivery,
      idempotencyKey: rungKeyOf(ev.run.runId, node.id, index + 1),
      expectsReply: false,
      ladderRung: index + 1,
    };
    const sendAt = ev.planned(node, delivery);
    const until = utcIsoOf(shiftMillis(sendAt, 'after', rung.within.amount, rung.within.unit, ev.zone));
    Object.assign(ev.run, {
      status: 'waiting',
      nodeId: node.id,
      timerAt: until,
      at: ev.nowIso,
      ladder: { nodeId: node.id, rung: index + 1, deliveryKey: delivery.idempotencyKey, until: rung.until },
    });
    ev.result.timers.push({ runId: ev.run.runId, nodeId: node.id, at: until, purpose: 'rung-timeout' });
    return '';
  }
  ev.run.ladder = null;
  ev.step(node, 'passed', 'not-reached', 'no channel reached the patient', reasonOf('ladder-not-reached'));
  return ev.index.next(node.id, 'not-reached');
}

/** The rung waited for is over: reached (its goal in time), or given up (failed, or its time is out). */
export function leaveRung(ev: Evaluation, outcome: 'reached' | 'failed' | 'timed-out'): void {
  const ladder = ev.run.ladder!;
  const node = ev.index.nodes.get(ladder.nodeId);
  if (node?.type !== 'reach') return;
  const rung = node.data.rungs[ladder.rung - 1];
  Object.assign(ev.run, { status: 'ended', timerAt: null, ladder: null, at: ev.nowIso });
  const params = { channel: rung.channel, goal: rung.until };
  if (outcome === 'reached') {
    ev.step(
      node,
      'passed',
      'reached',
      `reached by ${rung.channel} (${rung.until})`,
      reasonOf('rung-reached', params),
    );
    return ev.walk(ev.index.next(node.id, 'reached'));
  }
  const [reason, why] =
    outcome === 'failed'
      ? [`the ${rung.channel} message failed`, reasonOf('rung-failed', params)]
      : [`not ${rung.until} by ${rung.channel} in time`, reasonOf('rung-not-reached', params)];
  ev.step(node, 'passed', null, reason, why);
  const next = visitRung(ev, node, ladder.rung);
  if (next !== '') ev.walk(next);
}

/** A rung's message moved on: the ladder is left when it reached its goal, or moves on when it failed. */
export function deliveryStatus(
  ev: Evaluation,
  deliveryKey: string,
  status: 'delivered' | 'read' | 'answered' | 'failed',
): void {
  const ladder = ev.run.status === 'waiting' ? ev.run.ladder : null;
  if (!ladder || ladder.deliveryKey !== deliveryKey) return;
  if (status === 'failed') return leaveRung(ev, 'failed');
  const reached = ladder.until === 'delivered' || status === 'read' || status === 'answered';
  if (reached) leaveRung(ev, 'reached');
}
