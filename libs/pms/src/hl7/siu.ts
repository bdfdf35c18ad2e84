import { Hl7Message, type Hl7Segment } from '@medplum/core';
import type { AppointmentStatus, EventType, PmsEvent } from '@clinicflow/contract';
import { repetitionsOf, valueOf } from './fields';
import { hl7Day, hl7Instant } from './timestamp';

/** What MSH says of a message: enough to find its clinic and answer it before reading the rest. */
export interface Hl7Header {
  /** MSH-10, the sender's id of this message: the event's id, so the same message twice is stored once. */
  controlId: string;
  /** MSH-3 (its first component): the application that sent it (a clinic may name its online agenda's). */
  application: string;
  /** MSH-4 (its first component): the clinic's system, mapped to the clinic in its settings. */
  facility: string;
  /** MSH-8: the clinic's shared secret, when it authenticates by secret. */
  security: string;
  /** MSH-9, as `SIU^S12`. */
  type: string;
  /** MSH-12. */
  version: string;
}

export type Hl7Reading = { message: Hl7Message; header: Hl7Header } | { problem: string };

/** Parses a message's text and reads its header; a problem names the field that is missing or wrong. */
export function readHl7(text: string): Hl7Reading {
  let message: Hl7Message;
  try {
    message = Hl7Message.parse(text.replace(/^[\r\n]+/, '').replace(/[\r\n]+$/, ''));
  } catch {
    return { problem: 'MSH: the message does not start with an MSH segment' };
  }
  const msh = message.getSegment('MSH')!;
  const header: Hl7Header = {
    controlId: valueOf(msh, 10),
    application: valueOf(msh, 3),
    facility: valueOf(msh, 4),
    security: valueOf(msh, 8),
    type: [valueOf(msh, 9, 1), valueOf(msh, 9, 2)].filter(Boolean).join('^'),
    version: valueOf(msh, 12),
  };
  if (!header.controlId) return { problem: 'MSH-10: the message control id is missing' };
  if (!header.facility) return { problem: 'MSH-4: the sending facility is missing' };
  if (!/^2\.(3|3\.1|4|5|5\.1|6|7|7\.1|8|8\.1|8\.2|9)$/.test(header.version))
    return { problem: `MSH-12: version ${header.version || '(none)'} is not HL7 v2.3 or later` };
  return { message, header };
}

/** The scheduling messages clinicflow reads (SIU), by trigger. */
export const SIU_TRIGGERS = ['S12', 'S13', 'S14', 'S15', 'S17', 'S26'] as const;
type SiuTrigger = (typeof SIU_TRIGGERS)[number];

/** The event each trigger is; S14 (modified) says a state, whose event depends on what is stored. */
const EVENT_OF_TRIGGER: Record<Exclude<SiuTrigger, 'S14'>, EventType> = {
  S12: 'appointment.booked',
  S13: 'appointment.rescheduled',
  S15: 'appointment.cancelled',
  S17: 'appointment.cancelled',
  S26: 'appointment.no_show',
};

/** SCH-25, the filler status (HL7 table 0278), as an appointment status; what is not listed is booked. */
const STATUS_OF_FILLER: Record<string, AppointmentStatus> = {
  CANCELLED: 'cancelled',
  DELETED: 'cancelled',
  DC: 'cancelled',
  NOSHOW: 'no_show',
  COMPLETE: 'attended',
  STARTED: 'attended',
  CONFIRMED: 'confirmed',
};

/** A SIU message read: an event (`kind: 'event'`), or a state whose event the stored appointment decides. */
export type SiuReading =
  { kind: 'event' | 'state'; event: PmsEvent } | { problem: string; unsupported?: boolean };

/** What the clinic's connection tells the reading: its zone, and which sending applications book online. */
export interface SiuContext {
  /** The clinic's zone: times written without an offset are its wall times. */
  timeZone: string;
  /** MSH-3 values of the clinic's online booking (its bookings are `online`, the others `pms`). */
  onlineApplications?: readonly string[];
}

/**
 * Reads a SIU message (S12, S13, S14, S15, S17, S26; v2.3 to v2.5.1) into clinicflow's event: SCH the
 * appointment, PID the patient, AIS the service, AIP (or AIG) the practitioner, AIL the location, NTE the notes.
 * A problem names the segment or field and the reason.
 */
