import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { evaluate, reasonOf, type EvaluationResult, type Reason, type RunSignal } from '@clinicflow/rules';
import { ClockRepository } from '../../common/clock.repository';
import type { Env } from '../../config/env';
import { LiveEventsService } from '../live/live-events.service';
import { InternalEventService } from './internal-event.service';
import type { BuiltContext } from './evaluation-context.service';
import { EvaluationContextService } from './evaluation-context.service';
import { RunAdvanceRepository, type RunMove } from './run-advance.repository';
import { RunFlowsService, type RunnableFlow } from './run-flows.service';
import { RunOutcomeService } from './run-outcome.service';
import { RunTimerRepository, type RunTimerEntry } from './run-timer.repository';
import { activeRunStatuses, runIdFor, type RunDocument, type RunStatus } from './run.document';
import { RunRepository } from './run.repository';
import { clinicDay } from '../../common/clinic-day';
import { errorSummary, loggedError } from '../../common/logged-error';
import { isTransientError } from '../../database/transient-error';

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

/**
 * A move done, and the internal events it recorded (an appointment confirmed by a reply): they wait in the
 * events' outbox, and whoever asked for the move turns them into runs (`EventEngineService.processRaised`).
 */
export interface Moved {
  run: RunDocument;
  recovered: boolean;
  raised: string[];
}

/** How often a reply or a cancel tries again when someone else moved the run first. */
const SIGNAL_RETRIES = 3;

/**
 * Moves runs (docs/engine.md, "Advances"): started once per flow and trigger, moved on by timers, replies and
 * failed questions, ended by a reschedule or cancel. Only whoever inserts `run_advances` `<runId>#<seq>` moves
 * a run from `seq`, so a reply and a timer never both move it; a lease in `run_timers` lets another process
 * finish a move whose process died. A move never starts other runs itself: it answers the internal events it
 * raised, which its caller hands to the event engine.
 */
@Injectable()
export class RunAdvanceService {
  private readonly logger = new Logger(RunAdvanceService.name);
  /** How long a move may take before another process takes it over (the dispatcher's lease). */
  private readonly leaseMs: number;

  constructor(
    private readonly runs: RunRepository,
    private readonly timers: RunTimerRepository,
    private readonly advances: RunAdvanceRepository,
    private readonly flows: RunFlowsService,
    private readonly contexts: EvaluationContextService,
    private readonly outcomes: RunOutcomeService,
    private readonly internalEvents: InternalEventService,
    private readonly live: LiveEventsService,
    private readonly clock: ClockRepository,
    config: ConfigService<Env, true>,
  ) {
    this.leaseMs = config.get('DISPATCH_LEASE_SECONDS', { infer: true }) * 1000;
  }

  /** Starts a run (once: its `_id` is deterministic) and evaluates it from its trigger. */
  async start(clinicId: string, start: RunStart, now: Date): Promise<Moved | null> {
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
    if (!(await this.runs.create(run))) {
      const existing = await this.runs.findById(clinicId, run._id);
      // Started before; if that start died before its first evaluation was saved, this finishes it (or the
      // lease of the process still holding it does, see `entryDue`).
      if (!existing || existing.seq > 0) return null;
      current = existing;
    }
    return this.advance(current, { by: 'start', signal: { kind: 'start' }, reason: null }, now, built);
  }

  /** A reply or a failed question for a run; answers the internal events the move raised. */
  async signal(clinicId: string, runId: string, signal: RunSignal): Promise<string[]> {
    const now = this.clock.now();
    const move = { by: signal.kind, signal, reason: null } as RunMove;
    const raised: string[] = [];
    for (let attempt = 0; attempt < SIGNAL_RETRIES; attempt++) {
      const run = await this.runs.findById(clinicId, runId);
      if (!run || !activeRunStatuses.includes(run.status) || run.status === 'starting') break;
      const moved = await this.advance(run, move, now);
      raised.push(...(moved?.raised ?? []));
      if (moved && !moved.recovered) break;
      // Someone else moved it from this seq (a timer, a reply, a dead process's move just taken over): read
      // it again and retry on the run as it is now.
    }
    return raised;
  }

