/** Data protection: the retention setting, the patients page with a patient's export and erasure, their acts in the trail. */
export const privacyMessages = {
  navPatients: 'Patients',
  settingsRetention: 'Keep message texts for (months)',
  settingsRetentionHint:
    'Every night, the texts and addresses of older messages and replies are removed; their counts, statuses and dates stay in the report. At least 1 month.',
  settingsEmailOpenTracking: 'Record when e-mails are opened',
  settingsEmailOpenTrackingHint:
    'E-mails carry a tiny image; when the patient’s mail program loads it, the report shows the message as opened. Some mail programs load images without the patient reading (shown as such), others never load them.',
  patientsTitle: 'Patients',
  patientsIntro:
    'Find a patient to export everything the clinic holds about them (a subject access request) or to erase them.',
  patientsFind: 'Patient',
  patientsExportJson: 'Export everything (JSON)',
  patientsExportHtml: 'Export everything (readable page)',
  patientsExportFailed: 'The export failed: {reason}',
  patientsErase: 'Erase this patient…',
  patientsEraseTitle: 'Erase {name}?',
  patientsEraseConsequences:
    'Messages still to go to this patient are cancelled. The patient, their appointments, their replies and inbox entries are deleted, and the texts and addresses of the messages sent to them are removed. The report keeps the counts. This cannot be undone. If the practice software sends this patient again, they come back as a new patient.',
  patientsEraseConfirm: 'Erase for good',
  patientsEraseCancel: 'Keep',
  patientsErased:
    '{name} was erased: {appointments} appointments, {deliveries} messages ({cancelled} cancelled), {replies} replies.',
  patientsEraseFailed: 'The erasure failed: {reason}',
  auditPatientErased: 'Patient erased',
  auditPatientExported: 'Patient data exported',
  auditRetentionApplied: 'Old message texts removed',
};
