import { Injectable, Logger } from '@nestjs/common';
import { triggerMismatch } from '@clinicflow/rules';
import { ClockRepository } from '../../common/clock.repository';
import { externalDocumentId, isDuplicateKeyError } from '../../common/ids';
import { AppointmentRepository } from '../appointments/appointment.repository';
import { DeliveryCancelService } from '../deliveries/delivery-cancel.service';
import type { EventDocument } from '../events/event.repository';
import { EventRepository } from '../events/event.repository';
import { EvaluationContextService } from './evaluation-context.service';
import { PendingEventRepository } from './pending-event.repository';
import { RunFlowsService } from './run-flows.service';
import { RunService } from './run.service';
import { clinicDay } from '../../common/clinic-day';

/** Applies a stored event to the appointments and patients again (set by the events module). */
export type EventReapplier = (event: EventDocument) => Promise<void>;

/** A pending event is left to its intake this long before the sweep takes it over. */
const SWEEP_AFTER_MS = 15_000;
/** A pending entry without its event (the intake died between the two inserts) is dropped after this. */
const ORPHAN_AFTER_MS = 60_000;
const MAX_FAILURES = 5;
const SWEEP_BATCH = 100;

/** Events that set an appointment's time (or take it away): a later one makes an earlier one stale. */
const SCHEDULING_EVENTS = new Set(['appointment.booked', 'appointment.rescheduled', 'appointment.cancelled']);

const ENDING_EVENTS: Record<string, string> = {
  'appointment.rescheduled': 'appointment moved',
  'appointment.cancelled': 'appointment cancelled',
};

/**
 * Turns recorded events into runs (docs/engine.md): every enabled flow whose published version's trigger
 * matches starts one run per trigger (idempotent: run ids are deterministic). A moved or cancelled
 * appointment first ends its other runs and cancels their pending messages; a resource alert starts one run
 * per appointment of that resource still to come that day. Events wait in `pending_events` until processed,
 * so the sweep finishes those an intake left behind.
 */
@Injectable()
export class EventEngineService {
  private readonly logger = new Logger(EventEngineService.name);
  private reapply: EventReapplier | null = null;

  constructor(
    private readonly events: EventRepository,
    private readonly pending: PendingEventRepository,
    private readonly appointments: AppointmentRepository,
    private readonly flows: RunFlowsService,
    private readonly contexts: EvaluationContextService,
    private readonly runs: RunService,
    private readonly cancels: DeliveryCancelService,
    private readonly clock: ClockRepository,
  ) {
    runs.useInternalEventRecorder((clinicId, appointmentId, key, now) =>
      this.recordConfirmation(clinicId, appointmentId, key, now),
    );
  }

  /** The events module hands over how an event is applied again (it depends on this service). */
  useReapplier(reapply: EventReapplier): void {
    this.reapply = reapply;
  }

  /** Before storing events: marks them pending; answers the ids this call marked (see `forget`). */
  markPending(clinicId: string, eventDocIds: string[]): Promise<Set<string>> {
    return this.pending.add(clinicId, eventDocIds, this.clock.now());
  }

  /** Removes pending marks of events that turned out to be duplicates. */
  forget(eventDocIds: string[]): Promise<void> {
    return this.pending.remove(eventDocIds);
  }

  /** Turns one stored (and applied) event into runs; calling it again starts nothing twice. */
  async process(clinicId: string, eventDocId: string): Promise<void> {
    const event = await this.events.findById(clinicId, eventDocId);
    if (!event) return;
    const now = this.clock.now();
    const settings = await this.contexts.clinic(clinicId);
    if (settings && !(await this.isStale(event))) {
      const ending = ENDING_EVENTS[event.type];
      if (ending && event.appointmentId) await this.endAppointmentRuns(event, ending, now);
      const flows = await this.flows.startingOn(clinicId, event.type);
      for (const target of flows.length ? await this.targets(event, settings.timeZone, now) : []) {
        const subject = {
          event: { type: event.type, at: event.occurredAt, minutes: event.payload.minutes },
          ...target,
        };
        const needs = { nextAppointment: flows.some((f) => f.needs.nextAppointment) };
        const built = await this.contexts.build(clinicId, subject, needs, now, settings);
        if (!built) continue;
        for (const flow of flows) {
          if (triggerMismatch(flow.trigger.data, built.context)) continue;
          await this.runs.start(
            clinicId,
            {
              flow,
              event: {
                _id: event._id,
                type: event.type,
                occurredAt: event.occurredAt,
                minutes: event.payload.minutes ?? null,
              },
              triggerKey: target.triggerKey,
              appointmentId: target.appointmentId,
              patientId: built.appointment?.patientId ?? target.patientId,
              resourceId: target.resourceId,
              built,
            },
            now,
          );
        }
      }
    }
    await this.events.updateRead(event, { $set: { engine: { status: 'done', applied: true } } });
    await this.pending.remove([eventDocId]);
  }

