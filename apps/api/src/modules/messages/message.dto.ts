import { z } from 'zod';
import { CHANNELS } from '../settings/settings.dto';

/** `POST /api/messages/preview` (api.md). */
export const previewSchema = z.object({
  channel: z.enum(CHANNELS),
  template: z.object({
    body: z.string().max(5000).optional(),
    subject: z.string().max(500).optional(),
    html: z.string().max(100_000).optional(),
  }),
  language: z.string().min(2).max(10).optional(),
  context: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});
export type PreviewInput = z.infer<typeof previewSchema>;

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
