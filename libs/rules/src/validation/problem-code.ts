/**
 * What kind of problem the validator found, so that an interface can say it in its own language. The English
 * `message` stays the API's wording; `params` hold the raw values (`step` is a node id, `exit` an exit name,
 * `events` the trigger's events joined by ",") that the interface turns into its own words.
 */
export type RulesProblemCode =
  | 'not-a-flow'
  | 'unknown-step-type'
  | 'field-missing'
  | 'field-invalid'
  | 'sms-name-too-long'
  | 'duplicate-step-id'
  | 'no-trigger'
  | 'second-trigger'
  | 'duplicate-connection-id'
  | 'connection-to-nowhere'
  | 'end-has-exit'
  | 'unknown-exit'
  | 'back-to-trigger'
  | 'exit-used-twice'
  | 'exit-unconnected'
  | 'unreachable'
  | 'loop'
  | 'needs-appointment'
  | 'time-of-day-needs-days'
  | 'unknown-variable'
  | 'age-range'
  | 'template-missing'
  | 'template-missing-language'
  | 'text-empty'
  | 'subject-missing'
  | 'variable-not-shown'
  | 'variable-unknown'
  | 'custom-recipient-missing'
  | 'question-to-patient-only'
  | 'variable-patient-only'
  | 'question-cannot-be-answered'
  | 'reschedule-not-followed'
  | 'daily-time-missing'
  | 'daily-with-other-events'
  | 'daily-no-patient';

/** The raw values a problem's words are made of. */
export type RulesProblemParams = Record<string, string>;
