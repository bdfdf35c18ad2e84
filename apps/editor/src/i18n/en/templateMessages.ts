/**
 * The strings of the templates screen, in English (the French ones are in ../fr/templateMessages.ts; both have the
 * same keys). Read them through useMessages().
 */
export const templateMessages = {
  templateNew: 'New template',
  templatePick: 'Pick a template on the left, or start a new one.',
  templateUntitled: 'New template',
  templateName: 'Template name',
  templateChannel: 'Channel',
  templateLanguages: 'Languages',
  templateSubject: 'Subject',
  templateBody: 'Text',
  templateScript: 'Spoken script',
  templatePlainHint: 'Plain text version of the e-mail',
  templateHtml: 'HTML version (optional)',
  templateInsertVariable: 'Insert a variable',
  templateSearchVariable: 'Search: first name, appointment date, clinic phone…',
  templateNoVariable: 'No variable matches',
  templatePreview: 'Preview for the sample patient',
  templateSpokenPreview: 'What the call will say to the sample patient',
  templateListen: 'Listen',
  templateListenStop: 'Stop',
  templateListenNoVoice:
    'This computer has no voice in this language: the reading uses another one (the call uses the provider’s).',
  templateListenUnavailable: 'This browser cannot read it aloud; the text above is what the call will say.',
  templateSender: 'SMS sender for this template',
  templateSenderRule:
    'Leave empty to use the clinic’s sender. At most 11 letters, digits or spaces, or a phone number; patients can reply only to a phone number.',
  templateSenderInvalid: 'At most 11 letters, digits or spaces, or a phone number',
  templateWhatsapp: 'Approved WhatsApp template',
  templateWhatsappHint:
    'Sent instead of the text when the patient has not written to you on WhatsApp in the last 24 hours.',
  templateContentSid: 'Content SID',
  templateContentSidHint: 'As Twilio shows it: HX followed by 32 letters and digits. Leave empty for none.',
  templateWhatsappVariable: 'Value of {{{number}}}',
  templateWhatsappVariablesHint: 'In order; each may use variables such as {{patient.firstName}}.',
  templateWhatsappAddVariable: 'Add a value',
  templateWhatsappRemoveVariable: 'Remove the value of {{{number}}}',
  templateSave: 'Save template',
  templateSaved: 'Saved',
  smsCharacters: '{count} characters',
  smsSegments: '{count} SMS ({limit} characters each)',
  smsCredits: '{count} credit(s) per patient',
  smsGsm: 'standard alphabet',
  smsUnicode: 'special characters: fewer characters per SMS',
};
