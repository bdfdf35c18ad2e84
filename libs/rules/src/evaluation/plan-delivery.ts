import { DateTime } from 'luxon';
import type { EvaluationContext } from '../context/evaluation-context.schema';
import type { Channel, QuietHoursPolicy, Recipient } from '../flow/flow-parts.schema';
import type { SendData } from '../flow/send-node.schema';
import { placeInAllowedHours } from '../quiet-hours/place-in-allowed-hours';
import type { QuietHoursCalendar } from '../quiet-hours/quiet-hours-calendar';
import {
  describeLocal,
  instantMillis,
  localDayNumber,
  momentAt,
  shiftMillis,
  utcIsoOf,
} from '../time/clinic-time';
import { channelAllowed, consentGate, type Gate } from './channel-gates';
import type { PlannedDelivery } from './evaluation.types';
import { reasonOf, type Reason } from './reason';
import { SkipReasonCode } from './skip-reason-code';

/** What planning a message needs besides its step; moments are DateTimes, or epoch milliseconds in the evaluator. */
export interface DeliveryPlanning<Moment = DateTime> {
  runId: string;
  nodeId: string;
  context: EvaluationContext;
  now: Moment;
  calendar: QuietHoursCalendar<Moment>;
  policy: QuietHoursPolicy;
  suppressed: string | null;
  /** The suppression as a reason (its cause), when the run state carries it. */
  suppressedWhy?: Reason | null;
  defaultLanguage: string;
  plannedReminders: readonly Moment[];
  expectsReply: boolean;
  /**
   * A later rung of a "Reach the patient" step: the same message on another channel after an earlier one, not a
   * second reminder (the one-reminder-a-day limit does not count it).
   */
  laterRung?: boolean;
}

const addressFields: Record<Channel, 'mobile' | 'email'> = {
  sms: 'mobile',
  voice: 'mobile',
  email: 'email',
  whatsapp: 'mobile',
};

/**
 * The key of a step's message to one recipient (its delivery's idempotency key): the message is planned or
 * skipped under it, once. A custom recipient is keyed by its address.
 */
export function messageKeyOf(
  runId: string,
  nodeId: string,
  recipient: { type: string; address?: string | null },
) {
  const who = recipient.type === 'custom' ? `custom:${recipient.address}` : recipient.type;
  return `${runId}:${nodeId}:${who}`;
}

/** The key of a rung's message of a "reach the patient" step (`rung` 1 for the first). */
export function rungKeyOf(runId: string, nodeId: string, rung: number) {
  return `${runId}:${nodeId}:rung${rung}:patient`;
}

/** The field of a person's contact a channel reaches them at: the mobile number, or the e-mail address. */
export function addressFieldOf(channel: Channel): 'mobile' | 'email' {
  return addressFields[channel];
}

/** The address and name of a recipient on a channel, or why there is none. */
function resolveRecipient(
  recipient: Recipient,
  channel: Channel,
  context: EvaluationContext,
): { address: string; name: string | null } | Gate {
  const field = addressFields[channel];
  const missing = (who: string, name?: string | null): Gate => ({
    code: SkipReasonCode.NoAddress,
    reason: `${who} has no ${field === 'mobile' ? 'mobile number' : 'e-mail address'}`,
    why: reasonOf(field === 'mobile' ? 'no-mobile' : 'no-email', { who: recipient.type, name }),
  });
  const pick = (who: string, party: Record<string, unknown> | undefined, name: unknown) => {
    const address = party?.[field];
    return typeof address === 'string' && address.length > 0
      ? { address, name: typeof name === 'string' ? name : null }
      : missing(who, typeof name === 'string' && recipient.type === 'resource' ? name : null);
  };
  const patient = context.patient;
  switch (recipient.type) {
    case 'patient':
      return pick(
        'patient',
        patient,
        [patient.firstName, patient.lastName].filter(Boolean).join(' ') || null,
      );
    case 'resource':
      return pick(context.resource?.name ?? 'the resource', context.resource, context.resource?.name);
    case 'referring-doctor':
      return pick('the referring doctor', patient.referringDoctor, patient.referringDoctor?.name);
    case 'clinic-admin':
      return pick(
        'the clinic admin',
        { mobile: context.clinic.adminMobile, email: context.clinic.adminEmail },
        'clinic admin',
      );
    case 'custom':
      return recipient.address ? { address: recipient.address, name: null } : missing('the custom recipient');
  }
}

