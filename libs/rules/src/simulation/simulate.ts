import { evaluationContextSchema, type EvaluationContext } from '../context/evaluation-context.schema';
import { sampleContext } from '../context/sample-context';
import { isBlockingProblem, type RulesProblem } from '../errors/rules-error';
import { evaluate } from '../evaluation/evaluate';
import type { EvaluationResult, PlannedDelivery, RunSignal, RunState } from '../evaluation/evaluation.types';
import { readReply } from '../replies/read-reply';
import { templateData } from '../evaluation/template-data';
import type { Flow } from '../flow/flow.schema';
import { reasonOf, type Reason } from '../evaluation/reason';
import type { TriggerEvent } from '../flow/flow-parts.schema';
import { describeLocal, isKnownTimeZone, parseInstant, toLocalIso, toUtcIso } from '../time/clinic-time';
import { validateFlow } from '../validation/validate-flow';
import { renderPlainText, type RenderText } from './render-text';
import {
  simulationRequestSchema,
  type SimulatedChange,
  type SimulatedReceipt,
  type SimulationRequest,
} from './simulation-request.schema';
import { timelineEntries } from './timeline-entries';
import type { SimulationResult, TimelineEntry } from './timeline-entry';

/** Options of a simulation: the text renderer (from the channels library) and a bound on steps. */
export interface SimulationOptions {
  render?: RenderText;
  maxSteps?: number;
}

interface SimulatedRun {
  flow: Flow;
  event: EvaluationContext['event'];
  state: RunState;
  waitEntry: TimelineEntry | null;
  /** When the latest message this run planned goes out (epoch ms): its end is shown after it. */
  lastSendAt: number;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep-merges plain objects (a change's context patch over the current context). */
function merge<T>(base: T, patch: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(patch)) return (patch === undefined ? base : patch) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) out[key] = merge(out[key], value);
  return out as T;
}

const invalid = (errors: RulesProblem[]): SimulationResult => ({
  valid: false,
  errors,
  timeline: [],
  deliveries: [],
  runs: [],
});

/** Reads the request, the flows and the context; returns problems instead of throwing. */
function prepare(
  request: unknown,
): { problems: RulesProblem[] } | { request: SimulationRequest; flows: Flow[]; context: EvaluationContext } {
  const parsed = simulationRequestSchema.safeParse(request);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.slice(0, 50).map((issue) => ({
        nodeId: null,
        path: issue.path.map(String).join('.'),
        message: `The simulation request is not valid at "${issue.path.join('.') || 'request'}": ${issue.message}`,
      })),
    };
  }
  const raw = parsed.data.context ?? {};
  const base = {
    ...sampleContext,
    ...raw,
    clinic: { ...sampleContext.clinic, ...(isPlainObject(raw.clinic) ? raw.clinic : {}) },
    event: parsed.data.event,
  };
  const context = evaluationContextSchema.safeParse(base);
  if (!context.success) {
    return {
      problems: context.error.issues.slice(0, 50).map((issue) => ({
        nodeId: null,
        path: ['context', ...issue.path.map(String)].join('.'),
        message: `The sample data is not valid at "${issue.path.join('.')}": ${issue.message}`,
      })),
    };
  }
  if (!isKnownTimeZone(context.data.clinic.timeZone)) {
    return {
      problems: [
        {
          nodeId: null,
          path: 'context.clinic.timeZone',
          message: `Unknown time zone "${context.data.clinic.timeZone}"`,
        },
      ],
    };
  }
  const problems: RulesProblem[] = [];
  const flows: Flow[] = [];
  [parsed.data.flow, ...(parsed.data.flows ?? [])].forEach((input, i) => {
    const validation = validateFlow(input, { defaultLanguage: context.data.clinic.defaultLanguage });
    const prefix = i === 0 ? '' : `flows.${i - 1}.`;
    problems.push(
      ...validation.problems
        .filter(isBlockingProblem) // a warning does not stop a simulation
        .map((problem) => ({ ...problem, path: `${prefix}${problem.path}` })),
    );
    if (validation.flow) flows.push(validation.flow);
  });
  return problems.length > 0 ? { problems } : { request: parsed.data, flows, context: context.data };
}

/** A running simulation: the shared context, the runs, the timeline. */
class Simulation {
  readonly timeline: TimelineEntry[] = [];
  readonly deliveries: PlannedDelivery[] = [];
  readonly runs: SimulatedRun[] = [];
  private readonly pending: Array<{ delivery: PlannedDelivery; entry: TimelineEntry | undefined }> = [];

  constructor(
    private context: EvaluationContext,
    private readonly flows: Flow[],
    private readonly render: RenderText,
  ) {}

  get zone(): string {
    return this.context.clinic.timeZone;
  }

