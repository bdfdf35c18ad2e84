import type { DateTime } from 'luxon';
import { RulesError } from '../errors/rules-error';
import { RulesErrorCode } from '../errors/rules-error-code';
import type { FlowNode, FlowNodeOf } from '../flow/flow-node.schema';
import { placeInAllowedHours } from '../quiet-hours/place-in-allowed-hours';
import { cachedCalendar } from './cached-calendar';
import { instantMillis, momentAt, shiftMillis, utcIsoOf } from '../time/clinic-time';
import { checkCondition } from './check-condition';
import type {
  EvaluationInput,
  EvaluationResult,
  PlannedDelivery,
  RunState,
  RunStep,
} from './evaluation.types';
import { indexFlow, type FlowIndex } from './flow-index';
import { planDeliveryAt } from './plan-delivery';
import { reasonOf, type Reason } from './reason';
import { askKeywords, readReply } from '../replies/read-reply';
import { SkipReasonCode } from './skip-reason-code';
import { triggerMismatch } from './trigger-mismatch';
import { waitMoment } from './wait-moment';

/** The state of a run that has just started. */
function freshRun(runId: string, at: string): RunState {
  return {
    runId,
    status: 'ended',
    nodeId: null,
    at,
    timerAt: null,
    awaiting: null,
    suppressed: null,
    guards: [],
    quietHours: null,
    endedReason: null,
    endedWhy: null,
  };
}

/** Why a wait's moment cannot be computed, as a code (`waitMoment`'s `missing` words). */
const missingCodes: Record<string, Reason['code']> = {
  'no appointment': 'wait-no-appointment',
  'the appointment has no end time': 'wait-no-appointment-end',
  'no last visit': 'wait-no-last-visit',
};

/** One evaluation: the flow, the context, `now`, and what it decides. */
class Evaluation {
  readonly result: EvaluationResult;
  readonly zone: string;
  private readonly nowIso: string;
  /** Send times (epoch milliseconds) of the reminders planned in this evaluation, for one reminder per day. */
  private readonly plannedReminders: number[] = [];
  private nowMoment: DateTime | null = null;

  constructor(
    private readonly input: EvaluationInput,
    private readonly index: FlowIndex,
    /** `now` as epoch milliseconds: the walk compares and shifts instants as numbers. */
    private readonly now: number,
    run: RunState,
  ) {
    this.zone = input.context.clinic.timeZone;
    this.nowIso = utcIsoOf(now);
    this.result = {
      run: { ...run },
      deliveries: [],
      timers: [],
      awaitedReplies: [],
      skipped: [],
      steps: [],
      appointmentUpdates: [],
      consentChanges: [],
      webhooks: [],
    };
  }

  get run(): RunState {
    return this.result.run;
  }

  /** `now` as a luxon DateTime in the clinic's zone, made only when a condition needs it. */
  private get nowInZone(): DateTime {
    this.nowMoment ??= momentAt(this.now, this.zone);
    return this.nowMoment;
  }

  step(
    node: Pick<FlowNode, 'id' | 'type'> | { id: string; type: 'reply' },
    outcome: RunStep['outcome'],
    exit: string | null,
    reason: string | null,
    why: Reason | null,
    extra?: Partial<RunStep>,
  ): void {
    this.result.steps.push({
      at: this.nowIso,
      nodeId: node.id,
      kind: node.type,
      outcome,
      exit,
      reason,
      why,
      delivery: null,
      ...extra,
    });
  }

  skip(
    nodeId: string,
    kind: RunStep['kind'],
    code: SkipReasonCode,
    reason: string,
    why: Reason,
    mergedInto?: string,
  ): void {
    this.result.skipped.push({
      nodeId,
      at: this.nowIso,
      code,
      reason,
      why,
      ...(mergedInto ? { mergedInto } : {}),
    });
    this.step({ id: nodeId, type: kind }, 'skipped', null, reason, why);
  }

  end(nodeId: string | null, reason: string | null, why: Reason | null = null): void {
    Object.assign(this.run, {
      status: 'ended',
      nodeId,
      at: this.nowIso,
      timerAt: null,
      awaiting: null,
      endedReason: reason,
      endedWhy: why,
    });
  }

