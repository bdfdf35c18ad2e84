import type { Channel } from '@clinicflow/contract';
import { reportsRead, sampleContext, type SimulatedReceipt } from '@clinicflow/rules';
import { clinicLocalToInstant, instantToClinicLocal } from '../../send/utils/clinicDateTime';
import {
  sampleFromDirectory,
  type DirectoryAppointment,
  type DirectoryPatient,
  type DirectoryResource,
} from './sampleFromDirectory';

/** Where the simulation's patient and appointment come from: one of the clinic's, or made up in a form. */
export type SampleSource = 'clinic' | 'form';

/** A made-up patient and appointment, in the clinic's words and clinic-local date and time. */
export interface MadeUpAppointment {
  firstName: string;
  lastName: string;
  language: string;
  /** Clinic-local day (`yyyy-MM-dd`) and time (`HH:mm`) of the appointment. */
  day: string;
  time: string;
  serviceId: string | null;
  resourceId: string | null;
  source: 'online' | 'staff';
}

/** A reply the patient sends during the simulation: "replies OUI on Tue 12/05 at 18:05" (clinic-local). */
export interface ScriptedReply {
  text: string;
  day: string;
  time: string;
}

/** What a receipt says of a ladder's message: delivered, read (WhatsApp only) or failed. */
export type ReceiptStatus = SimulatedReceipt['status'];

/**
 * A receipt of the message a "Reach the patient" step sent on a channel: "the WhatsApp message is read on Tue
 * 12/05 at 10:05" (clinic-local).
 */
export interface ScriptedReceipt {
  channel: Channel;
  status: ReceiptStatus;
  day: string;
  time: string;
}

/** The statuses a channel's receipts can say: only WhatsApp reports that a message was read. */
export function receiptStatusesOf(channel: Channel): ReceiptStatus[] {
  return reportsRead(channel) ? ['delivered', 'read', 'failed'] : ['delivered', 'failed'];
}

/** A receipt moved to another channel; a "read" becomes "delivered" where the channel cannot report reads. */
export function receiptOnChannel(receipt: ScriptedReceipt, channel: Channel): ScriptedReceipt {
  const status = receiptStatusesOf(channel).includes(receipt.status) ? receipt.status : 'delivered';
  return { ...receipt, channel, status };
}

/** Everything the simulation panel asks, as the user sees it (dates and times in the clinic's zone). */
export interface SimulationForm {
  eventType: string;
  source: SampleSource;
  picked: { patient: DirectoryPatient; appointment: DirectoryAppointment | null } | null;
  made: MadeUpAppointment;
  /** The sample as JSON, for the rare case a form cannot say (kept behind "advanced"). */
  advanced: boolean;
  json: string;
  eventDay: string;
  eventTime: string;
  replies: ScriptedReply[];
  /** Receipts of the messages of "Reach the patient" steps (none: nobody reads or receives anything). */
  receipts: ScriptedReceipt[];
  /** The last clinic-local day simulated (to its end). */
  untilDay: string;
}

/** The clinic's services and practitioners the form picks from. */
export interface SampleDirectory {
  services: readonly { id: string; name: string }[];
  resources: readonly DirectoryResource[];
}

/** A field of the form whose value cannot be read, and why (the panel shows it on that field). */
export class SimulationInputError extends Error {
  constructor(
    readonly field: 'json' | 'event' | 'appointment' | 'reply' | 'receipt' | 'until',
    message: string,
  ) {
    super(message);
    this.name = 'SimulationInputError';
  }
}

/** A clinic-local day moved by some days (calendar days: no zone, no daylight saving). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The rules library's sample patient and appointment as JSON (parts left out come from the clinic). */
export const baseSampleJson = (() => {
  const { patient, appointment, service, resource } = sampleContext;
  return JSON.stringify({ patient, appointment, service, resource }, null, 2);
})();

/**
 * A form ready to run: a patient booked online today for an appointment in a week at 10:00, simulated until two
 * days after it; the first of the clinic's services and practitioners.
 */
export function defaultSimulationForm(
  eventType: string,
  now: Date,
  timeZone: string,
  directory: SampleDirectory = { services: [], resources: [] },
): SimulationForm {
  const today = instantToClinicLocal(now, timeZone).slice(0, 10);
  const day = addDays(today, 7);
  const { patient } = sampleContext;
  return {
    eventType,
    source: 'form',
    picked: null,
    made: {
      firstName: patient.firstName ?? '',
      lastName: patient.lastName ?? '',
      language: patient.language ?? 'fr',
      day,
      time: '10:00',
      serviceId: directory.services[0]?.id ?? null,
      resourceId: directory.resources[0]?.id ?? null,
      source: 'online',
    },
    advanced: false,
    json: baseSampleJson,
    eventDay: today,
    eventTime: '09:00',
    replies: [],
    receipts: [],
    untilDay: addDays(day, 2),
  };
}