  start(type: TriggerEvent, at: string, minutes?: number): void {
    this.context = { ...this.context, event: { type, at, ...(minutes === undefined ? {} : { minutes }) } };
    for (const flow of this.flows) {
      const trigger = flow.nodes.find((node) => node.type === 'trigger');
      if (trigger?.type !== 'trigger' || !trigger.data.events.includes(type)) continue;
      const result = evaluate({
        flow,
        run: null,
        context: this.context,
        now: at,
        runId: `sim:${flow.id ?? flow.name}:${type}:${at}`,
      });
      const run: SimulatedRun = {
        flow,
        event: this.context.event,
        state: result.run,
        waitEntry: null,
        lastSendAt: 0,
      };
      this.runs.push(run);
      this.apply(run, result);
    }
  }

  /** The next due timer of any run. */
  nextTimer(): { run: SimulatedRun; at: number } | null {
    let next: { run: SimulatedRun; at: number } | null = null;
    for (const run of this.runs) {
      if (run.state.status === 'ended' || !run.state.timerAt) continue;
      const at = Date.parse(run.state.timerAt);
      if (!next || at < next.at) next = { run, at };
    }
    return next;
  }

  wake(run: SimulatedRun, now: string, signal: RunSignal): void {
    const context = { ...this.context, event: run.event };
    this.apply(run, evaluate({ flow: run.flow, run: run.state, context, now, signal }));
  }

  reply(at: string, text: string): void {
    const asking = this.runs
      .filter((run) => run.state.status === 'awaiting-reply')
      .sort((a, b) => Date.parse(b.state.at) - Date.parse(a.state.at))[0];
    if (asking) return this.wake(asking, at, { kind: 'reply', text });
    const stop = readReply(text) === 'stop';
    if (stop) this.context = merge(this.context, { patient: { consent: { sms: false } } });
    this.push({
      at,
      nodeId: 'reply',
      kind: 'reply',
      channel: 'sms',
      recipient: 'patient',
      status: 'planned',
      text,
      reason: stop ? 'STOP: SMS consent withdrawn' : 'no question is waiting for a reply',
      why: reasonOf(stop ? 'reply-stop' : 'reply-no-question', { text: text.trim() }),
      flowId: null,
    });
  }

  /** A receipt moves the ladder waiting for its channel's message sent by then; otherwise it is shown unused. */
  receipt({ at, channel, status }: SimulatedReceipt): void {
    const now = Date.parse(at);
    for (const run of this.runs) {
      const ladder = run.state.status === 'waiting' ? run.state.ladder : null;
      const message = ladder && this.deliveries.find((d) => d.idempotencyKey === ladder.deliveryKey);
      if (message?.channel === channel && Date.parse(message.sendAt) <= now)
        return this.wake(run, at, { kind: 'delivery-status', deliveryKey: message.idempotencyKey, status });
    }
    this.push({
      at,
      nodeId: 'receipt',
      kind: 'skip',
      channel,
      recipient: 'patient',
      status: 'skipped',
      text: null,
      reason: `the ${channel} message ${status} moved nothing: no attempt of "Reach the patient" was waiting for it`,
      why: reasonOf('receipt-unused', { channel, goal: status }),
      flowId: null,
    });
  }

  change(change: SimulatedChange): void {
    this.context = merge(this.context, change.context);
    if (change.type === 'appointment.rescheduled' || change.type === 'appointment.cancelled') {
      const start = this.context.appointment
        ? describeLocal(parseInstant(this.context.appointment.start, this.zone), this.zone)
        : '';
      const moved = change.type === 'appointment.rescheduled';
      const reason = moved
        ? `cancelled: the appointment was moved to ${start}`
        : 'cancelled: the appointment was cancelled';
      const why = moved
        ? reasonOf('cancelled-moved', { start: this.context.appointment?.start })
        : reasonOf('cancelled-cancelled');
      this.cancelPending(change.at, reason, why);
    }
    if (change.type) this.start(change.type, change.at, change.minutes);
  }

  private cancelPending(at: string, reason: string, why: Reason): void {
    const now = Date.parse(at);
    for (const run of this.runs) {
      if (run.state.status === 'ended') continue;
      if (run.waitEntry && Date.parse(run.waitEntry.at) > now)
        this.timeline.splice(this.timeline.indexOf(run.waitEntry), 1);
      this.push({
        at,
        nodeId: run.state.nodeId ?? 'run',
        kind: 'skip',
        channel: null,
        recipient: null,
        status: 'skipped',
        text: null,
        reason,
        why,
        flowId: run.flow.id ?? null,
      });
      run.state = {
        ...run.state,
        status: 'ended',
        timerAt: null,
        awaiting: null,
        endedReason: reason,
        endedWhy: why,
      };
    }
    for (const item of this.pending.splice(0)) {
      if (Date.parse(item.delivery.sendAt) <= now) continue;
      if (item.entry)
        Object.assign(item.entry, {
          at,
          local: toLocalIso(parseInstant(at, this.zone), this.zone),
          kind: 'skip',
          status: 'skipped',
          reason,
          why,
        });
      this.deliveries.splice(this.deliveries.indexOf(item.delivery), 1);
      const recent = (this.context.recentDeliveries ?? []).filter(
        (d) => d.idempotencyKey !== item.delivery.idempotencyKey,
      );
      this.context = { ...this.context, recentDeliveries: recent };
    }
  }