  /**
   * A due `run_timers` entry. A timer moves its run if it is still at the timer's `seq`; a lease whose run
   * is still at its `seq` belongs to a process that died while moving it: its move is taken over. Entries
   * of runs already past their `seq` are removed. Answers the move when this call moved the run.
   */
  async entryDue(entry: RunTimerEntry, now: Date): Promise<Moved | null> {
    const run = await this.runs.findById(entry.clinicId, entry.runId);
    if (!run || run.seq > entry.seq || !(await this.mayMove(run, entry))) {
      await this.timers.remove(entry._id);
      return null;
    }
    // The move that set this entry is being saved (or will be taken over through its own lease).
    if (run.seq < entry.seq) return null;
    if (entry.kind !== 'lease') {
      return this.advance(run, { by: 'timer', signal: { kind: 'timer' }, reason: null }, now);
    }
    if (!(await this.advances.latest(run._id, run.seq))) {
      // The process died after opening the lease but before claiming: nothing was half done.
      await this.timers.remove(entry._id);
      return null;
    }
    return this.advance(run, null, now);
  }

  /**
   * Whether an entry may still move its run: an active run, or an ended one whose retry (below) was claimed at
   * the entry's `seq` by a process that may have died before saving it (its lease is then taken over).
   */
  private async mayMove(run: RunDocument, entry: RunTimerEntry): Promise<boolean> {
    if (activeRunStatuses.includes(run.status)) return true;
    if (entry.kind !== 'lease' || run.seq !== entry.seq) return false;
    return (await this.advances.latest(run._id, run.seq))?.by === 'retry';
  }

  /**
   * Moves a run that an engine error ended again from where it stopped (docs/engine.md, "Retry"): the move that
   * failed (its signal, read back from its claim) is done again as a new move from the run's `seq`, through the
   * same claim as every move, so two retries at once move it once. Answers the move, or null when the failed
   * move cannot be read back or someone else holds the retry.
   */
  async retry(run: RunDocument, now: Date): Promise<Moved | null> {
    const failed = await this.advances.latest(run._id, run.seq - 1);
    if (!failed || failed.by === 'cancel') return null;
    return this.advance(run, { by: 'retry', signal: failed.signal, reason: null }, now);
  }

  /**
   * Ends the active runs of an appointment that was moved or cancelled (except those of the event that
   * moved it), and deletes their timers. Answers the runs ended.
   */
  async endForAppointment(
    clinicId: string,
    appointmentId: string,
    exceptEventId: string,
    reason: string | { reason: string; why: Reason },
    now: Date,
  ): Promise<string[]> {
    return this.endRunsOfAppointment(
      clinicId,
      appointmentId,
      (run) => run.eventId === exceptEventId,
      reason,
      now,
    );
  }

