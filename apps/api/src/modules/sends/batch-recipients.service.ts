import { Injectable } from '@nestjs/common';
import { applyChannelToggles, channelAllowed, hasConsent, type EvaluationContext } from '@clinicflow/rules';
import type { AppointmentDocument } from '../appointments/appointment.repository';
import { AppointmentService } from '../appointments/appointment.service';
import { DeliveryStatsRepository } from '../deliveries/delivery-stats.repository';
import type { DirectoryDocument, PatientDocument } from '../directory/directory.repository';
import { DirectoryService } from '../directory/directory.service';
import { patientConsentContext } from '../directory/patient-consent-context';
import { PatientService } from '../directory/patient.service';
import { clinicContextOf } from '../settings/clinic-context';
import type { SettingsDocument } from '../settings/settings.repository';
import { SettingsService } from '../settings/settings.service';
import { patientAddress, patientName } from './send-address';
import type { BatchQuery } from './send.dto';

/**
 * One recipient of a batch preview: an appointment and its patient (its id is the appointment's), or, in a
 * batch of every patient, the patient alone (its id is the patient's); `problem` when it cannot be sent.
 */
export interface BatchRow {
  id: string;
  appointmentId: string | null;
  start: Date | null;
  patient: { id: string; name: string } | null;
  language: string | null;
  address: string | null;
  serviceId: string | null;
  resourceId: string | null;
  alreadySent: boolean;
  problem: string | null;
}

/**
 * F11: who a batch goes to. The appointments of a range of days (by practitioner, service, specialty, status,
 * already sent or not), or every patient of the clinic (`mode: patients`); both narrowed by the patient's group
 * and insurer. A row that cannot be sent says why: no address on the channel, the channel switched off (for the
 * clinic, the service or the practitioner), or no consent under the clinic's consent mode. The same checks are
 * made again when each message goes (the dispatcher's last checks).
 */
@Injectable()
export class BatchRecipientsService {
  constructor(
    private readonly settings: SettingsService,
    private readonly appointments: AppointmentService,
    private readonly patients: PatientService,
    private readonly directory: DirectoryService,
    private readonly sent: DeliveryStatsRepository,
  ) {}

  /** The rows of a query: appointments in start order, or patients by name. */
  async rows(clinicId: string, query: BatchQuery): Promise<BatchRow[]> {
    const settings = await this.settings.get(clinicId);
    return query.mode === 'patients'
      ? this.patientRows(clinicId, query, settings)
      : this.appointmentRows(clinicId, query, settings);
  }

  private async patientRows(clinicId: string, query: BatchQuery, settings: SettingsDocument) {
    const patients = (await this.patients.everyPatient(clinicId)).filter((p) => patientMatches(p, query));
    return patients.map((patient) => ({
      ...recipient(patient, query, settings, null),
      id: patient._id,
      appointmentId: null,
      start: null,
      serviceId: null,
      resourceId: null,
      alreadySent: false,
    }));
  }

  private async appointmentRows(clinicId: string, query: BatchQuery, settings: SettingsDocument) {
    const found = await this.appointments.matching(clinicId, {
      fromDay: query.from,
      toDay: query.to,
      statuses: query.appointmentStatuses,
      resourceId: query.resourceId,
      serviceId: query.serviceId,
    });
    const appointments = query.specialty ? await this.ofSpecialty(clinicId, found, query.specialty) : found;
    const patientIds = appointments.map((a) => a.patientId).filter((id): id is string => !!id);
    const patients = new Map((await this.patients.findByIds(clinicId, patientIds)).map((p) => [p._id, p]));
    const sent = await this.sent.appointmentsWithSent(
      clinicId,
      appointments.map((a) => a._id),
      query.channel,
    );
    const rows: BatchRow[] = [];
    for (const appointment of appointments) {
      const patient = appointment.patientId ? patients.get(appointment.patientId) : undefined;
      if ((query.insurer || query.patientGroup) && (!patient || !patientMatches(patient, query))) continue;
      const alreadySent = sent.has(appointment._id);
      if (query.sent === 'sent' && !alreadySent) continue;
      if (query.sent === 'not-sent' && alreadySent) continue;
      const about = patient
        ? recipient(patient, query, settings, appointment)
        : { patient: null, language: null, address: null, problem: 'The appointment has no patient.' };
      rows.push({
        ...about,
        id: appointment._id,
        appointmentId: appointment._id,
        start: appointment.start,
        serviceId: appointment.serviceId,
        resourceId: appointment.resourceId,
        alreadySent,
      });
    }
    return rows;
  }

  /** The appointments whose service's group or practitioner's specialty is `specialty` (any case). */
  private async ofSpecialty(clinicId: string, appointments: AppointmentDocument[], specialty: string) {
    const distinct = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => !!id))];
    const read = async (kind: 'services' | 'resources', ids: string[]) =>
      (await Promise.all(ids.map((id) => this.directory.findById(kind, clinicId, id)))).filter(
        (entry): entry is DirectoryDocument => entry !== null,
      );
    const [services, resources] = await Promise.all([
      read('services', distinct(appointments.map((a) => a.serviceId))),
      read('resources', distinct(appointments.map((a) => a.resourceId))),
    ]);
    const serviceIds = new Set(services.filter((s) => sameText(s.group, specialty)).map((s) => s._id));
    const resourceIds = new Set(resources.filter((r) => sameText(r.specialty, specialty)).map((r) => r._id));
    return appointments.filter(
      (a) => (a.serviceId && serviceIds.has(a.serviceId)) || (a.resourceId && resourceIds.has(a.resourceId)),
    );
  }
}

/** Whether a patient is in the query's group and with its insurer (each when asked). */
function patientMatches(patient: PatientDocument, query: BatchQuery): boolean {
  if (query.insurer && !sameText(patient.insurer, query.insurer)) return false;
  if (query.patientGroup && !(patient.groups ?? []).some((group) => sameText(group, query.patientGroup!))) {
    return false;
  }
  return true;
}

/** A patient as a recipient on the query's channel: the address, or why the message cannot go. */
function recipient(
  patient: PatientDocument,
  query: BatchQuery,
  settings: SettingsDocument,
  appointment: AppointmentDocument | null,
): Pick<BatchRow, 'patient' | 'language' | 'address' | 'problem'> {
  const address = patientAddress(query.channel, patient);
  return {
    patient: { id: patient._id, name: patientName(patient) },
    language: patient.language ?? null,
    address: address.ok ? address.address : null,
    problem: address.ok ? gateProblem(query.channel, patient, settings, appointment) : address.reason,
  };
}

/** Why the clinic's switches (T1, T2) or the patient's consent (T3) keep a batch message from going, or null. */
function gateProblem(
  channel: BatchQuery['channel'],
  patient: PatientDocument,
  settings: SettingsDocument,
  appointment: AppointmentDocument | null,
): string | null {
  const context: EvaluationContext = applyChannelToggles(
    {
      clinic: clinicContextOf(settings),
      patient: patientConsentContext(patient),
      service: appointment?.serviceId ? { id: appointment.serviceId } : undefined,
      resource: appointment?.resourceId ? { id: appointment.resourceId } : undefined,
      event: { type: 'manual', at: new Date(0).toISOString() },
    },
    settings.channelToggles,
  );
  const gate = channelAllowed(channel, context, true);
  const reason = gate ? gate.reason : hasConsent(channel, context, 'notice');
  return reason ? `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.` : null;
}

function sameText(value: unknown, wanted: string): boolean {
  return typeof value === 'string' && value.trim().toLowerCase() === wanted.trim().toLowerCase();
}
