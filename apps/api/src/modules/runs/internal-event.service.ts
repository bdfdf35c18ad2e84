import { Injectable } from '@nestjs/common';
import { externalDocumentId } from '../../common/ids';
import { AppointmentService } from '../appointments/appointment.service';
import { EventService } from '../events/event.service';

/**
 * Events the engine raises itself: a reply that confirms an appointment is recorded as an internal
 * `appointment.confirmed` event (its id derived from the run, so once), like a PMS event, through the
 * events' outbox; the flows that start on it start when it is processed.
 */
@Injectable()
export class InternalEventService {
  constructor(
    private readonly events: EventService,
    private readonly appointments: AppointmentService,
  ) {}

  /** Records that run `runId` confirmed the appointment; answers the event's `_id`, or null when recorded before. */
  async recordConfirmation(
    clinicId: string,
    appointmentId: string,
    runId: string,
    now: Date,
  ): Promise<string | null> {
    const appointment = await this.appointments.find(clinicId, appointmentId);
    if (!appointment) return null;
    const eventId = `internal:${runId}:confirmed`;
    const _id = externalDocumentId('evt', clinicId, eventId);
    const recorded = await this.events.record(clinicId, {
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
    return recorded === 'recorded' ? _id : null;
  }
}
