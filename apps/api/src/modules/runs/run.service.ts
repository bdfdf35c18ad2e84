import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { evaluate, type EvaluationResult, type RunSignal } from '@clinicflow/rules';
import { ClockRepository } from '../../common/clock.repository';
import { isDuplicateKeyError } from '../../common/ids';
import type { Env } from '../../config/env';
import { LiveEventsService } from '../live/live-events.service';
import type { BuiltContext } from './evaluation-context.service';
import { EvaluationContextService } from './evaluation-context.service';
import { RunAdvanceRepository, type RunMove } from './run-advance.repository';
import { RunFlowsService, type RunnableFlow } from './run-flows.service';
import { RunOutcomeService } from './run-outcome.service';
import { RunTimerRepository, type RunTimerEntry } from './run-timer.repository';
import { activeRunStatuses, runIdFor, type RunDocument, type RunStatus } from './run.document';
import { RunRepository } from './run.repository';
import { clinicDay } from '../../common/clinic-day';

/** What starts a run: the flow version, the stored event, the trigger key and what the run is about. */
export interface RunStart {
  flow: RunnableFlow;
  event: { _id: string; type: string; occurredAt: Date; minutes: number | null };
  triggerKey: string;
  appointmentId: string | null;
  patientId: string | null;
  resourceId: string | null;
  /** The context already read for the trigger check (re-used for the first evaluation). */
  built: BuiltContext;
}

/** Records an internal event (a confirmation by reply) and turns it into runs; set by the event engine. */
export type InternalEventRecorder = (
  clinicId: string,
  appointmentId: string,
  key: string,
  now: Date,
) => Promise<void>;

/** How often a reply or a cancel tries again when someone else moved the run first. */
const SIGNAL_RETRIES = 3;

/**
 * Runs: started once per flow and trigger, moved on by timers, replies and failed questions, ended by a
 * reschedule or cancel. Only whoever inserts `run_advances` `<runId>#<seq>` moves a run from `seq`, so a reply
 * and a timer never both move it; a lease in `run_timers` lets another process finish a move whose process
 * died.
 */
@Injectable()
export class RunService {
  private readonly logger = new Logger(RunService.name);
  private recordInternalEvent: InternalEventRecorder | null = null;
  /** How long a move may take before another process takes it over (the dispatcher's lease). */
  private readonly leaseMs: number;

  constructor(
    private readonly runs: RunRepository,
    private readonly timers: RunTimerRepository,
    private readonly advances: RunAdvanceRepository,
    private readonly flows: RunFlowsService,
    private readonly contexts: EvaluationContextService,
    private readonly outcomes: RunOutcomeService,
    private readonly live: LiveEventsService,
    private readonly clock: ClockRepository,
    config: ConfigService<Env, true>,
  ) {
    this.leaseMs = config.get('DISPATCH_LEASE_SECONDS', { infer: true }) * 1000;
  }

  /** The event engine hands over how internal events are recorded (it depends on this service). */
  useInternalEventRecorder(recorder: InternalEventRecorder): void {
    this.recordInternalEvent = recorder;
  }

  /** Starts a run (once: its `_id` is deterministic) and evaluates it from its trigger. */
  async start(clinicId: string, start: RunStart, now: Date): Promise<RunDocument> {
    const { flow, event, built } = start;
    const run: RunDocument = {
      _id: runIdFor(clinicId, flow.flowId, start.triggerKey),
      clinicId,
      flowId: flow.flowId,
      flowVersion: flow.version,
      eventId: event._id,
      eventType: event.type,
      eventAt: event.occurredAt,
      eventMinutes: event.minutes,
      triggerKey: start.triggerKey,
      appointmentId: start.appointmentId,
      patientId: start.patientId,
      resourceId: start.resourceId,
      status: 'starting',
      nodeId: null,
      seq: 0,
      state: null,
      steps: [],
      timerAt: null,
      endedReason: null,
      localDay: clinicDay(now, built.settings.timeZone),
      createdAt: now,
      updatedAt: now,
    };
    let current = run;
    try {
      await this.runs.insert(clinicId, run);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.runs.findById(clinicId, run._id);
      // Started before; if that start died before its first evaluation was saved, this finishes it (or the
      // lease of the process still holding it does, see `entryDue`).
      if (!existing || existing.seq > 0) return existing ?? run;
      current = existing;
    }
    const moved = await this.advance(
      current,
      { by: 'start', signal: { kind: 'start' }, reason: null },
      now,
      built,
    );
    return moved?.run ?? current;
  }

