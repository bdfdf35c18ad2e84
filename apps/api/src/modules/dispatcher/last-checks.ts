import {
  applyChannelToggles,
  channelAllowed,
  consentGate,
  quietHoursCalendar,
  type QuietHoursCalendar,
  reasonOf,
  type EvaluationContext,
  type Reason,
} from '@clinicflow/rules';
import { DateTime } from 'luxon';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import type { PatientDocument } from '../directory/directory.repository';
import { patientConsentContext } from '../directory/patient-consent-context';
import { clinicContextOf } from '../settings/clinic-context';
import type { SettingsDocument } from '../settings/settings.repository';

/** What the last checks at send time decide when the message may not go now. */
export type LastCheck =
  | { outcome: 'expired'; reason: string; why: Reason }
  | { outcome: 'skipped'; code: string; reason: string; why: Reason }
  | { outcome: 'later'; at: Date; reason: string; why: Reason };

/**
 * The checks made again at the moment of sending (the situation may have changed since planning): expiry,
 * the master switch (T1), channel toggles of the clinic, the service and the resource (T2), the patient's
 * consent and what it covers (T3), and quiet hours. Answers null when the message may go now.
 */
export function lastChecks(
  delivery: DeliveryDocument,
  settings: SettingsDocument,
  patient: PatientDocument | null,
  now: Date,
): LastCheck | null {
  if (delivery.expiresAt && now.getTime() >= new Date(delivery.expiresAt).getTime()) {
    return {
      outcome: 'expired',
      reason: `its expiry passed (${describe(delivery.expiresAt, settings)})`,
      why: reasonOf('expired-at-send', { expiresAt: new Date(delivery.expiresAt).toISOString() }),
    };
  }
  // An invitation or a password reset is not a message to a patient: the messaging switches and quiet hours
  // do not hold it back (docs/accounts.md).
  if (delivery.origin === 'account') return null;
  const toPatient = delivery.recipient.type === 'patient';
  const context = gateContext(delivery, settings, patient);
  const gate = channelAllowed(delivery.channel, context, toPatient);
  if (gate) return { outcome: 'skipped', code: gate.code, reason: gate.reason, why: gate.why };
  if (toPatient && patient) {
    // the same rule as at planning: the channel's consent, and whether it covers the message's purpose
    const consent = consentGate(delivery.channel, context, delivery.purpose ?? undefined);
    if (consent) return { outcome: 'skipped', code: 'no-consent', reason: consent.reason, why: consent.why };
  }
  return quietHours(delivery, settings, now);
}

function gateContext(
  delivery: DeliveryDocument,
  settings: SettingsDocument,
  patient: PatientDocument | null,
): EvaluationContext {
  const context: EvaluationContext = {
    clinic: clinicContextOf(settings),
    patient: patientConsentContext(patient),
    service: delivery.serviceId ? { id: delivery.serviceId } : undefined,
    resource: delivery.resourceId ? { id: delivery.resourceId } : undefined,
    event: { type: 'manual', at: new Date(0).toISOString() },
  };
  return applyChannelToggles(context, settings.channelToggles);
}

/**
 * Each settings document's sending calendar, built once: the sends of a scan share their clinic's settings
 * document, and building the calendar (its days from the weekly rule and holidays) cost more than the send.
 */
const calendars = new WeakMap<SettingsDocument, QuietHoursCalendar>();

function calendarOf(settings: SettingsDocument): QuietHoursCalendar {
  let calendar = calendars.get(settings);
  if (!calendar) {
    calendar = quietHoursCalendar(clinicContextOf(settings).quietHours, settings.timeZone);
    calendars.set(settings, calendar);
  }
  return calendar;
}

/**
 * Planning placed a patient's message in allowed hours; a retry or a late dispatch may have pushed it into
 * the night: it then waits for the next allowed moment (or is skipped when that is past its expiry). A
 * message planned inside quiet hours was planned so on purpose (the step ignores quiet hours) and goes.
 */
function quietHours(delivery: DeliveryDocument, settings: SettingsDocument, now: Date): LastCheck | null {
  if (delivery.recipient.type !== 'patient') return null;
  const calendar = calendarOf(settings);
  const zone = settings.timeZone;
  const at = (instant: Date) => DateTime.fromJSDate(instant, { zone });
  if (!calendar.isAllowed(at(new Date(delivery.sendAt)))) return null;
  const moment = at(now);
  if (calendar.isAllowed(moment)) return null;
  const why = calendar.whyQuiet(moment) ?? 'quiet hours';
  const cause = calendar.quietCause(moment) ?? {};
  const next = calendar.nextAllowed(moment);
  const expiry = delivery.expiresAt ? new Date(delivery.expiresAt).getTime() : null;
  if (!next || (expiry !== null && next.toMillis() >= expiry)) {
    return {
      outcome: 'skipped',
      code: 'quiet-hours',
      reason: `${why}, and the next allowed moment is past its expiry`,
      why: reasonOf('quiet-no-room-at-send', cause),
    };
  }
  return {
    outcome: 'later',
    at: next.toJSDate(),
    reason: `${why}: moved to ${describe(next.toJSDate(), settings)}`,
    why: reasonOf('moved-at-send', { ...cause, at: next.toJSDate().toISOString() }),
  };
}

function describe(instant: Date, settings: SettingsDocument): string {
  return DateTime.fromJSDate(new Date(instant), { zone: settings.timeZone }).toFormat('yyyy-MM-dd HH:mm');
}
