import type { DateTime } from 'luxon';
import type { EvaluationContext } from '../context/evaluation-context.schema';
import type { Channel, QuietHoursPolicy, Recipient } from '../flow/flow-parts.schema';
import type { SendData } from '../flow/send-node.schema';
import { placeInAllowedHours } from '../quiet-hours/place-in-allowed-hours';
import type { QuietHoursCalendar } from '../quiet-hours/quiet-hours-calendar';
import { describeLocal, hoursBetween, parseInstant, shiftMoment, toUtcIso } from '../time/clinic-time';
import { channelAllowed, hasConsent, type Gate } from './channel-gates';
import type { PlannedDelivery } from './evaluation.types';
import { SkipReasonCode } from './skip-reason-code';
import { clinicZone } from '../time/clinic-zone';

/** What planning a message needs besides its step. */
export interface DeliveryPlanning {
  runId: string;
  nodeId: string;
  context: EvaluationContext;
  now: DateTime;
  calendar: QuietHoursCalendar;
  policy: QuietHoursPolicy;
  suppressed: string | null;
  defaultLanguage: string;
  plannedReminders: readonly DateTime[];
  expectsReply: boolean;
}

const addressFields: Record<Channel, 'mobile' | 'email'> = { sms: 'mobile', voice: 'mobile', email: 'email' };

/** The address and name of a recipient on a channel, or why there is none. */
function resolveRecipient(
  recipient: Recipient,
  channel: Channel,
  context: EvaluationContext,
): { address: string; name: string | null } | Gate {
  const field = addressFields[channel];
  const missing = (who: string): Gate => ({
    code: SkipReasonCode.NoAddress,
    reason: `${who} has no ${field === 'mobile' ? 'mobile number' : 'e-mail address'}`,
  });
  const pick = (who: string, party: Record<string, unknown> | undefined, name: unknown) => {
    const address = party?.[field];
    return typeof address === 'string' && address.length > 0
      ? { address, name: typeof name === 'string' ? name : null }
      : missing(who);
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

/** The language of the message: the patient's if the template has it, else the clinic's default. */
function languageOf(data: SendData, context: EvaluationContext, defaultLanguage: string): string {
  const languages = Object.keys(data.template.byLanguage ?? {});
  const wanted = data.recipient.type === 'patient' ? context.patient.language : undefined;
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
  const { context, now, nodeId } = planning;
  const zone = context.clinic.timeZone;
  const toPatient = data.recipient.type === 'patient';
  const toggles = channelAllowed(data.channel, context, toPatient);
  if (toggles) return { skip: toggles };
  if (toPatient) {
    const consent = hasConsent(data.channel, context);
    if (consent) return { skip: { code: SkipReasonCode.NoConsent, reason: consent } };
  }
  const recipient = resolveRecipient(data.recipient, data.channel, context);
  if ('code' in recipient) return { skip: recipient };
  const isReminder = data.purpose === 'reminder';
  const appointmentStart = context.appointment ? parseInstant(context.appointment.start, zone) : null;
  const minimumLead = context.clinic.limits?.minimumLeadTimeHours ?? 0;
  if (isReminder && appointmentStart && minimumLead > 0) {
    const lead = hoursBetween(
      parseInstant(context.appointment?.bookedAt ?? context.event.at, zone),
      appointmentStart,
    );
    if (lead < minimumLead) {
      const reason = `booked ${Math.max(0, Math.floor(lead))} h before the appointment; reminders need at least ${minimumLead} h (minimum lead time)`;
      return { skip: { code: SkipReasonCode.LeadTime, reason } };
    }
  }
  if (planning.suppressed)
    return { skip: { code: SkipReasonCode.EarlierStepSkipped, reason: planning.suppressed } };

  let expiresAt = data.expiresAfter
    ? shiftMoment(now, 'after', data.expiresAfter.amount, data.expiresAfter.unit, zone)
    : null;
  if (isReminder && appointmentStart && (expiresAt === null || appointmentStart < expiresAt))
    expiresAt = appointmentStart;
  const deadlineName = isReminder && expiresAt === appointmentStart ? 'the appointment' : 'its expiry';
  const placement = placeInAllowedHours(now, planning.policy, planning.calendar, {
    notBefore: now,
    notAfter: expiresAt,
    deadlineName,
  });
  if (placement.kind === 'skipped')
    return { skip: { code: SkipReasonCode.QuietHours, reason: placement.reason } };
  const sendAt = placement.at;
  if (expiresAt && sendAt >= expiresAt) {
    return {
      skip: {
        code: SkipReasonCode.Expired,
        reason: `it would go out at or after its expiry (${describeLocal(expiresAt, zone)})`,
      },
    };
  }
  if (isReminder && toPatient && context.clinic.limits?.oneReminderPerDay !== false) {
    const day = sendAt.setZone(clinicZone(zone)).toISODate();
    const sameDay = (at: DateTime) => at.setZone(clinicZone(zone)).toISODate() === day;
    const earlier = (context.recentDeliveries ?? []).some(
      (d) => d.purpose === 'reminder' && sameDay(parseInstant(d.at, zone)),
    );
    if (earlier || planning.plannedReminders.some(sameDay)) {
      return {
        skip: {
          code: SkipReasonCode.OneReminderPerDay,
          reason: `patient already has a reminder on ${day} (one reminder per day)`,
        },
      };
    }
  }
  const recipientKey = data.recipient.type === 'custom' ? `custom:${recipient.address}` : data.recipient.type;
  return {
    delivery: {
      idempotencyKey: `${planning.runId}:${nodeId}:${recipientKey}`,
      runId: planning.runId,
      nodeId,
      channel: data.channel,
      recipient: { type: data.recipient.type, address: recipient.address, name: recipient.name },
      sendAt: toUtcIso(sendAt),
      expiresAt: expiresAt ? toUtcIso(expiresAt) : null,
      template: data.template,
      language: languageOf(data, context, planning.defaultLanguage),
      sender: data.sender ?? null,
      purpose: data.purpose ?? null,
      expectsReply: planning.expectsReply,
      note: placement.kind === 'moved' ? placement.reason : null,
    },
  };
}
