import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '../../common/app-error';
import { ClockRepository } from '../../common/clock.repository';
import { externalDocumentId } from '../../common/ids';
import { toProblems } from '../../http/zod-validation';
import { AppointmentReferences, AppointmentService } from '../appointments/appointment.service';
import { directoryIdFor } from '../directory/directory-ids';
import { DirectoryService } from '../directory/directory.service';
import { PatientService } from '../directory/patient.service';
import { eventOfAppointmentState } from '@clinicflow/pms';
import type { EventType } from '@clinicflow/contract';
import { PmsEvent, pmsEventSchema } from '../events/event.dto';
import type { EventDocument } from '../events/event.repository';
import { EventService } from '../events/event.service';
import { EventEngineService } from '../runs/event-engine.service';
import { SettingsService } from '../settings/settings.service';
import { NewPatient, PatientIntakeService } from './patient-intake.service';
import { errorSummary, loggedError } from '../../common/logged-error';
import { backoffMs } from '../../common/backoff';
import { Metrics } from '../../metrics/metrics';
import type { Principal } from '../../http/principal';
import { AuditService } from '../audit/audit.service';
import type { PendingEvent } from '../events/pending-event.repository';

/** What a sweep of the events' outbox did: events processed, and the clinics of those it set aside. */
export interface SweepReport {
  processed: number;
  setAside: string[];
}

export interface IntakeAnswer {
  accepted: boolean;
  duplicate: boolean;
}

export interface BulkAnswer extends IntakeAnswer {
  index: number;
  id: string | null;
  errors: { path: string; message: string }[];
}

interface ClinicFacts {
  timeZone: string;
  country: string;
}

function resourceExternalId(event: PmsEvent) {
  return event.resource?.externalId ?? event.appointment?.resourceExternalId;
}

const CLINIC_FACTS_TTL_MS = 5_000;

/** A pending event is left to its intake this long before the sweep takes it over. */
const SWEEP_AFTER_MS = 15_000;
/** A pending entry without its event (the intake died between the two inserts) is dropped after this. */
const ORPHAN_AFTER_MS = 60_000;
/**
 * A pending event that fails is tried again after 30 s, 1 min, 2 min… (at most 30 min, ±20 %); after
 * `EVENT_ATTEMPTS` failures (about two hours of them) it is set aside for staff (`processAgain`).
 */
const EVENT_BACKOFF = { firstMs: 30_000, maxMs: 30 * 60_000 };
export const EVENT_ATTEMPTS = 10;
const SWEEP_BATCH = 100;

/** How many appointments of one bulk post are written at the same time (events of one appointment: in order). */
const BULK_CONCURRENCY = 8;

/**
 * Intake of PMS events: each event is stored once (its `_id` is derived from the clinic and the event id),
 * then applied (by `_id` lookups only, the indexed path on FerretDB): patient upserted, unknown
 * service/resource/location turned into flagged placeholders, appointment upserted, attendance counted; then
 * handed to the engine. The sweep finishes what an intake that died left in the events' outbox.
 */
@Injectable()
export class EventIntakeService {
  private readonly logger = new Logger(EventIntakeService.name);
  private readonly clinicFacts = new Map<string, { facts: ClinicFacts; until: number }>();

  constructor(
    private readonly events: EventService,
    private readonly appointments: AppointmentService,
    private readonly patients: PatientService,
    private readonly directory: DirectoryService,
    private readonly settings: SettingsService,
    private readonly clock: ClockRepository,
    private readonly engine: EventEngineService,
    private readonly newPatients: PatientIntakeService,
    private readonly metrics: Metrics,
    private readonly audit: AuditService,
  ) {}

  /**
   * Stores, applies and hands the event to the engine. It is marked pending before it is stored, so an
   * intake that dies half-way is finished by the engine's sweep.
   */
  async receive(clinicId: string, event: PmsEvent): Promise<IntakeAnswer> {
    const patientIds = await this.patients.idsForExternal(clinicId, patientExternalIds([event]));
    const document = this.toDocument(clinicId, event, patientIds);
    if ((await this.events.record(clinicId, document)) === 'duplicate') {
      this.metrics.events.inc({ answer: 'duplicate' });
      return { accepted: true, duplicate: true };
    }
    this.metrics.events.inc({ answer: 'new' });
    const created = await this.apply(clinicId, event, await this.clinicOf(clinicId), null);
    await this.startRunsAndAnnounce(clinicId, document._id, created);
    return { accepted: true, duplicate: false };
  }

