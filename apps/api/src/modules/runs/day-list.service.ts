import { Injectable } from '@nestjs/common';
import { dailyMoment, dayAfter, type DayListContext } from '@clinicflow/rules';
import { clinicDay } from '../../common/clinic-day';
import type { AppointmentDocument } from '../appointments/appointment.repository';
import { AppointmentService } from '../appointments/appointment.service';
import type { DirectoryDocument } from '../directory/directory.repository';
import { DirectoryService } from '../directory/directory.service';
import { PatientService } from '../directory/patient.service';
import type { EventDocument } from '../events/event.repository';

/** One run of a daily trigger's event: a practitioner (resource) with appointments the next day. */
export interface DayListTarget {
  appointmentId: null;
  patientId: null;
  resourceId: string;
  /** `daily:<day>:<resource>`: one run per flow, day and practitioner, whatever time the flow fires at. */
  triggerKey: string;
}

/** Appointments a practitioner's list shows: those still on. */
const LISTED = ['booked', 'confirmed'] as const;

/**
 * F10, the practitioners' day lists: a daily trigger's event starts one run per practitioner with appointments
 * on the clinic-local day after the one it fired on, and each run's context holds that practitioner's list
 * (read again whenever the run wakes up, so a list sent after a wait is the list as it is then).
 */
@Injectable()
export class DayListService {
  constructor(
    private readonly appointments: AppointmentService,
    private readonly patients: PatientService,
    private readonly directory: DirectoryService,
  ) {}

  /** The practitioners a daily event starts runs for: those with appointments on the next day. */
  async targets(event: EventDocument, timeZone: string): Promise<DayListTarget[]> {
    const day = clinicDay(event.occurredAt, timeZone);
    const booked = await this.appointments.matching(event.clinicId, {
      fromDay: dayAfter(day),
      toDay: dayAfter(day),
      statuses: LISTED,
    });
    const resourceIds = [...new Set(booked.map((a) => a.resourceId).filter((id): id is string => !!id))];
    return resourceIds.map((resourceId) => ({
      appointmentId: null,
      patientId: null,
      resourceId,
      triggerKey: `daily:${day}:${resourceId}`,
    }));
  }

  /** A practitioner's list of the day after the one a daily event fired on (`firedAt`, clinic-local). */
  async of(clinicId: string, resourceId: string, firedAt: Date, timeZone: string): Promise<DayListContext> {
    const day = dayAfter(clinicDay(firedAt, timeZone));
    const listed = (
      await this.appointments.matching(clinicId, { fromDay: day, toDay: day, statuses: LISTED, resourceId })
    ).filter((a): a is AppointmentDocument & { start: Date } => a.start !== null);
    const [patients, services, locations] = await Promise.all([
      this.patients.findByIds(clinicId, ids(listed.map((a) => a.patientId))),
      this.entries('services', clinicId, ids(listed.map((a) => a.serviceId))),
      this.entries('locations', clinicId, ids(listed.map((a) => a.locationId))),
    ]);
    const patientNames = new Map(
      patients.map((p) => [p._id, [p.firstName, p.lastName].filter(Boolean).join(' ')]),
    );
    const defined = <T extends object>(value: T): T =>
      Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
    return {
      date: dailyMoment(day, '00:00', timeZone).toISO()!,
      count: listed.length,
      appointments: listed.map((appointment) =>
        defined({
          start: appointment.start.toISOString(),
          end: appointment.end?.toISOString(),
          patientName: appointment.patientId ? patientNames.get(appointment.patientId) : undefined,
          serviceName: appointment.serviceId ? services.get(appointment.serviceId) : undefined,
          locationName: appointment.locationId ? locations.get(appointment.locationId) : undefined,
        }),
      ),
    };
  }

  /** Names of directory entries by id (a day has a few services and sites). */
  private async entries(kind: 'services' | 'locations', clinicId: string, entryIds: string[]) {
    const found = await Promise.all(entryIds.map((id) => this.directory.findById(kind, clinicId, id)));
    return new Map(
      found.filter((e): e is DirectoryDocument => e !== null).map((entry) => [entry._id, entry.name]),
    );
  }
}

/** The distinct ids of a list, the missing ones left out. */
function ids(values: (string | null)[]): string[] {
  return [...new Set(values.filter((id): id is string => !!id))];
}

/** The time of day a daily trigger's event fired for ("HH:mm"), or undefined for any other event. */
export function dailyAtOf(event: EventDocument): string | undefined {
  return event.payload.type === 'schedule.daily' ? event.payload.dailyAt : undefined;
}
