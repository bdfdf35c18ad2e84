import { whatsappTemplateSchema } from '@clinicflow/rules';
import { z } from 'zod';
import { channelSchema } from '../channels/channel';
import { instantSchema } from '../dates/dates';
import { pageFields, pageOf } from '../paging/page';
import { searchTextSchema } from '../paging/search-text';

/** What a template is for (consent purposes, plus notices, alerts and the rest). */
export const TEMPLATE_PURPOSES = ['reminders', 'recall', 'surveys', 'notices', 'alerts', 'other'] as const;
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];

/** The text of a template in one language (a subject and an HTML part for e-mail). */
export const templateVariantSchema = z.object({
  subject: z.string().max(500).optional(),
  body: z.string().min(1).max(5000),
  html: z.string().max(100_000).optional(),
  /** WhatsApp only: the approved template sent instead of `body` outside the 24-hour window (docs/whatsapp.md). */
  whatsapp: whatsappTemplateSchema.optional(),
});
export type TemplateVariant = z.output<typeof templateVariantSchema>;

/**
 * A template (`POST`/`PUT /api/templates`): one channel, a text per language. The API also checks the languages
 * and the SMS sender name with libs/channels (`LANGUAGES`, `checkSenderId`) and each text with its template
 * engine.
 */
export const templateSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    channel: channelSchema,
    purpose: z.enum(TEMPLATE_PURPOSES).default('reminders'),
    variants: z
      .partialRecord(z.string(), templateVariantSchema)
      .refine((variants) => Object.keys(variants).length > 0, 'needs at least one language'),
    /** Overrides the clinic's sender for this template (C2). */
    sender: z
      .object({ smsSenderName: z.string(), emailFromName: z.string().max(100), emailFromAddress: z.email() })
      .partial()
      .optional(),
  })
  .superRefine((template, ctx) => {
    for (const [language, variant] of Object.entries(template.variants ?? {})) {
      if (variant?.whatsapp && template.channel !== 'whatsapp')
        ctx.addIssue({
          code: 'custom',
          path: ['variants', language, 'whatsapp'],
          message: 'only a WhatsApp template has an approved WhatsApp template',
        });
    }
    if (template.channel !== 'email') return;
    for (const [language, variant] of Object.entries(template.variants ?? {})) {
      if (!variant?.subject)
        ctx.addIssue({
          code: 'custom',
          path: ['variants', language, 'subject'],
          message: 'an e-mail needs a subject',
        });
    }
  });
/** A template as the editor sends it (the purpose may be left out). */
export type TemplateDraft = z.input<typeof templateSchema>;
export type TemplateInput = z.output<typeof templateSchema>;

/** `GET /api/templates`: by channel, by name. */
export const templateListQuerySchema = z.object({
  channel: channelSchema.optional(),
  q: searchTextSchema.optional(),
  ...pageFields(),
});
export type TemplateListQuery = z.output<typeof templateListQuerySchema>;

/** A saved template as the API answers it. */
export const templateViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  channel: channelSchema,
  purpose: z.enum(TEMPLATE_PURPOSES),
  variants: z.partialRecord(z.string(), templateVariantSchema),
  sender: z
    .object({ smsSenderName: z.string(), emailFromName: z.string(), emailFromAddress: z.string() })
    .partial()
    .optional(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  updatedBy: z.string(),
});
export type TemplateView = z.infer<typeof templateViewSchema>;

/** `GET /api/templates`: one page of templates. */
export const templatePageSchema = pageOf(templateViewSchema);
export type TemplatePage = z.infer<typeof templatePageSchema>;
