import { Injectable } from '@nestjs/common';
import { ownAppointmentDay, type PatientDayAppointment, type PatientDayContext } from '@clinicflow/channels';
import { clinicDay } from '../../common/clinic-day';
import { AppointmentService } from '../appointments/appointment.service';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import { DirectoryService } from '../directory/directory.service';
import type { SettingsDocument } from '../settings/settings.repository';

/** The appointments a message names, and their ids when they are more than its own (they are then written down). */
export interface NamedAppointments {
  day: PatientDayContext;
  ids: string[] | null;
}

const nameOf = (entry: { name?: unknown } | null) =>
  typeof entry?.name === 'string' ? entry.name : undefined;

/**
 * What `appointments.*` shows (docs/engine.md, "One message per patient per day"): the message's own
 * appointment; for a reminder (not a question) when the clinic sends one message per patient per day, also
 * the patient's other appointments of that day still to come, read when it is written. Their own reminders
 * are then not sent: the rules' planning finds their appointment among those this one named.
 */
@Injectable()
export class SameDayAppointmentsService {
  constructor(
    private readonly appointments: AppointmentService,
    private readonly directory: DirectoryService,
  ) {}

  async of(delivery: DeliveryDocument, settings: SettingsDocument): Promise<NamedAppointments | undefined> {
    const own = ownAppointmentDay(delivery.templateData ?? {});
    if (!own) return undefined;
    const { clinicId, patientId, appointmentId } = delivery;
    const merging =
      settings.limits.mergeSameDayReminders === true &&
      delivery.purpose === 'reminder' &&
      !delivery.expectsReply &&
      delivery.recipient.type === 'patient';
    if (!merging || !patientId || !appointmentId) return { day: own, ids: null };
    const day = clinicDay(new Date(own.list[0].start), settings.timeZone);
    const others = (
      await this.appointments.matching(clinicId, {
        patientId,
        fromDay: day,
        toDay: day,
        statuses: ['booked', 'confirmed'],
      })
    ).filter((appointment) => appointment._id !== appointmentId && appointment.start);
    if (others.length === 0) return { day: own, ids: null };
    const lines = await Promise.all(
      others.map(async (appointment): Promise<PatientDayAppointment> => {
        const [service, resource, location] = await Promise.all([
          appointment.serviceId ? this.directory.findById('services', clinicId, appointment.serviceId) : null,
          appointment.resourceId
            ? this.directory.findById('resources', clinicId, appointment.resourceId)
            : null,
          appointment.locationId
            ? this.directory.findById('locations', clinicId, appointment.locationId)
            : null,
        ]);
        const line: PatientDayAppointment = { start: appointment.start!.toISOString() };
        if (nameOf(service)) line.serviceName = nameOf(service);
        if (nameOf(resource)) line.resourceName = nameOf(resource);
        if (nameOf(location)) line.locationName = nameOf(location);
        return line;
      }),
    );
    return {
      day: { list: [...own.list, ...lines] },
      ids: [appointmentId, ...others.map((appointment) => appointment._id)],
    };
  }
}