  /** Walks from a node until the run waits or ends; a flow is a DAG, so the walk is bounded by its size. */
  walk(startId: string | null): void {
    let id = startId;
    const bound = this.index.nodes.size + 1;
    for (let steps = 0; id !== null && steps <= bound; steps++) {
      const node = this.index.nodes.get(id);
      if (!node)
        throw new RulesError(RulesErrorCode.UnknownNode, [
          { nodeId: id, path: 'run.nodeId', message: `No step "${id}" in this flow` },
        ]);
      id = this.visit(node);
      if (id === '') return;
    }
    this.end(
      this.run.nodeId,
      id === null ? 'the flow has no further step' : 'the flow loops',
      reasonOf(id === null ? 'flow-done' : 'flow-loops'),
    );
  }

  /** Handles one node; returns the next node id, null when the branch ends, or '' when the run now waits or has ended. */
  private visit(node: FlowNode): string | null {
    this.run.nodeId = node.id;
    const ctx = this.input.context;
    switch (node.type) {
      case 'trigger':
        this.step(node, 'passed', 'next', null, null);
        return this.index.next(node.id);
      case 'condition': {
        const answer = checkCondition(node.data.check, ctx, this.nowInZone);
        this.run.guards = [...this.run.guards, { nodeId: node.id, yes: answer.yes }];
        const exit = answer.yes ? 'yes' : 'no';
        this.step(node, 'passed', exit, answer.reason, answer.why);
        return this.index.next(node.id, exit);
      }
      case 'wait':
        return this.visitWait(node);
      case 'send':
      case 'ask':
        return this.visitSend(node);
      case 'reach':
        return this.visitRung(node, 0);
      case 'update':
        this.result.appointmentUpdates.push({
          appointmentId: ctx.appointment?.id ?? null,
          confirmation: node.data.confirmation,
        });
        this.step(
          node,
          'passed',
          'next',
          `appointment marked ${node.data.confirmation}`,
          reasonOf('appointment-marked', { confirmation: node.data.confirmation }),
        );
        return this.index.next(node.id);
      case 'webhook':
        this.result.webhooks.push({
          nodeId: node.id,
          url: node.data.url,
          idempotencyKey: `${this.run.runId}:${node.id}:webhook`,
        });
        this.step(node, 'passed', 'next', null, null);
        return this.index.next(node.id);
      case 'end':
        this.step(node, 'ended', null, null, null);
        this.end(node.id, null);
        return '';
    }
  }

  private visitWait(node: FlowNodeOf<'wait'>): string | null {
    const moment = waitMoment(node.data, this.input.context, this.now);
    const policy = node.data.quietHours ?? this.input.flow.settings?.quietHours ?? 'shift-later';
    this.run.quietHours = policy;
    if ('missing' in moment) {
      this.suppress(
        node,
        SkipReasonCode.MissingData,
        `cannot wait: ${moment.missing}`,
        reasonOf(missingCodes[moment.missing] ?? 'wait-no-appointment'),
      );
      return this.index.next(node.id);
    }
    if (moment.at < this.now) {
      if (node.data.ifPassed === 'continue') {
        this.run.suppressed = null;
        this.step(
          node,
          'passed',
          'next',
          'the moment had passed; continuing now',
          reasonOf('moment-passed-continue'),
        );
      } else {
        this.suppress(
          node,
          SkipReasonCode.MomentPassed,
          'the moment to wait for had already passed',
          reasonOf('moment-passed'),
        );
      }
      return this.index.next(node.id);
    }
    const placement = placeInAllowedHours(moment.at, policy, cachedCalendar(this.input.context.clinic), {
      notBefore: this.now,
      notAfter: moment.deadline,
      deadlineName: 'the appointment',
      deadline: 'appointment',
    });
    if (placement.kind === 'skipped') {
      this.suppress(node, SkipReasonCode.QuietHours, placement.reason, placement.why);
      return this.index.next(node.id);
    }
    this.run.suppressed = null;
    const [reason, why] = placement.kind === 'moved' ? [placement.reason, placement.why] : [null, null];
    if (placement.at <= this.now) {
      this.step(node, 'passed', 'next', reason, why);
      return this.index.next(node.id);
    }
    const at = utcIsoOf(placement.at);
    Object.assign(this.run, { status: 'waiting', nodeId: node.id, timerAt: at, at: this.nowIso });
    this.result.timers.push({ runId: this.run.runId, nodeId: node.id, at, purpose: 'wait' });
    this.step(node, 'waiting', null, reason, why, { at });
    return '';
  }

