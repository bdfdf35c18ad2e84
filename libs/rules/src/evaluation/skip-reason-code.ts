/** Why a step was skipped, as a stable code for reports; the sentence comes with each skip. */
export enum SkipReasonCode {
  NotTriggered = 'not-triggered',
  FilteredOut = 'filtered-out',
  CommunicationsOff = 'communications-off',
  ChannelOff = 'channel-off',
  NotPreferred = 'not-preferred',
  NoConsent = 'no-consent',
  NoAddress = 'no-address',
  LeadTime = 'lead-time',
  OneReminderPerDay = 'one-reminder-per-day',
  QuietHours = 'quiet-hours',
  Expired = 'expired',
  MomentPassed = 'moment-passed',
  MissingData = 'missing-data',
  EarlierStepSkipped = 'earlier-step-skipped',
  ConditionChanged = 'condition-changed',
  Cancelled = 'cancelled',
}