/**
 * The language of the message: the recipient's (the patient's, or the practitioner's for a message to the
 * resource) if the template has it, else the clinic's default.
 */
function languageOf(data: SendData, context: EvaluationContext, defaultLanguage: string): string {
  const languages = Object.keys(data.template.byLanguage ?? {});
  const wanted =
    data.recipient.type === 'patient'
      ? context.patient.language
      : data.recipient.type === 'resource'
        ? context.resource?.language
        : undefined;
  if (wanted && (languages.length === 0 || languages.includes(wanted))) return wanted;
  if (languages.length === 0 || languages.includes(defaultLanguage)) return defaultLanguage;
  return languages[0];
}

/**
 * Decides whether a message step makes a delivery, applying in order: the switches (T1, T2), preferences and consent
 * (T3), an address, the minimum lead time, a skipped earlier step, the expiry, quiet hours and one reminder per day (F6).
 */
export function planDelivery(
  data: SendData,
  planning: DeliveryPlanning,
): { delivery: PlannedDelivery } | { skip: Gate } {
  const { calendar, now, plannedReminders } = planning;
  const zone = planning.context.clinic.timeZone;
  const moment = (millis: number): DateTime => momentAt(millis, zone);
  const orNull = (at: DateTime | null): number | null => (at === null ? null : at.toMillis());
  return planDeliveryAt(data, {
    ...planning,
    now: now.toMillis(),
    plannedReminders: plannedReminders.map((at) => at.toMillis()),
    calendar: {
      isAllowed: (at) => calendar.isAllowed(moment(at)),
      whyQuiet: (at) => calendar.whyQuiet(moment(at)),
      quietCause: (at) => calendar.quietCause(moment(at)),
      nextAllowed: (at) => orNull(calendar.nextAllowed(moment(at))),
      lastAllowed: (at) => orNull(calendar.lastAllowed(moment(at))),
    },
  });
}

