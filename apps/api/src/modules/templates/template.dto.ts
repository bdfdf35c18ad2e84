import { checkSenderId, LANGUAGES } from '@clinicflow/channels';
import { z } from 'zod';
import { pageFields } from '../../http/zod-validation';
import { CHANNELS } from '../settings/settings.dto';

const variantSchema = z.object({
  subject: z.string().max(500).optional(),
  body: z.string().min(1).max(5000),
  html: z.string().max(100_000).optional(),
});

/** A template: one channel, a text per language; validated on save by the channels library. */
export const templateSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    channel: z.enum(CHANNELS),
    purpose: z.enum(['reminders', 'recall', 'surveys', 'notices', 'alerts', 'other']).default('reminders'),
    variants: z
      .partialRecord(z.enum(LANGUAGES), variantSchema)
      .refine((variants) => Object.keys(variants).length > 0, 'needs at least one language'),
    /** Overrides the clinic's sender for this template (C2). */
    sender: z
      .object({
        smsSenderName: z
          .string()
          .refine((v) => checkSenderId(v).valid, 'at most 11 letters, digits or spaces, or a phone number'),
        emailFromName: z.string().max(100),
        emailFromAddress: z.email(),
      })
      .partial()
      .optional(),
  })
  .superRefine((template, ctx) => {
    if (template.channel !== 'email') return;
    for (const [language, variant] of Object.entries(template.variants)) {
      if (!variant?.subject)
        ctx.addIssue({
          code: 'custom',
          path: ['variants', language, 'subject'],
          message: 'an e-mail needs a subject',
        });
    }
  });
export type TemplateInput = z.infer<typeof templateSchema>;

export const templateListQuerySchema = z.object({
  channel: z.enum(CHANNELS).optional(),
  q: z.string().trim().max(200).optional(),
  ...pageFields(),
});
export type TemplateListQuery = z.infer<typeof templateListQuerySchema>;

export const templateExample = {
  name: 'Rappel 24 h',
  channel: 'sms',
  purpose: 'reminders',
  variants: {
    fr: {
      body: 'Bonjour {{patient.firstName}}, RDV le {{date appointment.start "EEEE d MMMM"}} à {{time appointment.start}}.',
    },
    en: {
      body: 'Hello {{patient.firstName}}, see you on {{date appointment.start "EEEE d MMMM"}} at {{time appointment.start}}.',
    },
  },
  sender: { smsSenderName: 'CabLilas' },
};