  /**
   * An appointment as the PMS holds it now (a FHIR `Appointment`, an HL7 SIU^S14), not an event: received as
   * the event it amounts to beside what is stored (`eventOfAppointmentState`); when it amounts to none (notes,
   * a phone number, a reference changed), only its details are applied and no flow starts. `state.type` is
   * ignored. Answers the event's type, null when none.
   */
  async receiveState(clinicId: string, state: PmsEvent): Promise<IntakeAnswer & { type: EventType | null }> {
    const said = state.appointment!;
    const held = await this.appointments.find(clinicId, this.appointments.idFor(clinicId, said.externalId));
    const type = eventOfAppointmentState(
      held && { status: held.status, start: held.start?.toISOString(), end: held.end?.toISOString() },
      { status: said.status ?? 'booked', start: said.start, end: said.end },
    );
    if (type) return { ...(await this.receive(clinicId, { ...state, type })), type };
    // Recorded under the type of the status it keeps, without counting an attendance again.
    const kept: EventType = held!.status === 'booked' ? 'appointment.booked' : `appointment.${held!.status}`;
    const created = await this.apply(
      clinicId,
      { ...state, type: kept },
      await this.clinicOf(clinicId),
      null,
      {
        countAttendance: false,
      },
    );
    if (created) {
      const announced = await this.newPatients.recordCreated(clinicId, created);
      if (announced) await this.engine.processRaised(clinicId, [announced]);
    }
    return { accepted: true, duplicate: false, type: null };
  }

  /** Up to 1 000 events: validated and answered one by one; stored with one unordered insert. */
  async receiveMany(clinicId: string, raw: unknown[]): Promise<{ results: BulkAnswer[] }> {
    const results: BulkAnswer[] = [];
    const valid: { index: number; event: PmsEvent }[] = [];
    raw.forEach((item, index) => {
      const parsed = pmsEventSchema.safeParse(item);
      const id = typeof (item as { id?: unknown })?.id === 'string' ? (item as { id: string }).id : null;
      results[index] = { index, id, accepted: false, duplicate: false, errors: [] };
      if (parsed.success) valid.push({ index, event: parsed.data });
      else results[index].errors = toProblems(parsed.error, `body.events.${index}`);
    });
    const patientIds = await this.patients.idsForExternal(
      clinicId,
      patientExternalIds(valid.map(({ event }) => event)),
    );
    const documents = valid.map(({ event }) => this.toDocument(clinicId, event, patientIds));
    const duplicates = await this.events.recordMany(clinicId, documents);
    const fresh = valid.filter((_, position) => !duplicates.has(position));
    for (const [position, { index }] of valid.entries()) {
      results[index] = { ...results[index], accepted: true, duplicate: duplicates.has(position) };
    }
    this.metrics.events.inc({ answer: 'new' }, fresh.length);
    this.metrics.events.inc({ answer: 'duplicate' }, duplicates.size);
    this.metrics.events.inc({ answer: 'invalid' }, raw.length - valid.length);
    const clinic = await this.clinicOf(clinicId);
    const byAppointment = new Map<string, PmsEvent[]>();
    for (const { event } of fresh) {
      const key = event.appointment?.externalId ?? `resource:${event.id}`;
      byAppointment.set(key, [...(byAppointment.get(key) ?? []), event]);
    }
    const queues = [...byAppointment.values()];
    const workers = Array.from({ length: Math.min(BULK_CONCURRENCY, queues.length) }, async () => {
      for (let queue = queues.shift(); queue; queue = queues.shift()) {
        for (const event of queue) {
          const created = await this.apply(clinicId, event, clinic, null);
          await this.startRunsAndAnnounce(clinicId, this.eventDocumentId(clinicId, event.id), created);
        }
      }
    });
    await Promise.all(workers);
    return { results };
  }