/** `planDelivery` over epoch milliseconds (the evaluator's form: no luxon object unless a reason needs a local date). */
export function planDeliveryAt(
  data: SendData,
  planning: DeliveryPlanning<number>,
): { delivery: PlannedDelivery } | { skip: Gate } {
  const { context, now, nodeId } = planning;
  const zone = context.clinic.timeZone;
  const toPatient = data.recipient.type === 'patient';
  const toggles = channelAllowed(data.channel, context, toPatient);
  if (toggles) return { skip: toggles };
  if (toPatient) {
    const consent = consentGate(data.channel, context, data.purpose);
    if (consent) return { skip: consent };
  }
  const recipient = resolveRecipient(data.recipient, data.channel, context);
  if ('code' in recipient) return { skip: recipient };
  const isReminder = data.purpose === 'reminder';
  const appointmentStart = context.appointment ? instantMillis(context.appointment.start, zone) : null;
  const minimumLead = context.clinic.limits?.minimumLeadTimeHours ?? 0;
  if (isReminder && appointmentStart !== null && minimumLead > 0) {
    const bookedAt = instantMillis(context.appointment?.bookedAt ?? context.event.at, zone);
    const lead = (appointmentStart - bookedAt) / 3_600_000;
    if (lead < minimumLead) {
      const hours = Math.max(0, Math.floor(lead));
      const reason = `booked ${hours} h before the appointment; reminders need at least ${minimumLead} h (minimum lead time)`;
      const why = reasonOf('lead-time', { hours, minimum: minimumLead });
      return { skip: { code: SkipReasonCode.LeadTime, reason, why } };
    }
  }
  if (planning.suppressed) {
    const cause = planning.suppressedWhy;
    const why = reasonOf('earlier-step-skipped', cause ? { ...cause.params, cause: cause.code } : {});
    return { skip: { code: SkipReasonCode.EarlierStepSkipped, reason: planning.suppressed, why } };
  }

  let expiresAt = data.expiresAfter
    ? shiftMillis(now, 'after', data.expiresAfter.amount, data.expiresAfter.unit, zone)
    : null;
  const expiresAtAppointment =
    isReminder && appointmentStart !== null && (expiresAt === null || appointmentStart < expiresAt);
  if (expiresAtAppointment) expiresAt = appointmentStart;
  const deadlineName = expiresAtAppointment ? 'the appointment' : 'its expiry';
  const placement = placeInAllowedHours(now, planning.policy, planning.calendar, {
    notBefore: now,
    notAfter: expiresAt,
    deadlineName,
    deadline: expiresAtAppointment ? 'appointment' : 'expiry',
  });
  if (placement.kind === 'skipped')
    return { skip: { code: SkipReasonCode.QuietHours, reason: placement.reason, why: placement.why } };
  const sendAt = placement.at;
  if (expiresAt !== null && sendAt >= expiresAt) {
    return {
      skip: {
        code: SkipReasonCode.Expired,
        reason: `it would go out at or after its expiry (${describeLocal(momentAt(expiresAt, zone), zone)})`,
        why: reasonOf('expired', { expiresAt: utcIsoOf(expiresAt) }),
      },
    };
  }
  const host = isReminder && toPatient && !planning.expectsReply ? namedBy(context, data.channel) : null;
  if (host) {
    const day = momentAt(sendAt, zone).toISODate();
    return {
      skip: {
        code: SkipReasonCode.MergedSameDay,
        reason: `the patient's reminder of ${day} already named this appointment (one message for the day's appointments)`,
        why: reasonOf('merged-same-day', { day }),
        mergedInto: host,
      },
    };
  }
  if (isReminder && toPatient && !planning.laterRung && context.clinic.limits?.oneReminderPerDay !== false) {
    const day = localDayNumber(sendAt, zone);
    const sameDay = (at: number) => localDayNumber(at, zone) === day;
    const earlier = (context.recentDeliveries ?? []).some(
      (d) => d.purpose === 'reminder' && sameDay(instantMillis(d.at, zone)),
    );
    if (earlier || planning.plannedReminders.some(sameDay)) {
      return {
        skip: {
          code: SkipReasonCode.OneReminderPerDay,
          reason: `patient already has a reminder on ${momentAt(sendAt, zone).toISODate()} (one reminder per day)`,
          why: reasonOf('one-reminder-per-day', { day: momentAt(sendAt, zone).toISODate() }),
        },
      };
    }
  }
  return {
    delivery: {
      idempotencyKey: messageKeyOf(planning.runId, nodeId, {
        type: data.recipient.type,
        address: recipient.address,
      }),
      runId: planning.runId,
      nodeId,
      channel: data.channel,
      recipient: { type: data.recipient.type, address: recipient.address, name: recipient.name },
      sendAt: utcIsoOf(sendAt),
      expiresAt: expiresAt !== null ? utcIsoOf(expiresAt) : null,
      template: data.template,
      language: languageOf(data, context, planning.defaultLanguage),
      sender: data.sender ?? null,
      purpose: data.purpose ?? null,
      expectsReply: planning.expectsReply,
      note: placement.kind === 'moved' ? placement.reason : null,
      noteWhy: placement.kind === 'moved' ? placement.why : null,
    },
  };
}

/**
 * One message per patient per day (`mergeSameDayReminders`): the patient's reminder on this channel, sent or
 * going, that already named this appointment among the day's (its text lists them); its delivery id, or null.
 * A question is never merged: a reply answers the one appointment it asked about.
 */
function namedBy(context: EvaluationContext, channel: Channel): string | null {
  const id = context.appointment?.id;
  if (context.clinic.limits?.mergeSameDayReminders !== true || !id) return null;
  const host = (context.recentDeliveries ?? []).find(
    (d) =>
      d.purpose === 'reminder' &&
      d.channel === channel &&
      d.idempotencyKey !== undefined &&
      d.appointmentId !== id &&
      (d.appointmentIds ?? []).includes(id),
  );
  return host?.idempotencyKey ?? null;
}
