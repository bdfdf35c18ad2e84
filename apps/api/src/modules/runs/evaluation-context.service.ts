import { Injectable } from '@nestjs/common';
import { applyChannelToggles, DAILY_TRIGGER_EVENT, type EvaluationContext } from '@clinicflow/rules';
import type { AppointmentDocument } from '../appointments/appointment.repository';
import { AppointmentService } from '../appointments/appointment.service';
import { DeliveryService } from '../deliveries/delivery.service';
import type { DirectoryDocument, PatientDocument } from '../directory/directory.repository';
import { DirectoryService } from '../directory/directory.service';
import { PatientService } from '../directory/patient.service';
import { patientConsentContext } from '../directory/patient-consent-context';
import { clinicContextOf } from '../settings/clinic-context';
import type { SettingsDocument } from '../settings/settings.repository';
import { SettingsService } from '../settings/settings.service';
import { DayListService } from './day-list.service';

/** What a run is about: its event and the appointment, patient and resource it names. */
export interface ContextSubject {
  /** `dailyAt`: the time of day a daily trigger's event fired for (F10). */
  event: { type: string; at: Date; minutes?: number; dailyAt?: string };
  appointmentId: string | null;
  patientId: string | null;
  resourceId: string | null;
}

/** Parts of the context that cost a scan, read only when the flow can use them. */
export interface ContextNeeds {
  /** The patient's next appointment (recall: "unless booked again meanwhile"). */
  nextAppointment: boolean;
}

export interface BuiltContext {
  context: EvaluationContext;
  settings: SettingsDocument;
  appointment: AppointmentDocument | null;
  /** Whether `context.recentDeliveries` was read (see `withRecentReminders`). */
  recentRemindersRead: boolean;
}

const DAY_MS = 86_400_000;

const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;

/**
 * The rules library's `EvaluationContext` read from the database: the clinic's settings, the patient (consent,
 * attendance, next appointment), the appointment, its service and resource with their channel toggles, its
 * location, the event, and the patient's recent reminders. Read again every time a run wakes up, so
 * conditions see what changed while it waited.
 */
@Injectable()
export class EvaluationContextService {
  constructor(
    private readonly settings: SettingsService,
    private readonly patients: PatientService,
    private readonly appointments: AppointmentService,
    private readonly directory: DirectoryService,
    private readonly deliveries: DeliveryService,
    private readonly dayLists: DayListService,
  ) {}

  async build(
    clinicId: string,
    subject: ContextSubject,
    needs: ContextNeeds,
    now: Date,
    knownSettings?: SettingsDocument,
  ): Promise<BuiltContext | null> {
    const settings = knownSettings ?? (await this.settings.find(clinicId));
    if (!settings) return null;
    const appointment = subject.appointmentId
      ? await this.appointments.find(clinicId, subject.appointmentId)
      : null;
    const patientId = appointment?.patientId ?? subject.patientId;
    const resourceId = appointment?.resourceId ?? subject.resourceId;
    const [patient, service, resource, location] = await Promise.all([
      patientId ? this.patients.find(clinicId, patientId) : null,
      appointment?.serviceId ? this.directory.findById('services', clinicId, appointment.serviceId) : null,
      resourceId ? this.directory.findById('resources', clinicId, resourceId) : null,
      appointment?.locationId ? this.directory.findById('locations', clinicId, appointment.locationId) : null,
    ]);
    const nextAppointmentAt =
      needs.nextAppointment && patientId
        ? await this.appointments.nextStart(clinicId, patientId, appointment?._id ?? null, now)
        : null;
    const context: EvaluationContext = {
      clinic: clinicContextOf(settings),
      patient: patientContext(patient, patientId, nextAppointmentAt?.toISOString() ?? null),
      event: defined({
        type: subject.event.type as EvaluationContext['event']['type'],
        at: subject.event.at.toISOString(),
        minutes: subject.event.minutes,
        dailyAt: subject.event.dailyAt,
      }),
      recentDeliveries: [],
    };
    // F10: a daily trigger's run is about a practitioner's list of the next day.
    if (subject.event.type === DAILY_TRIGGER_EVENT && resourceId) {
      context.dayList = await this.dayLists.of(clinicId, resourceId, subject.event.at, settings.timeZone);
    }
    if (appointment?.start) context.appointment = appointmentContext(appointment, subject);
    if (service) {
      context.service = defined({
        ...entryFields(service),
        recallMonths: (service.recallIntervalMonths as number | null) ?? undefined,
        // templates say {{service.duration}} (C3, the rules' field catalogue)
        duration: (service.durationMinutes as number | null) ?? undefined,
      });
    }
    if (resource) {
      context.resource = defined({
        ...entryFields(resource),
        mobile: (resource.phone as string | null) ?? undefined,
        language: (resource.language as string | null) ?? undefined,
      });
    }
    if (location) context.location = entryFields(location);
    return {
      context: applyChannelToggles(context, settings.channelToggles),
      settings,
      appointment,
      recentRemindersRead: false,
    };
  }

