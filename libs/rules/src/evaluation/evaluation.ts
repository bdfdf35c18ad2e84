import type { DateTime } from 'luxon';
import { RulesError } from '../errors/rules-error';
import { RulesErrorCode } from '../errors/rules-error-code';
import type { FlowNode } from '../flow/flow-node.schema';
import { instantMillis, momentAt, utcIsoOf } from '../time/clinic-time';
import { visitSend } from './ask-step';
import { cachedCalendar } from './cached-calendar';
import { checkCondition } from './check-condition';
import type {
  EvaluationInput,
  EvaluationResult,
  PlannedDelivery,
  RunState,
  RunStep,
  SkippedStep,
} from './evaluation.types';
import type { FlowIndex } from './flow-index';
import type { planDeliveryAt } from './plan-delivery';
import { leaveRung, visitRung } from './reach-step';
import { reasonOf, type Reason } from './reason';
import { SkipReasonCode } from './skip-reason-code';
import { visitWait } from './wait-step';

/**
 * One evaluation: the flow, the context, `now`, and what it decides; the walk and the records every step kind
 * shares. Each step kind's own rules live in its module (wait-step, ask-step, reach-step).
 */
export class Evaluation {
  readonly result: EvaluationResult;
  readonly zone: string;
  readonly nowIso: string;
  /** Send times (epoch milliseconds) of the reminders planned in this evaluation, for one reminder per day. */
  private readonly plannedReminders: number[] = [];
  private nowMoment: DateTime | null = null;

  constructor(
    readonly input: EvaluationInput,
    readonly index: FlowIndex,
    /** `now` as epoch milliseconds: the walk compares and shifts instants as numbers. */
    readonly now: number,
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
  get nowInZone(): DateTime {
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
    which: Pick<SkippedStep, 'mergedInto' | 'rung'> = {},
  ): void {
    this.result.skipped.push({
      nodeId,
      at: this.nowIso,
      code,
      reason,
      why,
      ...(which.mergedInto ? { mergedInto: which.mergedInto } : {}),
      ...(which.rung ? { rung: which.rung } : {}),
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
        return visitWait(this, node);
      case 'send':
      case 'ask':
        return visitSend(this, node);
      case 'reach':
        return visitRung(this, node, 0);
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

  /** How a message of this run is planned now: its clock, calendar, quiet hours and what came before it. */
  planning(
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
  planned(node: FlowNode, delivery: PlannedDelivery): number {
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

  /** A timer is due: a wait ends (conditions passed before it are checked again) or a question times out. */
  resume(): void {
    const node = this.run.nodeId ? this.index.nodes.get(this.run.nodeId) : undefined;
    if (!node)
      throw new RulesError(RulesErrorCode.UnknownNode, [
        { nodeId: this.run.nodeId, path: 'run.nodeId', message: 'The run waits at an unknown step' },
      ]);
    if (node.type === 'reach' && this.run.ladder) return leaveRung(this, 'timed-out');
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
}
