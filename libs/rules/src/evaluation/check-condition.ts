import jsonLogic from 'json-logic-js';
import type { DateTime } from 'luxon';
import type { EvaluationContext } from '../context/evaluation-context.schema';
import type { ConditionCheck } from '../flow/condition-node.schema';
import { parseInstant, hoursBetween } from '../time/clinic-time';
import { channelAllowed, channelName, hasConsent } from './channel-gates';
import { templateData } from './template-data';
import { clinicZone } from '../time/clinic-zone';

/** The answer of a condition and why, in the clinic's words. */
export interface ConditionAnswer {
  yes: boolean;
  reason: string;
}

const percent = (rate: number): string => `${Math.round(rate * 100)} %`;

/** The no-show rate of a patient and whether it makes them unreliable (F5). */
export function patientReliability(context: EvaluationContext, minimumVisits?: number): ConditionAnswer {
  const visits = context.patient.attendance?.visits ?? 0;
  const noShows = context.patient.attendance?.noShows ?? 0;
  const threshold = context.clinic.unreliable?.noShowRateThreshold ?? 0.3;
  const minimum = minimumVisits ?? context.clinic.unreliable?.minimumVisits ?? 3;
  if (visits < minimum)
    return { yes: false, reason: `patient reliable: only ${visits} past visits (fewer than ${minimum})` };
  const rate = visits === 0 ? 0 : noShows / visits;
  return rate >= threshold
    ? { yes: true, reason: `patient unreliable: no-show rate ${percent(rate)} ≥ ${percent(threshold)}` }
    : { yes: false, reason: `patient reliable: no-show rate ${percent(rate)} < ${percent(threshold)}` };
}

const answer = (yes: boolean, ifYes: string, ifNo: string): ConditionAnswer => ({
  yes,
  reason: yes ? ifYes : ifNo,
});

/** Answers a condition step for this context at `now`. Missing data answers "no" with the reason. */
export function checkCondition(
  check: ConditionCheck,
  context: EvaluationContext,
  now: DateTime,
): ConditionAnswer {
  const zone = context.clinic.timeZone;
  const appointment = context.appointment;
  switch (check.kind) {
    case 'has-consent': {
      const gate = hasConsent(check.channel, context);
      return gate === null
        ? { yes: true, reason: `patient consents to ${channelName(check.channel)}` }
        : { yes: false, reason: gate };
    }
    case 'channel-enabled': {
      const gate = channelAllowed(check.channel, context, true);
      return gate === null
        ? { yes: true, reason: `${channelName(check.channel)} is switched on` }
        : { yes: false, reason: gate.reason };
    }
    case 'patient-unreliable':
      return patientReliability(context, check.minimumVisits);
    case 'booked-online':
      return answer(
        appointment?.source === 'online',
        'booked online',
        `booked by ${appointment?.source ?? 'unknown'}`,
      );
    case 'appointment-status': {
      const status = appointment?.status ?? 'booked';
      return answer(
        check.statuses.includes(status),
        `appointment is ${status}`,
        `appointment is ${status}, not ${check.statuses.join(' or ')}`,
      );
    }
    case 'appointment-confirmed': {
      const confirmed = appointment?.confirmation === 'confirmed' || appointment?.status === 'confirmed';
      return answer(confirmed, 'appointment confirmed', 'appointment not confirmed');
    }
    case 'lead-time-at-least': {
      if (!appointment) return { yes: false, reason: 'no appointment' };
      const booked = parseInstant(appointment.bookedAt ?? context.event.at, zone);
      const lead = hoursBetween(booked, parseInstant(appointment.start, zone));
      return answer(
        lead >= check.hours,
        `booked ${Math.floor(lead)} h ahead (≥ ${check.hours} h)`,
        `booked ${Math.floor(lead)} h ahead (< ${check.hours} h)`,
      );
    }
    case 'has-future-appointment': {
      const next = context.patient.nextAppointmentAt;
      const future = !!next && parseInstant(next, zone) > now;
      return answer(future, 'patient has a future appointment', 'patient has no future appointment');
    }
    case 'service-in':
      return answer(
        check.serviceIds.includes(context.service?.id ?? appointment?.serviceId ?? ''),
        `service is ${context.service?.name ?? 'listed'}`,
        'service not in the list',
      );
    case 'resource-in':
      return answer(
        check.resourceIds.includes(context.resource?.id ?? appointment?.resourceId ?? ''),
        `with ${context.resource?.name ?? 'listed resource'}`,
        'resource not in the list',
      );
    case 'weekday-in': {
      const day = appointment
        ? parseInstant(appointment.start, zone).setZone(clinicZone(zone))
        : now.setZone(clinicZone(zone));
      return answer(
        check.weekdays.includes(day.weekday),
        `on ${day.weekdayLong}`,
        `not on ${day.weekdayLong}`,
      );
    }
    case 'patient-age': {
      if (!context.patient.birthDate) return { yes: false, reason: 'date of birth unknown' };
      const age = Math.floor(
        now.setZone(clinicZone(zone)).diff(parseInstant(context.patient.birthDate, zone), 'years').years,
      );
      const within =
        (check.min === undefined || age >= check.min) && (check.max === undefined || age <= check.max);
      return answer(within, `patient is ${age}`, `patient is ${age}`);
    }
    case 'expression': {
      try {
        const result = jsonLogic.apply(
          check.logic as jsonLogic.RulesLogic,
          templateData(context, now.toISO() ?? undefined),
        );
        return answer(!!result, 'expression is true', 'expression is false');
      } catch {
        return { yes: false, reason: 'expression could not be evaluated' };
      }
    }
  }
}