  private push(entry: Omit<TimelineEntry, 'local'>): TimelineEntry {
    const full = {
      ...entry,
      local: toLocalIso(parseInstant(entry.at, this.zone), this.zone),
    } as TimelineEntry;
    this.timeline.push(full);
    return full;
  }

  private apply(run: SimulatedRun, result: EvaluationResult): void {
    run.state = result.run;
    const data = templateData({ ...this.context, event: run.event }, result.run.at);
    const entries = timelineEntries(result, run.flow, this.render, data);
    run.waitEntry = null;
    for (const { entry, delivery } of entries) {
      if (delivery) run.lastSendAt = Math.max(run.lastSendAt, Date.parse(delivery.sendAt));
      // A run is over once its last message has gone: its end reads after a message planned for later.
      if (entry.kind === 'end' && Date.parse(entry.at) < run.lastSendAt)
        entry.at = toUtcIso(parseInstant(new Date(run.lastSendAt).toISOString(), this.zone));
      const full = this.push(entry);
      if (entry.kind === 'wait' && result.run.status === 'waiting') run.waitEntry = full;
      if (delivery) this.pending.push({ delivery, entry: full });
    }
    for (const delivery of result.deliveries) {
      this.deliveries.push(delivery);
      const recent = [
        ...(this.context.recentDeliveries ?? []),
        {
          at: delivery.sendAt,
          channel: delivery.channel,
          purpose: delivery.purpose ?? undefined,
          idempotencyKey: delivery.idempotencyKey,
        },
      ];
      this.context = { ...this.context, recentDeliveries: recent };
    }
    for (const update of result.appointmentUpdates) {
      const status = update.confirmation === 'confirmed' ? { status: 'confirmed' } : {};
      this.context = merge(this.context, { appointment: { confirmation: update.confirmation, ...status } });
    }
    for (const change of result.consentChanges)
      this.context = merge(this.context, { patient: { consent: { [change.channel]: false } } });
  }
}

/**
 * Simulates flows for a sample appointment: from the event through every wait, applying scripted replies, changes
 * and ladder receipts, until every run ends or `until`. Returns the api.md timeline; never throws, never hangs (bounded steps).
 */
export function simulate(request: unknown, options: SimulationOptions = {}): SimulationResult {
  try {
    const prepared = prepare(request);
    if ('problems' in prepared) return invalid(prepared.problems);
    const { flows, context } = prepared;
    const req = prepared.request;
    const zone = context.clinic.timeZone;
    const eventAt = parseInstant(req.event.at, zone);
    const until = req.until ? parseInstant(req.until, zone) : eventAt.plus({ days: 400 });
    const untilMs = until.toMillis();
    const sim = new Simulation(context, flows, options.render ?? renderPlainText);
    const moments = [
      ...(req.replies ?? []).map((reply) => ({
        at: Date.parse(reply.at),
        order: 1,
        run: () => sim.reply(toUtcIso(parseInstant(reply.at, zone)), reply.text),
      })),
      ...(req.changes ?? []).map((change) => ({
        at: Date.parse(change.at),
        order: 0,
        run: () => sim.change({ ...change, at: toUtcIso(parseInstant(change.at, zone)) }),
      })),
      ...(req.receipts ?? []).map((receipt) => ({
        at: Date.parse(receipt.at),
        order: 1,
        run: () => sim.receipt({ ...receipt, at: toUtcIso(parseInstant(receipt.at, zone)) }),
      })),
    ].sort((a, b) => a.at - b.at || a.order - b.order);
    sim.start(req.event.type, toUtcIso(eventAt), req.event.minutes);
    const maxSteps = options.maxSteps ?? 10_000;
    for (let step = 0; step < maxSteps; step++) {
      const timer = sim.nextTimer();
      const scripted = moments[0];
      const timerFirst = timer && (!scripted || timer.at < scripted.at);
      const at = timerFirst ? timer.at : scripted?.at;
      if (at === undefined || at > untilMs) break;
      if (timerFirst)
        sim.wake(timer.run, toUtcIso(parseInstant(timer.run.state.timerAt as string, zone)), {
          kind: 'timer',
        });
      else moments.shift()?.run();
    }
    const timeline = sim.timeline
      .filter((entry) => Date.parse(entry.at) <= untilMs)
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const deliveries = sim.deliveries.filter((delivery) => Date.parse(delivery.sendAt) <= untilMs);
    return { valid: true, errors: [], timeline, deliveries, runs: sim.runs.map((run) => run.state) };
  } catch (error) {
    return invalid([
      {
        nodeId: null,
        path: '',
        message: `The simulation could not run: ${error instanceof Error ? error.message : String(error)}`,
      },
    ]);
  }
}
