import { Injectable } from '@nestjs/common';
import { externalDocumentId } from '../../common/ids';
import type { PatientFields } from '../directory/directory.dto';
import { PatientService } from '../directory/patient.service';
import { EventService } from '../events/event.service';
import { EventEngineService } from '../runs/event-engine.service';

/** A patient just created, as its `patient.created` event names it. */
export interface NewPatient {
  id: string;
  externalId: string | null;
  createdAt: Date;
}

/**
 * New patients (B1, the trigger "patient created"): a patient created by a PMS event, by the PMS's key or by
 * staff is recorded as an internal `patient.created` event through the events' outbox, like a PMS event, and
 * handed to the engine. The event's id is derived from the patient's, so it is recorded once per patient
 * whoever records it, and the flows it starts run once per patient. The directory never calls up: this
 * module, above the runs, creates the patient through it and then records the event.
 */
@Injectable()
export class PatientIntakeService {
  constructor(
    private readonly patients: PatientService,
    private readonly events: EventService,
    private readonly engine: EventEngineService,
  ) {}

  /** `POST /api/patients`: the patient, then its `patient.created` event, processed at once. */
  async create(clinicId: string, fields: PatientFields, defaultSource: string) {
    const patient = await this.patients.create(clinicId, fields, defaultSource);
    await this.announce(clinicId, patient);
    return patient;
  }

  /** `PUT /api/patients/by-external-id/:externalId`: only a patient this call created is announced. */
  async upsert(clinicId: string, externalId: string, fields: PatientFields, defaultSource: string) {
    const patient = await this.patients.upsert(clinicId, externalId, fields, defaultSource);
    if (patient.created) await this.announce(clinicId, patient);
    return patient;
  }

  /**
   * Records that a patient was created (once per patient: a second call finds it recorded); answers the
   * event's `_id` either way, for the caller to process (processing again starts nothing twice).
   */
  async recordCreated(clinicId: string, patient: NewPatient): Promise<string> {
    const eventId = `internal:${patient.id}:created`;
    const _id = externalDocumentId('evt', clinicId, eventId);
    await this.events.record(clinicId, {
      _id,
      eventId,
      type: 'patient.created',
      occurredAt: patient.createdAt,
      receivedAt: patient.createdAt,
      payload: {
        id: eventId,
        type: 'patient.created',
        occurredAt: patient.createdAt.toISOString(),
        patient: { id: patient.id, externalId: patient.externalId },
      },
      appointmentId: null,
      patientId: patient.id,
      resourceId: null,
      engine: { status: 'pending', applied: true },
    });
    return _id;
  }

  /** Records and processes a new patient's event (a patient as the directory answers it). */
  private async announce(clinicId: string, patient: { id: string; [field: string]: unknown }) {
    const id = await this.recordCreated(clinicId, {
      id: patient.id,
      externalId: (patient.externalId as string | null | undefined) ?? null,
      createdAt: new Date(patient.createdAt as Date),
    });
    await this.engine.processRaised(clinicId, [id]);
  }
}
