/** `POST /api/messages/preview` (api.md): the shared contract's schema (libs/contract). */
export { previewSchema, type PreviewInput } from '@clinicflow/contract';

export const previewExample = {
  channel: 'sms',
  template: {
    body: 'Bonjour {{patient.firstName}}, RDV le {{date appointment.start "EEEE d MMMM"}} à {{time appointment.start}}.',
  },
  language: 'fr',
};

export const previewAnswerExample = {
  text: 'Bonjour Léa, RDV le jeudi 3 décembre à 09:30.',
  subject: null,
  encoding: 'GSM-7',
  characters: 48,
  segments: 1,
  credits: 1,
  errors: [],
};
