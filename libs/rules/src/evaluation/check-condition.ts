import jsonLogic from 'json-logic-js';
import type { DateTime } from 'luxon';
import type { EvaluationContext } from '../context/evaluation-context.schema';
import type { ConditionCheck } from '../flow/condition-node.schema';
import { parseInstant, hoursBetween } from '../time/clinic-time';
import { channelAllowed, channelName, consentGate } from './channel-gates';
import { reasonOf, type Reason, type ReasonCode } from './reason';
import { templateData } from './template-data';
import { clinicZone } from '../time/clinic-zone';

/** The answer of a condition and why, in the clinic's words and as a code the editor words. */
export interface ConditionAnswer {
  yes: boolean;
  reason: string;
  why: Reason;
}

type Said = [ReasonCode, string, Record<string, string | number | undefined | null>?];

/** An answer whose reason depends on it: `[code, sentence, params]` when yes, and when no. */
const answer = (yes: boolean, ifYes: Said, ifNo: Said): ConditionAnswer => {
  const [code, reason, params] = yes ? ifYes : ifNo;
  return { yes, reason, why: reasonOf(code, params) };
};

const no = (code: ReasonCode, reason: string, params?: Said[2]): ConditionAnswer => ({
  yes: false,
  reason,
  why: reasonOf(code, params),
});

/** The answer of a gate: yes with `said`, or no with the gate's own reason. */
const unless = (gate: { reason: string; why: Reason } | null, said: Said): ConditionAnswer =>
  gate === null
    ? { yes: true, reason: said[1], why: reasonOf(said[0], said[2]) }
    : { yes: false, reason: gate.reason, why: gate.why };

const percent = (rate: number): string => `${Math.round(rate * 100)} %`;

/** The no-show rate of a patient and whether it makes them unreliable (F5). */
export function patientReliability(context: EvaluationContext, minimumVisits?: number): ConditionAnswer {
  const visits = context.patient.attendance?.visits ?? 0;
  const noShows = context.patient.attendance?.noShows ?? 0;
  const threshold = context.clinic.unreliable?.noShowRateThreshold ?? 0.3;
  const minimum = minimumVisits ?? context.clinic.unreliable?.minimumVisits ?? 3;
  if (visits < minimum)
    return no('few-visits', `patient reliable: only ${visits} past visits (fewer than ${minimum})`, {
      visits,
      minimum,
    });
  const rate = visits === 0 ? 0 : noShows / visits;
  const rates = { rate: Math.round(rate * 100), threshold: Math.round(threshold * 100) };
  return answer(
    rate >= threshold,
    ['unreliable', `patient unreliable: no-show rate ${percent(rate)} ≥ ${percent(threshold)}`, rates],
    ['reliable', `patient reliable: no-show rate ${percent(rate)} < ${percent(threshold)}`, rates],
  );
}

/** Answers a condition step for this context at `now`. Missing data answers "no" with the reason. */
export function checkCondition(
  check: ConditionCheck,
  context: EvaluationContext,
  now: DateTime,
): ConditionAnswer {
  const zone = context.clinic.timeZone;
  const appointment = context.appointment;
  switch (check.kind) {
    case 'has-consent':
      return unless(consentGate(check.channel, context), [
        'consents',
        `patient consents to ${channelName(check.channel)}`,
        { channel: check.channel },
      ]);
    case 'channel-enabled':
      return unless(channelAllowed(check.channel, context, true), [
        'channel-on',
        `${channelName(check.channel)} is switched on`,
        { channel: check.channel },
      ]);
    case 'patient-unreliable':
      return patientReliability(context, check.minimumVisits);
    case 'booked-online':
      return answer(
        appointment?.source === 'online',
        ['booked-online', 'booked online'],
        [
          'booked-by',
          `booked by ${appointment?.source ?? 'unknown'}`,
          { source: appointment?.source ?? 'unknown' },
        ],
      );
    case 'appointment-status': {
      const status = appointment?.status ?? 'booked';
      return answer(
        check.statuses.includes(status),
        ['status-is', `appointment is ${status}`, { status }],
        [
          'status-not',
          `appointment is ${status}, not ${check.statuses.join(' or ')}`,
          { status, statuses: check.statuses.join(',') },
        ],
      );
    }
    case 'appointment-confirmed': {
      const confirmed = appointment?.confirmation === 'confirmed' || appointment?.status === 'confirmed';
      return answer(
        confirmed,
        ['confirmed', 'appointment confirmed'],
        ['not-confirmed', 'appointment not confirmed'],
      );
    }
    case 'lead-time-at-least': {
      if (!appointment) return no('no-appointment', 'no appointment');
      const booked = parseInstant(appointment.bookedAt ?? context.event.at, zone);
      const lead = hoursBetween(booked, parseInstant(appointment.start, zone));
      const hours = { hours: Math.floor(lead), minimum: check.hours };
      return answer(
        lead >= check.hours,
        ['lead-at-least', `booked ${Math.floor(lead)} h ahead (≥ ${check.hours} h)`, hours],
        ['lead-below', `booked ${Math.floor(lead)} h ahead (< ${check.hours} h)`, hours],
      );
    }
    case 'has-future-appointment': {
      const next = context.patient.nextAppointmentAt;
      const future = !!next && parseInstant(next, zone) > now;
      return answer(
        future,
        ['future-appointment', 'patient has a future appointment'],
        ['no-future-appointment', 'patient has no future appointment'],
      );
    }
    case 'service-in':
      return answer(
        check.serviceIds.includes(context.service?.id ?? appointment?.serviceId ?? ''),
        ['service-is', `service is ${context.service?.name ?? 'listed'}`, { service: context.service?.name }],
        ['service-not-listed', 'service not in the list', { service: context.service?.name }],
      );
    case 'resource-in':
      return answer(
        check.resourceIds.includes(context.resource?.id ?? appointment?.resourceId ?? ''),
        [
          'resource-is',
          `with ${context.resource?.name ?? 'listed resource'}`,
          { resource: context.resource?.name },
        ],
        ['resource-not-listed', 'resource not in the list', { resource: context.resource?.name }],
      );
    case 'weekday-in': {
      const day = appointment
        ? parseInstant(appointment.start, zone).setZone(clinicZone(zone))
        : now.setZone(clinicZone(zone));
      const weekday = { weekday: day.weekday };
      return answer(
        check.weekdays.includes(day.weekday),
        ['weekday-is', `on ${day.weekdayLong}`, weekday],
        ['weekday-not', `not on ${day.weekdayLong}`, weekday],
      );
    }
    case 'patient-age': {
      if (!context.patient.birthDate) return no('birth-unknown', 'date of birth unknown');
      const age = Math.floor(
        now.setZone(clinicZone(zone)).diff(parseInstant(context.patient.birthDate, zone), 'years').years,
      );
      const within =
        (check.min === undefined || age >= check.min) && (check.max === undefined || age <= check.max);
      return answer(
        within,
        ['age-is', `patient is ${age}`, { age }],
        ['age-is', `patient is ${age}`, { age }],
      );
    }
    case 'expression': {
      try {
        const result = jsonLogic.apply(
          check.logic as jsonLogic.RulesLogic,
          templateData(context, now.toISO() ?? undefined),
        );
        return answer(
          !!result,
          ['expression-true', 'expression is true'],
          ['expression-false', 'expression is false'],
        );
      } catch {
        return no('expression-failed', 'expression could not be evaluated');
      }
    }
  }
}