const international = (phone?: string | null) =>
  phone?.startsWith('+') ? phone.replace(/\s+/g, '') : undefined;

/** The instant of a clinic-local day and time, or the error naming the field. */
function instantOf(day: string, time: string, timeZone: string, field: SimulationInputError['field']) {
  const at = clinicLocalToInstant(`${day}T${time}`, timeZone);
  if (!at) throw new SimulationInputError(field, `${day} ${time}`);
  return at;
}

/** The made-up patient and appointment as the simulation's context (the rest comes from the sample). */
function madeUpSample(made: MadeUpAppointment, directory: SampleDirectory, timeZone: string) {
  const start = instantOf(made.day, made.time, timeZone, 'appointment');
  const end = new Date(Date.parse(start) + 30 * 60_000).toISOString();
  const service = directory.services.find((s) => s.id === made.serviceId);
  const resource = directory.resources.find((r) => r.id === made.resourceId);
  return {
    patient: {
      ...sampleContext.patient,
      firstName: made.firstName.trim() || sampleContext.patient.firstName,
      lastName: made.lastName.trim() || sampleContext.patient.lastName,
      language: made.language,
    },
    appointment: {
      ...sampleContext.appointment,
      start,
      end,
      source: made.source,
      serviceId: service?.id ?? sampleContext.appointment?.serviceId,
      resourceId: resource?.id ?? sampleContext.appointment?.resourceId,
    },
    // the clinic's real service and practitioner, so its channel switches for them apply
    service: service
      ? { ...sampleContext.service, id: service.id, name: service.name }
      : sampleContext.service,
    resource: resource
      ? {
          id: resource.id,
          name: resource.name,
          email: resource.email ?? undefined,
          mobile: international(resource.phone),
        }
      : sampleContext.resource,
  };
}

/** The sample the form describes: the JSON when "advanced" is on, else the picked patient or the made-up one. */
export function sampleOf(
  form: SimulationForm,
  directory: SampleDirectory,
  timeZone: string,
): Record<string, unknown> {
  if (form.advanced) {
    try {
      return JSON.parse(form.json) as Record<string, unknown>;
    } catch (error) {
      throw new SimulationInputError('json', (error as Error).message);
    }
  }
  if (form.source === 'clinic' && form.picked) {
    const { patient, appointment } = form.picked;
    return JSON.parse(sampleFromDirectory(baseSampleJson, patient, appointment ?? undefined)) as Record<
      string,
      unknown
    >;
  }
  return madeUpSample(form.made, directory, timeZone);
}

/** The request of `POST /api/flows/:id/simulate` the form describes; times go out as instants. */
export function simulationRequestOf(form: SimulationForm, directory: SampleDirectory, timeZone: string) {
  const receipts: SimulatedReceipt[] = form.receipts
    .filter((receipt) => receipt.day && receipt.time)
    .map(({ channel, status, day, time }) => ({
      at: instantOf(day, time, timeZone, 'receipt'),
      channel,
      status,
    }));
  return {
    context: sampleOf(form, directory, timeZone),
    event: { type: form.eventType, at: instantOf(form.eventDay, form.eventTime, timeZone, 'event') },
    replies: form.replies
      .filter((reply) => reply.text.trim() && reply.day && reply.time)
      .map((reply) => ({ at: instantOf(reply.day, reply.time, timeZone, 'reply'), text: reply.text.trim() })),
    // none scripted: left out, as the request was before receipts
    ...(receipts.length > 0 ? { receipts } : {}),
    until: instantOf(form.untilDay, '23:59', timeZone, 'until'),
  };
}

/** A picked appointment sets the moments around it: booked ten days before, simulated until two days after. */
export function momentsAround(
  start: string,
  timeZone: string,
): Pick<SimulationForm, 'eventDay' | 'eventTime' | 'untilDay'> {
  const local = instantToClinicLocal(new Date(start), timeZone);
  const day = local.slice(0, 10);
  return { eventDay: addDays(day, -10), eventTime: local.slice(11, 16), untilDay: addDays(day, 2) };
}