  /** Processes events left pending for more than a few seconds (an intake that died); answers how many. */
  async sweepPending(now: Date): Promise<number> {
    const leftovers = await this.pending.olderThan(new Date(now.getTime() - SWEEP_AFTER_MS), SWEEP_BATCH);
    let processed = 0;
    for (const entry of leftovers) {
      try {
        const event = await this.events.findById(entry.clinicId, entry._id);
        if (!event) {
          if (entry.at.getTime() < now.getTime() - ORPHAN_AFTER_MS) await this.pending.remove([entry._id]);
          continue;
        }
        if (event.engine?.status === 'done') {
          await this.pending.remove([entry._id]);
          continue;
        }
        // The intake died before it had applied the event to the appointment and patient: apply it now.
        if (!event.engine?.applied && this.reapply) await this.reapply(event);
        await this.process(entry.clinicId, entry._id);
        processed++;
      } catch (error) {
        this.logger.error(`Pending event ${entry._id} failed: ${(error as Error).message}`);
        if (entry.failures + 1 >= MAX_FAILURES) await this.pending.remove([entry._id]);
        else await this.pending.failed(entry._id);
      }
    }
    return processed;
  }

  /**
   * A booking, move or cancel that arrived after a later one of the same appointment did not change it (the
   * appointments module keeps the newest): it starts and ends nothing, or it would plan the old time again.
   */
  private async isStale(event: EventDocument): Promise<boolean> {
    if (!SCHEDULING_EVENTS.has(event.type) || !event.appointmentId) return false;
    const appointment = await this.appointments.findById(event.clinicId, event.appointmentId);
    return (
      appointment !== null &&
      SCHEDULING_EVENTS.has(appointment.lastEventType) &&
      appointment.lastEventAt > event.occurredAt
    );
  }

  /** The appointments an event is about, with each run's trigger key. */
  private async targets(event: EventDocument, timeZone: string, now: Date) {
    const about = { patientId: event.patientId, resourceId: event.resourceId };
    if (!event.type.startsWith('resource.')) {
      return [{ ...about, appointmentId: event.appointmentId, triggerKey: event._id }];
    }
    if (!event.resourceId) return [];
    // F9: every appointment of the resource still to come today (clinic-local), one run each.
    const today = clinicDay(now, timeZone);
    const affected = await this.appointments.findMany(
      event.clinicId,
      { resourceId: event.resourceId, localDay: today, status: { $in: ['booked', 'confirmed'] } },
      { start: 1 },
    );
    return affected
      .filter((a) => a.start && a.start > now)
      .map((a) => ({
        appointmentId: a._id,
        patientId: a.patientId,
        resourceId: event.resourceId,
        triggerKey: `${event._id}:${a._id}`,
      }));
  }

  /** F2: the appointment's other runs end and their pending messages are cancelled. */
  private async endAppointmentRuns(event: EventDocument, reason: string, now: Date) {
    const appointmentId = event.appointmentId!;
    await this.runs.endForAppointment(event.clinicId, appointmentId, event._id, reason, now);
    const pending = await this.cancels.pendingForAppointment(event.clinicId, appointmentId);
    const runIds = [...new Set(pending.map((d) => d.runId).filter((id): id is string => id !== null))];
    const ownRuns = new Set(
      (await this.runs.findByIds(event.clinicId, runIds))
        .filter((run) => run.eventId === event._id)
        .map((run) => run._id),
    );
    // Messages of the runs this very event started (the "moved" notice) stay.
    await this.cancels.cancelForAppointment(
      event.clinicId,
      appointmentId,
      reason,
      now,
      (d) => d.runId !== null && ownRuns.has(d.runId),
    );
  }

  /**
   * A reply confirmed an appointment: recorded as an internal `appointment.confirmed` event (its id derived
   * from the run, so it is recorded once) and turned into runs of the flows that start on it.
   */
  private async recordConfirmation(clinicId: string, appointmentId: string, key: string, now: Date) {
    const appointment = await this.appointments.findById(clinicId, appointmentId);
    if (!appointment) return;
    const eventId = `internal:${key}`;
    const _id = externalDocumentId('evt', clinicId, eventId);
    const marked = await this.markPending(clinicId, [_id]);
    try {
      await this.events.insert(clinicId, {
        _id,
        eventId,
        type: 'appointment.confirmed',
        occurredAt: now,
        receivedAt: now,
        payload: {
          id: eventId,
          type: 'appointment.confirmed',
          occurredAt: now.toISOString(),
          appointment: { externalId: appointment.externalId, status: 'confirmed' },
        },
        appointmentId,
        patientId: appointment.patientId,
        resourceId: appointment.resourceId,
        engine: { status: 'pending', applied: true },
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      if (marked.size) await this.forget([_id]);
      return;
    }
    await this.process(clinicId, _id);
  }
}