  /** A reply or a failed question for a run (replies and the dispatcher call this). */
  async signal(clinicId: string, runId: string, signal: RunSignal): Promise<void> {
    const now = this.clock.now();
    const move = { by: signal.kind, signal, reason: null } as RunMove;
    for (let attempt = 0; attempt < SIGNAL_RETRIES; attempt++) {
      const run = await this.runs.findById(clinicId, runId);
      if (!run || !activeRunStatuses.includes(run.status) || run.status === 'starting') return;
      const moved = await this.advance(run, move, now);
      if (moved && !moved.recovered) return;
      // Someone else moved it from this seq (a timer, a reply, a dead process's move just taken over): read
      // it again and retry on the run as it is now.
    }
  }

  /**
   * A due `run_timers` entry. A timer moves its run if it is still at the timer's `seq`; a lease whose run
   * is still at its `seq` belongs to a process that died while moving it: its move is taken over. Entries
   * of runs already past their `seq` are removed. Answers true when this call moved the run.
   */
  async entryDue(entry: RunTimerEntry, now: Date): Promise<boolean> {
    const run = await this.runs.findById(entry.clinicId, entry.runId);
    if (!run || !activeRunStatuses.includes(run.status) || run.seq > entry.seq) {
      await this.timers.remove(entry._id);
      return false;
    }
    // The move that set this entry is being saved (or will be taken over through its own lease).
    if (run.seq < entry.seq) return false;
    if (entry.kind !== 'lease') {
      return (
        (await this.advance(run, { by: 'timer', signal: { kind: 'timer' }, reason: null }, now)) !== null
      );
    }
    if (!(await this.advances.latest(run._id, run.seq))) {
      // The process died after opening the lease but before claiming: nothing was half done.
      await this.timers.remove(entry._id);
      return false;
    }
    return (await this.advance(run, null, now)) !== null;
  }

  /**
   * Ends the active runs of an appointment that was moved or cancelled (except those of the event that
   * moved it), and deletes their timers. Answers the runs ended.
   */
  async endForAppointment(
    clinicId: string,
    appointmentId: string,
    exceptEventId: string,
    reason: string,
    now: Date,
  ): Promise<string[]> {
    const active = await this.runs.activeForAppointment(clinicId, appointmentId);
    const ended: string[] = [];
    const move: RunMove = { by: 'cancel', signal: null, reason };
    for (const found of active) {
      if (found.eventId === exceptEventId) continue;
      let run: RunDocument | null = found;
      for (let attempt = 0; run && attempt < SIGNAL_RETRIES; attempt++) {
        const moved = await this.advance(run, move, now);
        if (moved && !moved.recovered) {
          ended.push(run._id);
          break;
        }
        // A timer or reply moved it meanwhile: it is still to be ended at its new seq.
        run = await this.runs.findById(clinicId, run._id);
        if (run && !activeRunStatuses.includes(run.status)) run = null;
      }
    }
    return ended;
  }

  findByIds(clinicId: string, ids: string[]): Promise<RunDocument[]> {
    return this.runs.findByIds(clinicId, ids);
  }

  /**
   * Moves a run from its `seq` (docs/engine.md, "Advances"): opens a lease in `run_timers`, claims
   * `run_advances` `<runId>#<seq>` (or, with no move of its own, takes over one whose lease passed), does
   * the claimed move, saves the run, and only then removes its timer and lease at `seq`. A process that
   * dies anywhere in between leaves the lease, so the move is done again after it. Answers the run as it
   * is now, or null when a live process holds the move.
   */
  private async advance(
    run: RunDocument,
    move: RunMove | null,
    now: Date,
    known?: BuiltContext,
  ): Promise<{ run: RunDocument; recovered: boolean } | null> {
    const target = { clinicId: run.clinicId, runId: run._id, seq: run.seq };
    await this.timers.openLease({ ...target, nodeId: run.nodeId }, new Date(now.getTime() + this.leaseMs));
    const held = move
      ? await this.advances.claim(target, move, now, this.leaseMs)
      : await this.advances.recover(target, now, this.leaseMs);
    if (!held) return null;
    if (held.recovered) {
      this.logger.warn(`Run ${run._id}: taking over its ${held.move.by} from seq ${run.seq} (lease passed)`);
    }
    const claimed = held.move;
    const saved =
      claimed.by === 'cancel'
        ? await this.save(
            run,
            { status: 'cancelled', seq: run.seq + 1, timerAt: null, endedReason: claimed.reason },
            now,
          )
        : await this.evaluate(run, claimed.signal, now, claimed.by === 'start' ? known : undefined);
    await this.timers.close(run._id, run.seq);
    return { run: saved, recovered: held.recovered };
  }

