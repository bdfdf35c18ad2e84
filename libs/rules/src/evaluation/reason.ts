/**
 * Every reason the engine gives, as a stable code. The English sentence that comes with each one is kept for
 * logs, exports and data stored before codes existed; the editor words the code and its parameters in the
 * user's language at display time (its catalogue must word every code here).
 */
export const REASON_CODES = [
  // the switches and preferences (T1, T2)
  'communications-off',
  'channel-off-clinic',
  'channel-off-service',
  'channel-off-resource',
  'not-preferred',
  // consent (T3)
  'consent-nobody',
  'consent-withdrawn',
  'consent-opt-in',
  'consent-purpose-patient',
  'consent-purpose-clinic',
  // planning a message (F6)
  'no-mobile',
  'no-email',
  'lead-time',
  'earlier-step-skipped',
  'quiet-skip',
  'quiet-no-room',
  'quiet-moved-later',
  'quiet-moved-earlier',
  'quiet-moved-earlier-deadline',
  'expired',
  'one-reminder-per-day',
  'merged-same-day',
  // waits
  'moment-passed',
  'moment-passed-continue',
  'wait-no-appointment',
  'wait-no-appointment-end',
  'wait-no-last-visit',
  'condition-changed',
  // triggers
  'not-triggered',
  'not-triggered-daily',
  'filtered-source',
  'filtered-service',
  'filtered-resource',
  'filtered-location',
  // conditions
  'few-visits',
  'unreliable',
  'reliable',
  'consents',
  'channel-on',
  'booked-online',
  'booked-by',
  'status-is',
  'status-not',
  'confirmed',
  'not-confirmed',
  'no-appointment',
  'lead-at-least',
  'lead-below',
  'future-appointment',
  'no-future-appointment',
  'service-is',
  'service-not-listed',
  'resource-is',
  'resource-not-listed',
  'weekday-is',
  'weekday-not',
  'birth-unknown',
  'age-is',
  'expression-true',
  'expression-false',
  'expression-failed',
  // updates, questions and replies
  'appointment-marked',
  'webhook-posted',
  'question-failed',
  'reply-no-question',
  'reply-stop',
  'reply-stop-withdrawn',
  'reply-not-understood',
  'reply-read',
  'page-answered',
  'no-reply-timeout',
  // reaching the patient, rung by rung (B11)
  'rung-reached',
  'rung-not-reached',
  'rung-failed',
  'ladder-not-reached',
  'receipt-unused',
  // how a run ends
  'flow-done',
  'flow-loops',
  'cancelled-moved',
  'cancelled-cancelled',
  // at send time and afterwards (the API's dispatcher and the staff's actions)
  'expired-at-send',
  'invalid-number',
  'moved-at-send',
  'quiet-no-room-at-send',
  'provider-rate',
  'provider-paused',
  'appointment-moved',
  'appointment-cancelled',
  'appointment-declined',
  'consent-withdrawn-cancel',
  'staff-cancelled',
  'engine-error',
  'flow-version-missing',
  'clinic-missing',
] as const;

/** A reason's code (`REASON_CODES`). */
export type ReasonCode = (typeof REASON_CODES)[number];

/** What a reason's sentence is made of: names, numbers, clinic-local days (`yyyy-MM-dd`) and instants (ISO). */
export type ReasonParams = Readonly<Record<string, string | number>>;

/** A reason as a code with its parameters: worded in the user's language where it is shown. */
export interface Reason {
  code: ReasonCode;
  params: ReasonParams;
}

/** A reason with the parameters given (undefined ones are left out, so they never read "undefined"). */
export function reasonOf(
  code: ReasonCode,
  params: Record<string, string | number | undefined | null> = {},
): Reason {
  const kept: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null) kept[key] = value;
  return { code, params: kept };
}

/** Whether a value read back from storage or the wire is a reason the engine could have given. */
export function isReason(value: unknown): value is Reason {
  if (typeof value !== 'object' || value === null) return false;
  const { code, params } = value as Record<string, unknown>;
  return (
    typeof code === 'string' &&
    (REASON_CODES as readonly string[]).includes(code) &&
    typeof params === 'object' &&
    params !== null
  );
}
