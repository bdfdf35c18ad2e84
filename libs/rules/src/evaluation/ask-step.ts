import type { FlowNodeOf } from '../flow/flow-node.schema';
import { askKeywords, readReply } from '../replies/read-reply';
import { instantMillis, shiftMillis, utcIsoOf } from '../time/clinic-time';
import type { Evaluation } from './evaluation';
import { planDeliveryAt } from './plan-delivery';
import { reasonOf } from './reason';

/** A send or ask step: its message planned; an ask then waits for the reply until its time-out. */
export function visitSend(ev: Evaluation, node: FlowNodeOf<'send'> | FlowNodeOf<'ask'>): string | null {
  const ctx = ev.input.context;
  const isAsk = node.type === 'ask';
  const plan = planDeliveryAt(node.data, ev.planning(node.id, { expectsReply: isAsk }));
  if ('skip' in plan) {
    ev.skip(node.id, node.type, plan.skip.code, plan.skip.reason, plan.skip.why, {
      mergedInto: plan.skip.mergedInto,
    });
    return ev.index.next(node.id, isAsk ? 'failed' : 'next');
  }
  const delivery = plan.delivery;
  const sendAt = ev.planned(node, delivery);
  if (node.type === 'send') return ev.index.next(node.id);
  const timeout = node.data.timeout;
  let until = shiftMillis(sendAt, 'after', timeout.amount, timeout.unit, ev.zone);
  const start = ctx.appointment ? instantMillis(ctx.appointment.start, ev.zone) : null;
  if (start !== null && start > sendAt && start < until) until = start;
  const untilIso = utcIsoOf(until);
  const awaiting = {
    nodeId: node.id,
    deliveryKey: delivery.idempotencyKey,
    channel: node.data.channel,
    until: untilIso,
  };
  Object.assign(ev.run, {
    status: 'awaiting-reply',
    nodeId: node.id,
    timerAt: untilIso,
    awaiting,
    at: ev.nowIso,
  });
  ev.result.awaitedReplies.push({ runId: ev.run.runId, ...awaiting });
  ev.result.timers.push({
    runId: ev.run.runId,
    nodeId: node.id,
    at: untilIso,
    purpose: 'reply-timeout',
  });
  return '';
}

/** The question could not be delivered (provider failure): the ask leaves by its `failed` exit. */
export function questionFailed(ev: Evaluation, reason: string): void {
  const node =
    ev.run.status === 'awaiting-reply' && ev.run.awaiting
      ? ev.index.nodes.get(ev.run.awaiting.nodeId)
      : undefined;
  if (node?.type !== 'ask') return;
  Object.assign(ev.run, { status: 'ended', timerAt: null, awaiting: null, at: ev.nowIso });
  ev.step(
    { id: node.id, type: 'reply' },
    'passed',
    'failed',
    `the question could not be delivered: ${reason}`,
    reasonOf('question-failed'),
  );
  ev.walk(ev.index.next(node.id, 'failed'));
}

/**
 * A reply came in: confirm, decline, STOP (consent withdrawn, no-reply exit) or not understood (keep waiting);
 * `given` when the patient tapped a button of their page (the text then only names it).
 */
export function reply(ev: Evaluation, text: string, given?: 'confirmed' | 'declined'): void {
  const awaiting = ev.run.status === 'awaiting-reply' ? ev.run.awaiting : null;
  const node = awaiting ? ev.index.nodes.get(awaiting.nodeId) : undefined;
  const meaning =
    given ??
    readReply(
      text,
      node?.type === 'ask' ? askKeywords(node.data, ev.input.context.clinic) : undefined,
      awaiting?.channel,
    );
  const replyNode = { id: node?.id ?? ev.run.nodeId ?? 'reply', type: 'reply' as const };
  if (meaning === 'stop') {
    const channel = awaiting?.channel ?? 'sms';
    ev.result.consentChanges.push({
      patientId: ev.input.context.patient.id ?? null,
      channel,
      consent: false,
      reason: `patient replied "${text.trim()}"`,
    });
  }
  if (!awaiting || node?.type !== 'ask') {
    ev.step(
      replyNode,
      'passed',
      null,
      meaning === 'stop' ? 'STOP: consent withdrawn' : 'no question is waiting for a reply',
      reasonOf(meaning === 'stop' ? 'reply-stop' : 'reply-no-question', { text: text.trim() }),
    );
    return;
  }
  if (meaning === 'unknown') {
    ev.step(
      replyNode,
      'passed',
      null,
      `reply "${text.trim()}" not understood; still waiting`,
      reasonOf('reply-not-understood', { text: text.trim() }),
    );
    return;
  }
  const exit = meaning === 'stop' ? 'no-reply' : meaning;
  Object.assign(ev.run, { status: 'ended', timerAt: null, awaiting: null, at: ev.nowIso });
  ev.step(
    replyNode,
    'passed',
    exit,
    meaning === 'stop'
      ? `patient replied "${text.trim()}": ${awaiting.channel} consent withdrawn`
      : given
        ? `patient answered on their page (${meaning})`
        : `patient replied "${text.trim()}" (${meaning})`,
    meaning === 'stop'
      ? reasonOf('reply-stop-withdrawn', { text: text.trim(), channel: awaiting.channel })
      : given
        ? reasonOf('page-answered', { meaning })
        : reasonOf('reply-read', { text: text.trim(), meaning }),
  );
  ev.walk(ev.index.next(node.id, exit));
}
