/**
 * The strings of the batch send's filters and list file, the daily trigger (practitioners' day lists), the
 * recall interval of a wait and the admin's alerts, in English (the French ones are in ../fr/outreachMessages.ts;
 * both have the same keys). Read them through useMessages().
 */
export const outreachMessages = {
  batchMode: 'Who',
  batchModeAppointments: 'Patients with appointments',
  batchModePatients: 'Every patient with a valid contact',
  batchModePatientsHint:
    'No appointment needed: every patient with a usable address on this channel and consent.',
  batchPatientGroup: 'Patient group',
  batchSpecialty: 'Specialty',
  batchSpecialtyHint: 'The service’s group or the practitioner’s specialty',
  batchNoPatients: 'No patient matches.',
  batchExportList: 'Download the list (CSV)',
  batchExportTitle: 'Download the list?',
  batchExportText:
    'The file holds personal data: patients’ names, phone numbers or e-mail addresses and their appointments’ times. Keep it safe and delete it once used.',
  batchExportCancel: 'Cancel',
  batchExportConfirm: 'Download',
  batchExportDone: 'Downloaded {file}.',
  batchExportFailed: 'The list could not be downloaded: {message}',
  eventDaily: 'every day, at a time',
  fieldDailyAt: 'Every day at (HH:mm, clinic time)',
  fieldDailyAtHint:
    'One message per practitioner listing their appointments of the next day. Send it to the practitioner.',
  summaryDaily: 'Every day at {time}',
  fieldUseRecallInterval: 'Use the recall interval of the appointment, else of its service',
  fieldUseRecallIntervalHint: 'The amount above applies when neither has one.',
  problemDailyTimeMissing: '{step}: say at what time of day it starts (HH:mm)',
  problemDailyWithOtherEvents: '{step}: “every day” starts a flow on its own; take the other events out',
  problemDailyNoPatient:
    '{step} goes to the patient, but a daily list is about a practitioner’s day: send it to the practitioner',
  settingsAdminMobile: 'Clinic admin’s mobile',
  settingsAdminMobileHint: 'Alerts by SMS go here (e-mail alerts go to the admin e-mail).',
  settingsAdminAlerts: 'Alerts to the clinic admin',
  settingsAdminAlertsHint:
    'By e-mail and SMS: a message that failed for good (at most once an hour), a provider failing several times in a row (at most once an hour), credits running low (once until the next top-up).',
  settingsCreditsBelow: 'Alert when SMS credits fall below',
  settingsCreditsBelowHint: 'Leave empty for no alert.',
  settingsProviderFailures: 'Alert after this many provider failures in a row',
};