  /**
   * Processes events left pending for more than a few seconds (an intake that died, an attempt that failed and
   * whose backoff has passed); answers how many it processed and the clinics of those it set aside.
   */
  async sweepPending(now: Date): Promise<SweepReport> {
    const setAside: string[] = [];
    const leftovers = await this.events.leftovers(new Date(now.getTime() - SWEEP_AFTER_MS), now, SWEEP_BATCH);
    let processed = 0;
    for (const entry of leftovers) {
      try {
        const event = await this.events.find(entry.clinicId, entry._id);
        if (!event) {
          if (now.getTime() - entry.at.getTime() > ORPHAN_AFTER_MS) await this.events.dropPending(entry._id);
          continue;
        }
        if (event.engine?.status === 'done') {
          await this.events.dropPending(entry._id);
          continue;
        }
        // The intake died before it had applied the event to the appointment and patient: apply it now.
        const created = event.engine?.applied ? null : await this.applyStored(event);
        const announced = created ? await this.newPatients.recordCreated(entry.clinicId, created) : null;
        await this.engine.process(entry.clinicId, entry._id);
        if (announced) await this.engine.processRaised(entry.clinicId, [announced]);
        processed++;
      } catch (error) {
        this.logger.error(`Pending event ${entry._id} failed: ${loggedError(error)}`);
        if (await this.failed(entry, error, now)) setAside.push(entry.clinicId);
      }
    }
    return { processed, setAside };
  }

  /** A failed attempt at a pending event: tried again after its backoff, or set aside (answers true then). */
  private async failed(entry: PendingEvent, error: unknown, now: Date): Promise<boolean> {
    const attempt = entry.failures + 1;
    if (attempt < EVENT_ATTEMPTS) {
      const retryAt = new Date(now.getTime() + backoffMs(attempt, EVENT_BACKOFF));
      await this.events.pendingFailed(entry._id, { retryAt }, errorSummary(error));
      return false;
    }
    this.logger.error(`Pending event ${entry._id} set aside after ${attempt} attempts`);
    await this.events.pendingFailed(entry._id, { deadAt: now }, errorSummary(error));
    return true;
  }

  /**
   * Puts an event the engine set aside back for its next sweep (staff's "process again"); 404 when the clinic
   * has no such event set aside.
   */
  async processAgain(principal: Principal, eventId: string): Promise<void> {
    const { clinicId } = principal;
    const id = externalDocumentId('evt', clinicId, eventId);
    if (!(await this.events.processAgain(clinicId, id)))
      throw AppError.notFound('No event set aside has this id');
    await this.audit.record(principal, {
      action: 'event.processed-again',
      target: { type: 'event', id: eventId },
    });
  }

  /**
   * Hands a stored, applied event to the engine; a failure leaves it pending for the sweep. A patient the event
   * created is recorded as a `patient.created` event first (so the sweep finds it if this process dies) and
   * processed after it.
   */
  private async startRunsAndAnnounce(clinicId: string, eventDocId: string, created: NewPatient | null) {
    const announced = created ? await this.newPatients.recordCreated(clinicId, created) : null;
    try {
      await this.engine.process(clinicId, eventDocId);
    } catch (error) {
      this.logger.error(`Event ${eventDocId} not yet turned into runs: ${loggedError(error)}`);
      await this.events.markApplied(clinicId, eventDocId);
    }
    if (announced) await this.engine.processRaised(clinicId, [announced]);
  }

  /** Applies an event again (its intake died before it was applied); answers the patient it created, if any. */
  private async applyStored(event: EventDocument): Promise<NewPatient | null> {
    // staff's request, a new patient's announcement and a daily trigger's firing: nothing to apply
    const { payload } = event;
    if (payload.type === 'manual' || payload.type === 'patient.created' || payload.type === 'schedule.daily')
      return null;
    const clinic = await this.clinic(event.clinicId);
    return clinic ? this.apply(event.clinicId, payload, clinic, event.receivedAt) : null;
  }