export function readSiu(message: Hl7Message, header: Hl7Header, context: SiuContext): SiuReading {
  const { timeZone } = context;
  const online = (context.onlineApplications ?? []).some(
    (a) => a.toUpperCase() === header.application.toUpperCase(),
  );
  const [kind, trigger] = header.type.split('^');
  if (kind !== 'SIU' || !SIU_TRIGGERS.includes(trigger as SiuTrigger))
    return {
      problem: `MSH-9: ${header.type || '(none)'} is not a message clinicflow reads (SIU^${SIU_TRIGGERS.join(', ')})`,
      unsupported: true,
    };
  const sch = message.getSegment('SCH');
  if (!sch) return { problem: 'SCH: the segment is missing (the appointment)' };
  const externalId = valueOf(sch, 2) || valueOf(sch, 1);
  if (!externalId) return { problem: 'SCH-2: the appointment id is missing (neither SCH-2 nor SCH-1)' };
  const evn = message.getSegment('EVN');
  const sentAt = valueOf(evn, 2) || valueOf(message.getSegment('MSH'), 7);
  const occurredAt = hl7Instant(sentAt, timeZone, 'day');
  if (!occurredAt) return { problem: `MSH-7: ${sentAt || '(none)'} is not an HL7 date-time` };

  const times = timesOf(message, sch, timeZone);
  if ('problem' in times) return { problem: times.problem };
  const status =
    trigger === 'S14' ? (STATUS_OF_FILLER[valueOf(sch, 25).toUpperCase()] ?? 'booked') : undefined;
  const notes = message
    .getAllSegments('NTE')
    .map((nte) => valueOf(nte, 3))
    .filter(Boolean)
    .join('\n');
  const appointment = definedOnly({
    externalId,
    ...times,
    status,
    source: online ? ('online' as const) : ('pms' as const),
    serviceExternalId: valueOf(message.getSegment('AIS'), 3) || valueOf(sch, 7) || undefined,
    resourceExternalId:
      valueOf(message.getSegment('AIP'), 3) || valueOf(message.getSegment('AIG'), 3) || undefined,
    locationExternalId: locationOf(message.getSegment('AIL')),
    notes: notes ? notes.slice(0, 2000) : undefined,
  });
  const pid = message.getSegment('PID');
  const patient = pid ? patientOf(pid) : undefined;
  if (pid && !patient) return { problem: 'PID-3: the patient id is missing' };
  const event = definedOnly({
    id: `hl7:${header.controlId}`,
    type: trigger === 'S14' ? 'appointment.booked' : EVENT_OF_TRIGGER[trigger as Exclude<SiuTrigger, 'S14'>],
    occurredAt,
    appointment,
    patient,
  }) as PmsEvent;
  return { kind: trigger === 'S14' ? 'state' : 'event', event };
}

/** SCH-11's start and end (TQ.4, TQ.5), else the first resource segment's start and duration. */
function timesOf(
  message: Hl7Message,
  sch: Hl7Segment,
  timeZone: string,
): { start?: string; end?: string } | { problem: string } {
  const resource = ['AIS', 'AIG', 'AIL', 'AIP'].map((name) => message.getSegment(name)).find(Boolean);
  // start date-time, duration and its units: AIS-4/7/8, AIG-8/11/12, AIL and AIP-6/9/10
  const at = { AIS: [4, 7, 8], AIG: [8, 11, 12], AIL: [6, 9, 10], AIP: [6, 9, 10] }[resource?.name ?? 'AIS']!;
  const startText = valueOf(sch, 11, 4) || valueOf(resource, at[0]);
  if (!startText) return {};
  const start = hl7Instant(startText, timeZone);
  if (!start) return { problem: `SCH-11: the start ${startText} is not an HL7 date-time to the minute` };
  const endText = valueOf(sch, 11, 5);
  if (endText) {
    const end = hl7Instant(endText, timeZone);
    if (!end) return { problem: `SCH-11: the end ${endText} is not an HL7 date-time to the minute` };
    return { start, end };
  }
  const [duration, units] = valueOf(resource, at[1])
    ? [valueOf(resource, at[1]), valueOf(resource, at[2])]
    : [valueOf(sch, 9), valueOf(sch, 10)];
  if (!duration) return { start };
  const minutes = Number(duration) * minutesPer(units);
  if (!Number.isFinite(minutes) || minutes <= 0)
    return { problem: `SCH-9: the duration ${duration} ${units} is not a duration` };
  return { start, end: new Date(Date.parse(start) + minutes * 60_000).toISOString() };
}

/** Minutes per unit of an HL7 duration (ISO+ or ANSI units; minutes when not said). */
function minutesPer(units: string): number {
  const unit = units.toUpperCase();
  if (['S', 'SEC', 'SECONDS'].includes(unit)) return 1 / 60;
  if (['H', 'HR', 'HOURS', 'HOUR'].includes(unit)) return 60;
  if (['D', 'DAY', 'DAYS'].includes(unit)) return 1440;
  if (['', 'M', 'MIN', 'MINUTES', 'MINUTE'].includes(unit)) return 1;
  return Number.NaN;
}

/** AIL-3: the facility of the place (PL.4), else its point of care (PL.1). */
function locationOf(ail: Hl7Segment | undefined): string | undefined {
  return valueOf(ail, 3, 4) || valueOf(ail, 3, 1) || undefined;
}