  private suppress(node: FlowNode, code: SkipReasonCode, reason: string, why: Reason): void {
    this.run.suppressed = {
      nodeId: node.id,
      reason: `skipped because the wait before it was skipped (${reason})`,
      why,
    };
    this.skip(node.id, 'wait', code, reason, why);
  }

  /** How a message of this run is planned now: its clock, calendar, quiet hours and what came before it. */
  private planning(
    nodeId: string,
    step: { expectsReply: boolean; laterRung?: boolean },
  ): Parameters<typeof planDeliveryAt>[1] {
    const ctx = this.input.context;
    return {
      runId: this.run.runId,
      nodeId,
      context: ctx,
      now: this.now,
      calendar: cachedCalendar(ctx.clinic),
      policy: this.run.quietHours ?? this.input.flow.settings?.quietHours ?? 'shift-later',
      suppressed: this.run.suppressed?.reason ?? null,
      suppressedWhy: this.run.suppressed?.why ?? null,
      defaultLanguage: this.input.flow.settings?.defaultLanguage ?? ctx.clinic.defaultLanguage ?? 'en',
      plannedReminders: this.plannedReminders,
      ...step,
    };
  }

  /** Keeps a message a step planned, as a delivery and as the step's record; answers when it goes (ms). */
  private planned(node: FlowNode, delivery: PlannedDelivery): number {
    this.result.deliveries.push(delivery);
    const sendAt = instantMillis(delivery.sendAt, this.zone);
    if (delivery.purpose === 'reminder') this.plannedReminders.push(sendAt);
    this.result.steps.push({
      at: delivery.sendAt,
      nodeId: node.id,
      kind: node.type,
      outcome: 'planned',
      exit: null,
      reason: delivery.note,
      why: delivery.noteWhy ?? null,
      delivery,
    });
    return sendAt;
  }

  private visitSend(node: FlowNodeOf<'send'> | FlowNodeOf<'ask'>): string | null {
    const ctx = this.input.context;
    const isAsk = node.type === 'ask';
    const plan = planDeliveryAt(node.data, this.planning(node.id, { expectsReply: isAsk }));
    if ('skip' in plan) {
      this.skip(node.id, node.type, plan.skip.code, plan.skip.reason, plan.skip.why, plan.skip.mergedInto);
      return this.index.next(node.id, isAsk ? 'failed' : 'next');
    }
    const delivery = plan.delivery;
    const sendAt = this.planned(node, delivery);
    if (node.type === 'send') return this.index.next(node.id);
    const timeout = node.data.timeout;
    let until = shiftMillis(sendAt, 'after', timeout.amount, timeout.unit, this.zone);
    const start = ctx.appointment ? instantMillis(ctx.appointment.start, this.zone) : null;
    if (start !== null && start > sendAt && start < until) until = start;
    const untilIso = utcIsoOf(until);
    const awaiting = {
      nodeId: node.id,
      deliveryKey: delivery.idempotencyKey,
      channel: node.data.channel,
      until: untilIso,
    };
    Object.assign(this.run, {
      status: 'awaiting-reply',
      nodeId: node.id,
      timerAt: untilIso,
      awaiting,
      at: this.nowIso,
    });
    this.result.awaitedReplies.push({ runId: this.run.runId, ...awaiting });
    this.result.timers.push({
      runId: this.run.runId,
      nodeId: node.id,
      at: untilIso,
      purpose: 'reply-timeout',
    });
    return '';
  }

