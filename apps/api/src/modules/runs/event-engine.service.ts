import { Injectable, Logger } from '@nestjs/common';
import { DAILY_TRIGGER_EVENT, reasonOf, triggerMismatch, type Reason } from '@clinicflow/rules';
import { clinicDay } from '../../common/clinic-day';
import { ClockRepository } from '../../common/clock.repository';
import { AppointmentService } from '../appointments/appointment.service';
import { DeliveryCancelService } from '../deliveries/delivery-cancel.service';
import type { EventDocument } from '../events/event.repository';
import { EventService } from '../events/event.service';
import { SettingsService } from '../settings/settings.service';
import { dailyAtOf, DayListService } from './day-list.service';
import { EvaluationContextService } from './evaluation-context.service';
import { RunAdvanceService } from './run-advance.service';
import { RunFlowsService } from './run-flows.service';
import { runIdFor } from './run.document';
import { RunRepository } from './run.repository';
import { loggedError } from '../../common/logged-error';

/** What processing an event did: how many flows start on it, and its runs (one per flow and appointment). */
export interface ProcessedEvent {
  flows: number;
  runs: { runId: string; appointmentId: string | null }[];
}

/** Events that set an appointment's time (or take it away): a later one makes an earlier one stale. */
const SCHEDULING_EVENTS = new Set(['appointment.booked', 'appointment.rescheduled', 'appointment.cancelled']);

const ENDING_EVENTS: Record<string, { reason: string; why: Reason }> = {
  'appointment.rescheduled': { reason: 'appointment moved', why: reasonOf('appointment-moved') },
  'appointment.cancelled': { reason: 'appointment cancelled', why: reasonOf('appointment-cancelled') },
};

/**
 * Turns recorded events into runs (docs/engine.md): every enabled flow whose published version's trigger
 * matches starts one run per trigger (idempotent: run ids are deterministic). A moved or cancelled
 * appointment first ends its other runs and cancels their pending messages; a resource alert starts one run
 * per appointment of that resource still to come that day (every day of an absence over several days); a
 * manual event runs the one flow staff chose. An event leaves the events' outbox only once
 * processed, so the sweep finishes those left behind; internal events raised by the runs it started (an
 * appointment confirmed) are processed right after.
 */
@Injectable()
export class EventEngineService {
  private readonly logger = new Logger(EventEngineService.name);

  constructor(
    private readonly events: EventService,
    private readonly appointments: AppointmentService,
    private readonly settings: SettingsService,
    private readonly flows: RunFlowsService,
    private readonly contexts: EvaluationContextService,
    private readonly advances: RunAdvanceService,
    private readonly runs: RunRepository,
    private readonly cancels: DeliveryCancelService,
    private readonly clock: ClockRepository,
    private readonly dayLists: DayListService,
  ) {}

  /**
   * Turns one stored (and applied) event into runs; calling it again starts nothing twice. Answers how many
   * flows start on it and the runs it is behind (started now or before).
   */
  async process(clinicId: string, eventDocId: string): Promise<ProcessedEvent> {
    const processed: ProcessedEvent = { flows: 0, runs: [] };
    const event = await this.events.find(clinicId, eventDocId);
    if (!event) return processed;
    const now = this.clock.now();
    const settings = await this.settings.find(clinicId);
    const raised: string[] = [];
    if (settings && !(await this.isStale(event))) {
      const ending = ENDING_EVENTS[event.type];
      if (ending && event.appointmentId) await this.endAppointmentRuns(event, ending, now);
      // a manual event runs the one flow staff chose, not every flow with a manual trigger
      const flows = (await this.flows.startingOn(clinicId, event.type)).filter(
        (flow) => event.type !== 'manual' || flow.flowId === event.flowId,
      );
      processed.flows = flows.length;
      for (const target of flows.length ? await this.targets(event, settings.timeZone, now) : []) {
        const subject = {
          event: {
            type: event.type,
            at: event.occurredAt,
            minutes: event.payload.minutes,
            dailyAt: dailyAtOf(event),
          },
          ...target,
        };
        const needs = { nextAppointment: flows.some((f) => f.needs.nextAppointment) };
        const built = await this.contexts.build(clinicId, subject, needs, now, settings);
        if (!built) continue;
        for (const flow of flows) {
          if (triggerMismatch(flow.trigger.data, built.context)) continue;
          processed.runs.push({
            runId: runIdFor(clinicId, flow.flowId, target.triggerKey),
            appointmentId: target.appointmentId,
          });
          const moved = await this.advances.start(
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
          raised.push(...(moved?.raised ?? []));
        }
      }
    }
    await this.events.processed(event);
    await this.processRaised(clinicId, raised);
    return processed;
  }

  /**
   * Turns the internal events some moves raised into runs. One that fails stays in the events' outbox: the
   * sweep processes it later.
   */
  async processRaised(clinicId: string, eventDocIds: readonly string[]): Promise<void> {
    for (const id of eventDocIds) {
      try {
        await this.process(clinicId, id);
      } catch (error) {
        this.logger.error(`Internal event ${id} not yet turned into runs: ${loggedError(error)}`);
      }
    }
  }

  /**
   * A booking, move or cancel that arrived after a later one of the same appointment did not change it (the
   * appointments module keeps the newest): it starts and ends nothing, or it would plan the old time again.
   */
  private async isStale(event: EventDocument): Promise<boolean> {
    if (!SCHEDULING_EVENTS.has(event.type) || !event.appointmentId) return false;
    const appointment = await this.appointments.find(event.clinicId, event.appointmentId);
    return (
      appointment !== null &&
      SCHEDULING_EVENTS.has(appointment.lastEventType) &&
      appointment.lastEventAt > event.occurredAt
    );
  }

  /** The appointments an event is about, with each run's trigger key. */
  private async targets(event: EventDocument, timeZone: string, now: Date) {
    // F10: a daily trigger's firing starts one run per practitioner with appointments the next day.
    if (event.type === DAILY_TRIGGER_EVENT) return this.dayLists.targets(event, timeZone);
    const about = { patientId: event.patientId, resourceId: event.resourceId };
    if (!event.type.startsWith('resource.')) {
      return [{ ...about, appointmentId: event.appointmentId, triggerKey: event._id }];
    }
    if (!event.resourceId) return [];
    // F9: every appointment of the resource still to come today (clinic-local), one run each; an absence
    // over several days reaches every day of it (the days already gone have nothing left to come).
    const today = clinicDay(now, timeZone);
    const days = event.payload.absence ?? { from: today, to: today };
    const fromDay = days.from > today ? days.from : today;
    if (days.to < fromDay) return [];
    const affected = await this.appointments.matching(event.clinicId, {
      resourceId: event.resourceId,
      fromDay,
      toDay: days.to,
      statuses: ['booked', 'confirmed'],
    });
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
  private async endAppointmentRuns(event: EventDocument, reason: { reason: string; why: Reason }, now: Date) {
    const appointmentId = event.appointmentId!;
    await this.advances.endForAppointment(event.clinicId, appointmentId, event._id, reason, now);
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
}
