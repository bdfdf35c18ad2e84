import type {
  ConditionCheck,
  Duration,
  MessagePurpose,
  NodeType,
  RecipientType,
  RungGoal,
  TimeUnit,
  TriggerEvent,
  WaitAnchor,
} from '@clinicflow/rules';
import type { Messages } from '../../../i18n/messages';
import { formatMessage } from './formatMessage';

type Key = keyof Messages;

/** The message keys of the words a step is described with (one table per kind of value). */
export const stepWords = {
  type: {
    trigger: 'stepTrigger',
    condition: 'stepCondition',
    wait: 'stepWait',
    send: 'stepSend',
    ask: 'stepAsk',
    reach: 'stepReach',
    update: 'stepUpdate',
    webhook: 'stepWebhook',
    end: 'stepEnd',
  } satisfies Record<NodeType, Key>,
  exit: {
    next: 'exitNext',
    yes: 'exitYes',
    no: 'exitNo',
    confirmed: 'exitConfirmed',
    declined: 'exitDeclined',
    'no-reply': 'exitNoReply',
    failed: 'exitFailed',
    reached: 'exitReached',
    'not-reached': 'exitNotReached',
  } as Record<string, Key>,
  purpose: {
    reminder: 'purposeReminder',
    confirmation: 'purposeConfirmation',
    notice: 'purposeNotice',
    'thank-you': 'purposeThankYou',
    recall: 'purposeRecall',
    alert: 'purposeAlert',
    staff: 'purposeStaff',
  } satisfies Record<MessagePurpose, Key>,
  // what reaches the patient on an attempt of "Reach the patient": the engine's reasons say it with the same words
  goal: {
    delivered: 'reasonGoalDelivered',
    read: 'reasonGoalRead',
  } satisfies Record<RungGoal, Key>,
  recipient: {
    patient: 'recipientPatient',
    resource: 'recipientResource',
    'referring-doctor': 'recipientReferringDoctor',
    'clinic-admin': 'recipientClinicAdmin',
    custom: 'recipientCustom',
  } satisfies Record<RecipientType, Key>,
  toRecipient: {
    patient: 'toPatient',
    resource: 'toResource',
    'referring-doctor': 'toReferringDoctor',
    'clinic-admin': 'toClinicAdmin',
    custom: 'toCustom',
  } satisfies Record<RecipientType, Key>,
  event: {
    'appointment.booked': 'eventBooked',
    'appointment.rescheduled': 'eventRescheduled',
    'appointment.confirmed': 'eventConfirmed',
    'appointment.cancelled': 'eventCancelled',
    'appointment.attended': 'eventAttended',
    'appointment.no_show': 'eventNoShow',
    'resource.delayed': 'eventResourceDelayed',
    'resource.absent': 'eventResourceAbsent',
    'patient.created': 'eventPatientCreated',
    manual: 'eventManual',
    'schedule.daily': 'eventDaily',
  } satisfies Record<TriggerEvent, Key>,
  anchor: {
    'appointment-start': 'anchorAppointmentStart',
    'appointment-end': 'anchorAppointmentEnd',
    event: 'anchorEvent',
    'last-visit': 'anchorLastVisit',
    'previous-step': 'anchorPreviousStep',
  } satisfies Record<WaitAnchor, Key>,
  unit: {
    minutes: ['unitMinute', 'unitMinutes'],
    hours: ['unitHour', 'unitHours'],
    days: ['unitDay', 'unitDays'],
    weeks: ['unitWeek', 'unitWeeks'],
    months: ['unitMonth', 'unitMonths'],
  } satisfies Record<TimeUnit, [Key, Key]>,
  unitName: {
    minutes: 'unitNameMinutes',
    hours: 'unitNameHours',
    days: 'unitNameDays',
    weeks: 'unitNameWeeks',
    months: 'unitNameMonths',
  } satisfies Record<TimeUnit, Key>,
  condition: {
    'has-consent': 'conditionHasConsent',
    'channel-enabled': 'conditionChannelEnabled',
    'patient-unreliable': 'conditionPatientUnreliable',
    'booked-online': 'conditionBookedOnline',
    'appointment-status': 'conditionAppointmentStatus',
    'appointment-confirmed': 'conditionAppointmentConfirmed',
    'lead-time-at-least': 'conditionLeadTime',
    'has-future-appointment': 'conditionFutureAppointment',
    'service-in': 'conditionServiceIn',
    'resource-in': 'conditionResourceIn',
    'weekday-in': 'conditionWeekdayIn',
    'patient-age': 'conditionPatientAge',
    expression: 'conditionExpression',
  } satisfies Record<ConditionCheck['kind'], Key>,
  status: {
    booked: 'statusBooked',
    confirmed: 'statusConfirmed',
    cancelled: 'statusCancelled',
    attended: 'statusAttended',
    no_show: 'statusNoShow',
  } satisfies Record<string, Key>,
  confirmation: {
    confirmed: 'confirmationConfirmed',
    declined: 'confirmationDeclined',
    pending: 'confirmationPending',
  } satisfies Record<string, Key>,
  weekday: ['', 'weekday1', 'weekday2', 'weekday3', 'weekday4', 'weekday5', 'weekday6', 'weekday7'] as Key[],
} as const;

/** "24 h", "2 days", "1 month" in the interface language. */
export function durationWords(t: Messages, duration: Duration): string {
  const [one, many] = stepWords.unit[duration.unit];
  return formatMessage(t[duration.amount === 1 ? one : many], { n: duration.amount });
}

/** The label of a typed exit: "yes", "no reply", … */
export function exitWords(t: Messages, exit: string): string {
  const key = stepWords.exit[exit];
  return key ? t[key] : exit;
}