  /**
   * "Reach the patient" from rung `from`: plans the first rung that can go (a channel switched off, without
   * consent or address is skipped, with its reason) and waits its time for the message to reach its goal; when
   * none can go, leaves by `not-reached`.
   */
  private visitRung(node: FlowNodeOf<'reach'>, from: number): string | null {
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
        this.planning(node.id, { expectsReply: true, laterRung: from > 0 }),
      );
      if ('skip' in plan) {
        this.skip(node.id, node.type, plan.skip.code, `${rung.channel}: ${plan.skip.reason}`, plan.skip.why);
        continue;
      }
      const delivery: PlannedDelivery = {
        ...plan.delivery,
        idempotencyKey: `${this.run.runId}:${node.id}:rung${index + 1}:patient`,
        expectsReply: false,
        ladderRung: index + 1,
      };
      const sendAt = this.planned(node, delivery);
      const until = utcIsoOf(shiftMillis(sendAt, 'after', rung.within.amount, rung.within.unit, this.zone));
      Object.assign(this.run, {
        status: 'waiting',
        nodeId: node.id,
        timerAt: until,
        at: this.nowIso,
        ladder: { nodeId: node.id, rung: index + 1, deliveryKey: delivery.idempotencyKey, until: rung.until },
      });
      this.result.timers.push({ runId: this.run.runId, nodeId: node.id, at: until, purpose: 'rung-timeout' });
      return '';
    }
    this.run.ladder = null;
    this.step(
      node,
      'passed',
      'not-reached',
      'no channel reached the patient',
      reasonOf('ladder-not-reached'),
    );
    return this.index.next(node.id, 'not-reached');
  }

  /** The rung waited for is over: reached (its goal in time), or given up (failed, or its time is out). */
  private leaveRung(outcome: 'reached' | 'failed' | 'timed-out'): void {
    const ladder = this.run.ladder!;
    const node = this.index.nodes.get(ladder.nodeId);
    if (node?.type !== 'reach') return;
    const rung = node.data.rungs[ladder.rung - 1];
    Object.assign(this.run, { status: 'ended', timerAt: null, ladder: null, at: this.nowIso });
    const params = { channel: rung.channel, goal: rung.until };
    if (outcome === 'reached') {
      this.step(
        node,
        'passed',
        'reached',
        `reached by ${rung.channel} (${rung.until})`,
        reasonOf('rung-reached', params),
      );
      return this.walk(this.index.next(node.id, 'reached'));
    }
    const [reason, why] =
      outcome === 'failed'
        ? [`the ${rung.channel} message failed`, reasonOf('rung-failed', params)]
        : [`not ${rung.until} by ${rung.channel} in time`, reasonOf('rung-not-reached', params)];
    this.step(node, 'passed', null, reason, why);
    const next = this.visitRung(node, ladder.rung);
    if (next !== '') this.walk(next);
  }

  /** A rung's message moved on: the ladder is left when it reached its goal, or moves on when it failed. */
  deliveryStatus(deliveryKey: string, status: 'delivered' | 'read' | 'answered' | 'failed'): void {
    const ladder = this.run.status === 'waiting' ? this.run.ladder : null;
    if (!ladder || ladder.deliveryKey !== deliveryKey) return;
    if (status === 'failed') return this.leaveRung('failed');
    const reached = ladder.until === 'delivered' || status === 'read' || status === 'answered';
    if (reached) this.leaveRung('reached');
  }

  /** A timer is due: a wait ends (conditions passed before it are checked again) or a question times out. */
  resume(): void {
    const node = this.run.nodeId ? this.index.nodes.get(this.run.nodeId) : undefined;
    if (!node)
      throw new RulesError(RulesErrorCode.UnknownNode, [
        { nodeId: this.run.nodeId, path: 'run.nodeId', message: 'The run waits at an unknown step' },
      ]);
    if (node.type === 'reach' && this.run.ladder) return this.leaveRung('timed-out');
    Object.assign(this.run, { status: 'ended', timerAt: null, at: this.nowIso });
    if (node.type === 'ask') {
      this.run.awaiting = null;
      this.step(
        { id: node.id, type: 'reply' },
        'passed',
        'no-reply',
        'no reply before the time-out',
        reasonOf('no-reply-timeout'),
      );
      return this.walk(this.index.next(node.id, 'no-reply'));
    }
    for (const guard of this.run.guards) {
      const condition = this.index.nodes.get(guard.nodeId);
      if (condition?.type !== 'condition') continue;
      const answer = checkCondition(condition.data.check, this.input.context, this.nowInZone);
      if (answer.yes !== guard.yes) {
        const why = reasonOf('condition-changed', { ...answer.why.params, cause: answer.why.code });
        this.skip(
          condition.id,
          'condition',
          SkipReasonCode.ConditionChanged,
          `checked again after the wait: ${answer.reason}`,
          why,
        );
        return this.end(condition.id, `condition changed: ${answer.reason}`, why);
      }
    }
    this.walk(this.index.next(node.id));
  }

  /** The question could not be delivered (provider failure): the ask leaves by its `failed` exit. */
  questionFailed(reason: string): void {
    const node =
      this.run.status === 'awaiting-reply' && this.run.awaiting
        ? this.index.nodes.get(this.run.awaiting.nodeId)
        : undefined;
    if (node?.type !== 'ask') return;
    Object.assign(this.run, { status: 'ended', timerAt: null, awaiting: null, at: this.nowIso });
    this.step(
      { id: node.id, type: 'reply' },
      'passed',
      'failed',
      `the question could not be delivered: ${reason}`,
      reasonOf('question-failed'),
    );
    this.walk(this.index.next(node.id, 'failed'));
  }

  /**
   * A reply came in: confirm, decline, STOP (consent withdrawn, no-reply exit) or not understood (keep waiting);
   * `given` when the patient tapped a button of their page (the text then only names it).
   */
  reply(text: string, given?: 'confirmed' | 'declined'): void {
    const awaiting = this.run.status === 'awaiting-reply' ? this.run.awaiting : null;
    const node = awaiting ? this.index.nodes.get(awaiting.nodeId) : undefined;
    const meaning =
      given ??
      readReply(
        text,
        node?.type === 'ask' ? askKeywords(node.data, this.input.context.clinic) : undefined,
        awaiting?.channel,
      );
    const replyNode = { id: node?.id ?? this.run.nodeId ?? 'reply', type: 'reply' as const };
    if (meaning === 'stop') {
      const channel = awaiting?.channel ?? 'sms';
      this.result.consentChanges.push({
        patientId: this.input.context.patient.id ?? null,
        channel,
        consent: false,
        reason: `patient replied "${text.trim()}"`,
      });
    }
    if (!awaiting || node?.type !== 'ask') {
      this.step(
        replyNode,
        'passed',
        null,
        meaning === 'stop' ? 'STOP: consent withdrawn' : 'no question is waiting for a reply',
        reasonOf(meaning === 'stop' ? 'reply-stop' : 'reply-no-question', { text: text.trim() }),
      );
      return;
    }
    if (meaning === 'unknown') {
      this.step(
        replyNode,
        'passed',
        null,
        `reply "${text.trim()}" not understood; still waiting`,
        reasonOf('reply-not-understood', { text: text.trim() }),
      );
      return;
    }
    const exit = meaning === 'stop' ? 'no-reply' : meaning;
    Object.assign(this.run, { status: 'ended', timerAt: null, awaiting: null, at: this.nowIso });
    this.step(
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
    this.walk(this.index.next(node.id, exit));
  }
}