/** ISO 639-2 codes PMSs write in PID-15, as the two-letter codes clinicflow speaks. */
const LANGUAGE_OF: Record<string, string> = {
  FRE: 'fr',
  FRA: 'fr',
  ENG: 'en',
  SPA: 'es',
  NOR: 'nb',
  NOB: 'nb',
  NNO: 'nn',
  ITA: 'it',
  GER: 'de',
  DEU: 'de',
};

/** PID: the patient, by PID-3 (the repetition typed MR or PI first), PID-5 the name, PID-13 phone and e-mail. */
function patientOf(pid: Hl7Segment): PmsEvent['patient'] | undefined {
  const ids = Array.from({ length: repetitionsOf(pid, 3) }, (_, r) => ({
    id: valueOf(pid, 3, 1, r),
    type: valueOf(pid, 3, 5, r).toUpperCase(),
  })).filter((cx) => cx.id);
  const externalId =
    (ids.find((cx) => cx.type === 'MR' || cx.type === 'PI') ?? ids[0])?.id || valueOf(pid, 2);
  if (!externalId) return undefined;
  const language = valueOf(pid, 15).toUpperCase();
  const contacts = contactsOf(pid);
  return definedOnly({
    externalId,
    lastName: valueOf(pid, 5, 1) || undefined,
    firstName: valueOf(pid, 5, 2) || undefined,
    birthDate: hl7Day(valueOf(pid, 7)) ?? undefined,
    language: LANGUAGE_OF[language] ?? (/^[A-Z]{2}$/.test(language) ? language.toLowerCase() : undefined),
    ...contacts,
  }) as PmsEvent['patient'];
}

/**
 * PID-13 (and PID-14): the mobile is the number typed CP (cellular), else the first telephone; the e-mail is
 * the repetition typed NET or Internet. A number is XTN.12 (unformatted), else XTN.5-7, else XTN.1 (v2.3).
 */
function contactsOf(pid: Hl7Segment): { mobile?: string; email?: string } {
  const numbers = [13, 14].flatMap((field) =>
    Array.from({ length: repetitionsOf(pid, field) }, (_, r) => ({
      use: valueOf(pid, field, 2, r).toUpperCase(),
      equipment: valueOf(pid, field, 3, r).toUpperCase(),
      email: valueOf(pid, field, 4, r),
      number:
        valueOf(pid, field, 12, r) ||
        [
          valueOf(pid, field, 5, r) && `+${valueOf(pid, field, 5, r).replace(/^\+/, '')}`,
          valueOf(pid, field, 6, r),
          valueOf(pid, field, 7, r),
        ].join('') ||
        valueOf(pid, field, 1, r),
    })),
  );
  const isEmail = (x: (typeof numbers)[number]) =>
    x.use === 'NET' || x.equipment === 'INTERNET' || x.equipment === 'X.400';
  const phones = numbers.filter((x) => !isEmail(x) && x.equipment !== 'FX' && x.number);
  const mobile = (phones.find((x) => x.equipment === 'CP') ?? phones[0])?.number;
  const mail = numbers.find(isEmail);
  const email = mail ? mail.email || mail.number : undefined;
  return definedOnly({ mobile, email: email || undefined });
}

/** The object without its undefined fields (the event schema reads absent, not undefined). */
function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Where each field of the event comes from in a SIU message, to name it in an error the PMS reads. */
const FIELD_OF_PATH: Record<string, string> = {
  id: 'MSH-10',
  occurredAt: 'MSH-7',
  appointment: 'SCH',
  'appointment.externalId': 'SCH-2',
  'appointment.start': 'SCH-11.4 (the start)',
  'appointment.end': 'SCH-11.5 (the end, or a duration in SCH-9 or AIS-7)',
  'appointment.notes': 'NTE-3',
  'appointment.serviceExternalId': 'AIS-3',
  'appointment.resourceExternalId': 'AIP-3',
  'appointment.locationExternalId': 'AIL-3',
  patient: 'PID',
  'patient.externalId': 'PID-3',
  'patient.lastName': 'PID-5',
  'patient.firstName': 'PID-5',
  'patient.birthDate': 'PID-7',
  'patient.mobile': 'PID-13',
  'patient.email': 'PID-13',
  'patient.language': 'PID-15',
};

/** The HL7 segment or field an event's field was read from (`patient.email` → `PID-13`); the path otherwise. */
export function hl7FieldOf(path: string): string {
  return FIELD_OF_PATH[path] ?? path;
}

/** The message's text with MSH-8 (the clinic's secret) blanked out: what may be kept and shown to staff. */
export function withoutSecret(text: string): string {
  const end = text.search(/[\r\n]/);
  const header = end < 0 ? text : text.slice(0, end);
  if (!header.startsWith('MSH') || header.length < 4) return text;
  const fields = header.split(header[3]);
  // MSH-1 is the separator itself: MSH-8 is the eighth piece.
  if (fields.length > 7 && fields[7]) fields[7] = '***';
  return fields.join(header[3]) + (end < 0 ? '' : text.slice(end));
}