  /**
   * Writes an event to the directory and the appointment book; answers the patient it created, or null. An
   * event applied again (`receivedAt`: when it was first received) counts as having created a patient made
   * since it was received: its first intake may have died before recording that patient's event, and a
   * `patient.created` event is recorded once per patient whoever records it.
   */
  private async apply(
    clinicId: string,
    event: PmsEvent,
    clinic: ClinicFacts,
    receivedAt: Date | null,
    { countAttendance } = { countAttendance: true },
  ): Promise<NewPatient | null> {
    let patientId: string | null = null;
    let created: NewPatient | null = null;
    if (event.patient) {
      const { externalId, ...fields } = event.patient;
      const patient = await this.patients.upsertFromEvent(clinicId, externalId, fields, clinic.country);
      patientId = patient.id;
      if (patient.created || (receivedAt && patient.createdAt >= receivedAt)) {
        created = { id: patient.id, externalId, createdAt: patient.createdAt };
      }
    }
    const references = await this.references(clinicId, event, patientId);
    if (!event.appointment) return created;
    const appointment = await this.appointments.applyEvent(clinicId, event, references, clinic.timeZone);
    const attendee = appointment?.patientId ?? patientId;
    if (
      countAttendance &&
      attendee &&
      (event.type === 'appointment.attended' || event.type === 'appointment.no_show')
    ) {
      const outcome = event.type === 'appointment.attended' ? 'attended' : 'no_show';
      await this.patients.recordAttendance(clinicId, attendee, outcome, new Date(event.occurredAt), event.id);
    }
    return created;
  }

  private async references(
    clinicId: string,
    event: PmsEvent,
    patientId: string | null,
  ): Promise<AppointmentReferences> {
    const named = {
      service: event.appointment?.serviceExternalId,
      resource: resourceExternalId(event),
      location: event.appointment?.locationExternalId,
    };
    const unknownReferences: AppointmentReferences['unknownReferences'] = [];
    const resolve = async (kind: 'service' | 'resource' | 'location') => {
      const externalId = named[kind];
      if (!externalId) return null;
      const { id, placeholder } = await this.directory.ensure(`${kind}s`, clinicId, externalId);
      if (placeholder) unknownReferences.push(kind);
      return id;
    };
    const [serviceId, resourceId, locationId] = [
      await resolve('service'),
      await resolve('resource'),
      await resolve('location'),
    ];
    return { patientId, serviceId, resourceId, locationId, unknownReferences };
  }

  /** `patientIds`: the patients' ids by external id (a new id after an erasure: `PatientService.idsForExternal`). */
  private toDocument(
    clinicId: string,
    event: PmsEvent,
    patientIds: Map<string, string>,
  ): Omit<EventDocument, 'clinicId'> {
    return {
      _id: this.eventDocumentId(clinicId, event.id),
      eventId: event.id,
      type: event.type,
      occurredAt: new Date(event.occurredAt),
      receivedAt: this.clock.now(),
      payload: event,
      appointmentId: event.appointment
        ? this.appointments.idFor(clinicId, event.appointment.externalId)
        : null,
      patientId: event.patient ? patientIds.get(event.patient.externalId)! : null,
      resourceId: resourceExternalId(event)
        ? directoryIdFor('resources', clinicId, resourceExternalId(event)!)
        : null,
      engine: { status: 'pending' },
    };
  }

  private eventDocumentId(clinicId: string, eventId: string) {
    return externalDocumentId('evt', clinicId, eventId);
  }

  /** The clinic's zone and country for a request: not found when the clinic has no settings. */
  private async clinicOf(clinicId: string): Promise<ClinicFacts> {
    const facts = await this.clinic(clinicId);
    if (!facts) throw AppError.notFound('This clinic has no settings');
    return facts;
  }

  /** The clinic's zone and country, read at most every few seconds per clinic (intake is the hot path). */
  private async clinic(clinicId: string): Promise<ClinicFacts | null> {
    const now = this.clock.now().getTime();
    const cached = this.clinicFacts.get(clinicId);
    if (cached && cached.until > now) return cached.facts;
    const settings = await this.settings.find(clinicId);
    if (!settings) return null;
    const facts = { timeZone: settings.timeZone, country: settings.country };
    if (this.clinicFacts.size >= 10_000) this.clinicFacts.clear();
    this.clinicFacts.set(clinicId, { facts, until: now + CLINIC_FACTS_TTL_MS });
    return facts;
  }
}

/** The external ids of the patients these events carry. */
function patientExternalIds(events: readonly PmsEvent[]): string[] {
  return events.flatMap((event) => (event.patient ? [event.patient.externalId] : []));
}
