import { z } from 'zod';
import { channelSchema } from '../channels/channel';
import { apiProblemSchema } from '../errors/api-error';

/** `POST /api/messages/preview` (api.md): a text rendered with sample or given data, no side effects. */
export const previewSchema = z.object({
  channel: channelSchema,
  template: z.object({
    body: z.string().max(5000).optional(),
    subject: z.string().max(500).optional(),
    html: z.string().max(100_000).optional(),
  }),
  language: z.string().min(2).max(10).optional(),
  context: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});
export type PreviewInput = z.output<typeof previewSchema>;

/** The SMS encodings a text can need. */
export const SMS_ENCODINGS = ['GSM-7', 'UCS-2'] as const;

/** The preview's answer: the text, its SMS encoding, length, segments and credits, or the template's errors. */
export const messagePreviewSchema = z.object({
  text: z.string().nullable(),
  subject: z.string().nullable(),
  html: z.string().nullable().optional(),
  encoding: z.enum(SMS_ENCODINGS),
  characters: z.number().int().min(0),
  segments: z.number().int().min(0),
  credits: z.number().min(0),
  errors: z.array(apiProblemSchema),
});
export type MessagePreview = z.infer<typeof messagePreviewSchema>;