  /** Evaluates a claimed move with the context read afresh (conditions are re-checked when a wait ends). */
  private async evaluate(
    run: RunDocument,
    signal: RunSignal,
    now: Date,
    known?: BuiltContext,
  ): Promise<RunDocument> {
    const { clinicId } = run;
    try {
      const flow = await this.flows.version(clinicId, run.flowId, run.flowVersion);
      if (!flow) return await this.fail(run, 'its flow version no longer exists', now);
      let built =
        known ??
        (await this.contexts.build(
          clinicId,
          {
            event: { type: run.eventType, at: run.eventAt, minutes: run.eventMinutes ?? undefined },
            appointmentId: run.appointmentId,
            patientId: run.patientId,
            resourceId: run.resourceId,
          },
          flow.needs,
          now,
        ));
      if (!built) return await this.fail(run, 'the clinic no longer exists', now);
      const input = { flow: flow.flow, run: run.state, now: now.toISOString(), signal, runId: run._id };
      let result = evaluate({ ...input, context: built.context });
      // One reminder per person per day needs the patient's reminders: read them only when one is planned.
      if (!built.recentRemindersRead && result.deliveries.some((d) => d.purpose === 'reminder')) {
        built = await this.contexts.withRecentReminders(clinicId, built, now);
        result = evaluate({ ...input, context: built.context });
      }
      const followUp = await this.outcomes.store(run, flow.flow, result, built, now);
      const saved = await this.saveResult(run, result, now);
      if (followUp.confirmedAppointmentId) {
        await this.confirmed(clinicId, followUp.confirmedAppointmentId, run._id, now);
      }
      return saved;
    } catch (error) {
      this.logger.error(`Run ${run._id} could not be evaluated: ${(error as Error).message}`);
      return this.fail(run, `engine error: ${(error as Error).message}`, now);
    }
  }

  /** The run confirmed its appointment: the flows on `appointment.confirmed` start (the run itself is saved). */
  private async confirmed(clinicId: string, appointmentId: string, runId: string, now: Date) {
    try {
      await this.recordInternalEvent?.(clinicId, appointmentId, `${runId}:confirmed`, now);
    } catch (error) {
      // The internal event stays pending: the engine's sweep starts its flows.
      this.logger.error(`Confirmation by run ${runId} not yet turned into runs: ${(error as Error).message}`);
    }
  }

  private async saveResult(run: RunDocument, result: EvaluationResult, now: Date): Promise<RunDocument> {
    const state = result.run;
    const seq = run.seq + 1;
    const timerAt = state.status !== 'ended' && state.timerAt ? new Date(state.timerAt) : null;
    // The timer follows the run's state (also when a reply was not understood and the run keeps waiting).
    if (timerAt) {
      await this.timers.set({
        clinicId: run.clinicId,
        runId: run._id,
        seq,
        nodeId: state.nodeId,
        at: timerAt,
      });
    }
    return this.save(
      run,
      {
        state,
        status: state.status as RunStatus,
        nodeId: state.nodeId,
        seq,
        timerAt,
        endedReason: state.status === 'ended' ? state.endedReason : null,
      },
      now,
      result.steps,
    );
  }

  private fail(run: RunDocument, reason: string, now: Date): Promise<RunDocument> {
    return this.save(run, { status: 'ended', seq: run.seq + 1, timerAt: null, endedReason: reason }, now);
  }

  private async save(
    run: RunDocument,
    fields: Partial<RunDocument>,
    now: Date,
    steps: RunDocument['steps'] = [],
  ): Promise<RunDocument> {
    const set = { ...fields, updatedAt: now };
    await this.runs.updateRead(run, {
      $set: set,
      ...(steps.length ? { $push: { steps: { $each: steps } } } : {}),
    });
    const updated = { ...run, ...set, steps: [...run.steps, ...steps] };
    this.live.runUpdated(run.clinicId, {
      id: run._id,
      flowId: run.flowId,
      nodeId: updated.nodeId,
      status: updated.status,
      at: now.toISOString(),
    });
    return updated;
  }
}