  /**
   * Ends the active runs of an appointment but those `keep` spares (a declined appointment keeps the run of
   * the question the patient answered), and deletes their timers. Answers the runs ended.
   */
  async endRunsOfAppointment(
    clinicId: string,
    appointmentId: string,
    keep: (run: RunDocument) => boolean,
    said: string | { reason: string; why: Reason },
    now: Date,
  ): Promise<string[]> {
    const active = await this.runs.activeForAppointment(clinicId, appointmentId);
    const ended: string[] = [];
    const { reason, why } = typeof said === 'string' ? { reason: said, why: null } : said;
    const move: RunMove = { by: 'cancel', signal: null, reason, why };
    for (const found of active) {
      if (keep(found)) continue;
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
  ): Promise<Moved | null> {
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
    const done =
      claimed.by === 'cancel'
        ? {
            run: await this.save(
              run,
              {
                status: 'cancelled',
                seq: run.seq + 1,
                timerAt: null,
                endedReason: claimed.reason,
                endedWhy: claimed.why ?? null,
              },
              now,
            ),
            raised: [],
          }
        : await this.evaluate(run, claimed.signal, now, claimed.by === 'start' ? known : undefined);
    await this.timers.close(run._id, run.seq);
    return { ...done, recovered: held.recovered };
  }

  /** Evaluates a claimed move with the context read afresh (conditions are re-checked when a wait ends). */
  private async evaluate(
    run: RunDocument,
    signal: RunSignal,
    now: Date,
    known?: BuiltContext,
  ): Promise<{ run: RunDocument; raised: string[] }> {
    const { clinicId } = run;
    try {
      const flow = await this.flows.version(clinicId, run.flowId, run.flowVersion);
      if (!flow) {
        const why = reasonOf('flow-version-missing');
        return { run: await this.fail(run, 'its flow version no longer exists', why, now), raised: [] };
      }
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
      if (!built)
        return {
          run: await this.fail(run, 'the clinic no longer exists', reasonOf('clinic-missing'), now),
          raised: [],
        };
      const input = { flow: flow.flow, run: run.state, now: now.toISOString(), signal, runId: run._id };
      let result = evaluate({ ...input, context: built.context });
      // One reminder per person per day needs the patient's reminders: read them only when one is planned.
      if (!built.recentRemindersRead && result.deliveries.some((d) => d.purpose === 'reminder')) {
        built = await this.contexts.withRecentReminders(clinicId, built, now);
        result = evaluate({ ...input, context: built.context });
      }
      const followUp = await this.outcomes.store(run, flow.flow, result, built, now);
      // Recorded before the run is saved: a process that dies in between leaves it in the events' outbox
      // (the move taken over records it again, a no-op, and the sweep processes it).
      const raised = followUp.confirmedAppointmentId
        ? await this.confirmed(clinicId, followUp.confirmedAppointmentId, run._id, now)
        : [];
      return { run: await this.saveResult(run, result, now), raised };
    } catch (error) {
      // The database away for a moment: the move stays claimed under its lease, and is taken over once the
      // lease has passed (`entryDue`), by this process or another. Only an error that would recur ends the run.
      if (isTransientError(error)) {
        this.logger.warn(
          `Run ${run._id}: move left to be taken over after its lease (${errorSummary(error)})`,
        );
        throw error;
      }
      this.logger.error(`Run ${run._id} could not be evaluated: ${loggedError(error)}`);
      const why = reasonOf('engine-error');
      return { run: await this.fail(run, `engine error: ${(error as Error).message}`, why, now), raised: [] };
    }
  }

  /** The run confirmed its appointment: an internal `appointment.confirmed` is recorded, for its caller to process. */
  private async confirmed(clinicId: string, appointmentId: string, runId: string, now: Date) {
    try {
      const recorded = await this.internalEvents.recordConfirmation(clinicId, appointmentId, runId, now);
      return recorded ? [recorded] : [];
    } catch (error) {
      // Not lost for a database away a moment: the move is taken over, and records it then.
      if (isTransientError(error)) throw error;
      this.logger.error(`Confirmation by run ${runId} not recorded: ${loggedError(error)}`);
      return [];
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
        endedWhy: state.status === 'ended' ? (state.endedWhy ?? null) : null,
      },
      now,
      result.steps,
    );
  }

  private fail(run: RunDocument, reason: string, why: Reason, now: Date): Promise<RunDocument> {
    return this.save(
      run,
      { status: 'ended', seq: run.seq + 1, timerAt: null, endedReason: reason, endedWhy: why },
      now,
    );
  }

  private async save(
    run: RunDocument,
    fields: Partial<RunDocument>,
    now: Date,
    steps: RunDocument['steps'] = [],
  ): Promise<RunDocument> {
    const set = { ...fields, updatedAt: now };
    await this.runs.saveMove(run, set, steps);
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