/**
 * Evaluates a run: starts it from the trigger, or resumes it on a due timer or a reply, and returns the deliveries to
 * make, the timers to set, the replies awaited, the new run state and every skipped step with its reason. Pure.
 */
export function evaluate(input: EvaluationInput): EvaluationResult {
  const index = indexFlow(input.flow);
  const zone = input.context.clinic.timeZone;
  const now = instantMillis(input.now, zone);
  const signal = input.signal ?? (input.run ? { kind: 'timer' } : { kind: 'start' });
  if (signal.kind === 'start' || !input.run) {
    const ctx = input.context;
    const runId =
      input.runId ??
      `${input.flow.id ?? input.flow.name}:${ctx.appointment?.id ?? ctx.patient.id ?? 'patient'}:${ctx.event.type}:${ctx.event.at}`;
    const evaluation = new Evaluation(input, index, now, freshRun(runId, utcIsoOf(now)));
    const trigger = index.trigger;
    if (!trigger)
      throw new RulesError(RulesErrorCode.InvalidFlow, [
        { nodeId: null, path: 'nodes', message: 'The flow has no trigger' },
      ]);
    const mismatch = triggerMismatch(trigger.data, ctx);
    if (mismatch) {
      evaluation.skip(trigger.id, 'trigger', mismatch.code, mismatch.reason, mismatch.why);
      evaluation.end(trigger.id, mismatch.reason, mismatch.why);
    } else {
      evaluation.walk(trigger.id);
    }
    return evaluation.result;
  }
  const evaluation = new Evaluation(input, index, now, input.run);
  if (input.run.status === 'ended') return evaluation.result;
  if (signal.kind === 'reply') {
    evaluation.reply(signal.text, signal.meaning);
  } else if (signal.kind === 'delivery-failed') {
    evaluation.questionFailed(signal.reason);
  } else if (signal.kind === 'delivery-status') {
    evaluation.deliveryStatus(signal.deliveryKey, signal.status);
  } else if (input.run.timerAt && instantMillis(input.run.timerAt, zone) <= now) {
    evaluation.resume();
  }
  return evaluation.result;
}
