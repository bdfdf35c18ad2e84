/**
 * The strings of staff's actions in English: sending later and picking patients, practitioners late or absent,
 * flows run by hand, the validator's warnings, a message step's expiry and languages, and the pauses of the
 * quiet hours (the French ones are in ../fr/staffMessages.ts; both have the same keys). Read them through
 * useMessages().
 */
export const staffMessages = {
  sendWhen: 'When',
  sendWhenNow: 'Now',
  sendWhenLater: 'Later',
  sendAt: 'Send on ({zone})',
  sendAtHint: 'Date and time at the clinic ({zone})',
  sendAtPast: 'Choose a moment still to come',
  sendSchedule: 'Schedule',
  sendPlanned: 'Message to {to} planned for {at} ({status}); it appears in the report.',

  patientSearchPlaceholder: 'Name, mobile or e-mail',
  patientSearchNone: 'No patient matches',
  patientSearchMore: 'The first {count} of {total} patients: type more to narrow down',
  patientSearchFailed: 'The patients could not be loaded: {reason}',
  patientsChosen: '{count} chosen',
  patientRemove: 'Remove {name}',

  navPractitioners: 'Practitioners',
  practitionersTitle: 'Practitioners',
  practitionersIntro:
    'Tell the patients when a practitioner is running late or absent: the flows that start on “practitioner late” or “practitioner absent” send them the news at once.',
  practitionersList: 'The clinic’s practitioners',
  practitionersNone: 'The clinic has no practitioner yet.',
  practitionerLate: 'Running late',
  practitionerLateOf: '{name} is running late',
  practitionerAbsent: 'Absent',
  practitionerAbsentOf: '{name} is absent',
  lateMinutes: 'Minutes late',
  lateHint: 'Every patient of {name} still to come today is told.',
  absentFrom: 'First day',
  absentTo: 'Last day',
  absentHint: 'Every patient of {name} with an appointment still to come on these days is told.',
  absentToBeforeFrom: 'The last day cannot be before the first',
  alertSend: 'Tell the patients',
  alertReached: '{count} appointments reached: their patients are told.',
  alertNoFlow:
    'No published and enabled flow starts on this, so nobody was told: publish and enable a flow such as “Practitioner late or absent”.',
  alertAlready: 'This was already recorded: the patients were told the first time.',
  alertLater: 'Recorded: the patients are told in a moment.',

  manualRunOpen: 'Run for patients',
  manualRunTitle: 'Run “{flow}” for patients',
  manualRunIntro:
    'Version {version} runs once for each patient you choose, as if it had just started for them.',
  manualRunNotReady: 'Publish the flow with the “manual” trigger and switch it on to run it for patients.',
  manualRunPatients: 'Patients',
  manualRunStart: 'Start for {count} patients',
  manualRunStarted: 'What started',
  manualRunAlready: 'already started by this request',
  runStatusStarting: 'starting',
  runStatusWaiting: 'waiting',
  runStatusAwaitingReply: 'waiting for a reply',
  runStatusEnded: 'done',
  runStatusCancelled: 'cancelled',
  runStatusNone: 'not started',

  problemRescheduleNotFollowed:
    '{step} starts when an appointment is booked but not when it is rescheduled, and it waits for the appointment: when the appointment moves, its messages are cancelled and not planned again. Add “appointment rescheduled” to the trigger.',
  warningsCount: '{count} to check',
  flowWarningsTitle: 'Worth checking',
  stepWarnings: 'Worth checking on this step',
  publishWarnings: 'Worth checking (this does not block publishing)',

  fieldExpiresAfter: 'Do not send after',
  fieldExpiresHint: 'Counted from when the message is planned; empty: it never expires',
  fieldExpiresUnit: 'Unit of the expiry',
  fieldTexts: 'Texts by language',
  languageEs: 'Spanish',
  languageNb: 'Norwegian',
  languageIt: 'Italian',
  languageDe: 'German',

  settingsOtherPauses: 'Other pauses each day',
  settingsOtherPausesIntro:
    'Hours without sending inside the sending hours, such as lunch: messages due then wait for the end of the pause.',
  settingsPauseName: 'Pause {start}–{end}',
  settingsPauseFrom: 'Pause from',
  settingsPauseUntil: 'Pause until',
  settingsPauseRemove: 'Remove the pause {start}–{end}',
  settingsPauseAdd: 'Add a pause',
};