  /**
   * The same context with the patient's reminders already planned (one reminder per person per day, F6):
   * a scan, so read only once an evaluation has planned a reminder.
   */
  async withRecentReminders(clinicId: string, built: BuiltContext, now: Date): Promise<BuiltContext> {
    const patientId = built.context.patient.id;
    const recentDeliveries = patientId ? await this.recentReminders(clinicId, patientId, now) : [];
    return { ...built, context: { ...built.context, recentDeliveries }, recentRemindersRead: true };
  }

  private async recentReminders(clinicId: string, patientId: string, now: Date) {
    const found = await this.deliveries.remindersSince(clinicId, patientId, new Date(now.getTime() - DAY_MS));
    return found.map((d) => ({
      at: d.sendAt.toISOString(),
      channel: d.channel,
      purpose: 'reminder',
      idempotencyKey: d._id,
      ...(d.appointmentId ? { appointmentId: d.appointmentId } : {}),
      ...(d.namedAppointments ? { appointmentIds: d.namedAppointments } : {}),
    }));
  }
}

/** A directory entry's fields for templates: everything but the bookkeeping. */
function entryFields(entry: DirectoryDocument): Record<string, unknown> & { id: string } {
  const {
    _id,
    clinicId: _c,
    searchText: _s,
    createdAt: _a,
    updatedAt: _u,
    placeholder: _p,
    ...fields
  } = entry;
  return { ...defined(fields), id: _id };
}

function patientContext(
  patient: PatientDocument | null,
  patientId: string | null,
  nextAppointmentAt: string | null,
): EvaluationContext['patient'] {
  if (!patient) return patientId ? { id: patientId } : {};
  const { consent, consentPurposes } = patientConsentContext(patient);
  const attendance = patient.attendance ?? { attended: 0, noShows: 0, lastVisitAt: null };
  const referring = patient.referringDoctor as { name?: string; email?: string; phone?: string } | null;
  return defined({
    id: patient._id,
    firstName: patient.firstName,
    lastName: patient.lastName,
    mobile: patient.mobile ?? undefined,
    email: patient.email ?? undefined,
    language: patient.language ?? undefined,
    address: (patient.address as string | null | undefined) ?? undefined,
    insurer: (patient.insurer as string | null | undefined) ?? undefined,
    birthDate: patient.birthDate ?? undefined,
    consent,
    consentPurposes,
    attendance: defined({
      visits: attendance.attended + attendance.noShows,
      noShows: attendance.noShows,
      lastVisitAt: attendance.lastVisitAt ? new Date(attendance.lastVisitAt).toISOString() : undefined,
    }),
    nextAppointmentAt,
    referringDoctor: referring
      ? // `phone` for templates ({{patient.referringDoctor.phone}}), `mobile`: where a step to them sends SMS
        defined({
          name: referring.name,
          email: referring.email,
          phone: referring.phone,
          mobile: referring.phone,
        })
      : undefined,
  });
}

function appointmentContext(
  appointment: AppointmentDocument,
  subject: ContextSubject,
): NonNullable<EvaluationContext['appointment']> {
  const booking =
    subject.event.type === 'appointment.booked' || subject.event.type === 'appointment.rescheduled';
  const confirmation = appointment.confirmation;
  return defined({
    id: appointment._id,
    start: appointment.start!.toISOString(),
    end: appointment.end?.toISOString(),
    status: appointment.status,
    confirmation: confirmation ?? (appointment.status === 'confirmed' ? 'confirmed' : 'pending'),
    source: appointment.source === 'online' ? 'online' : 'staff',
    // The lead time of a booking (F6) counts from the event that set this start.
    bookedAt: (booking ? subject.event.at : appointment.createdAt).toISOString(),
    changedAt: appointment.lastEventAt.toISOString(),
    serviceId: appointment.serviceId ?? undefined,
    resourceId: appointment.resourceId ?? undefined,
    locationId: appointment.locationId ?? undefined,
    notes: appointment.notes ?? undefined,
    recallMonths: appointment.recallMonths ?? undefined,
  });
}
