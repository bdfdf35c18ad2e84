import { checkSenderId, LANGUAGES } from '@clinicflow/channels';
import { templateSchema as contractTemplateSchema } from '@clinicflow/contract';
import { z } from 'zod';
import { SENDER_NAME_RULE } from '../settings/settings.dto';

export { templateListQuerySchema, type TemplateListQuery } from '@clinicflow/contract';

const languages: readonly string[] = LANGUAGES;

/**
 * A template (the contract's `templateSchema`): one channel, a text per language. The languages and the SMS sender
 * name are also checked here with libs/channels; the texts are checked on save by its template engine.
 */
export const templateSchema = contractTemplateSchema.superRefine(
  (template, context) => {
    const { variants, sender } = template as {
      variants?: unknown;
      sender?: { smsSenderName?: unknown } | null;
    };
    const keys = typeof variants === 'object' && variants !== null ? Object.keys(variants) : [];
    const unknown = keys.filter((language) => !languages.includes(language));
    if (unknown.length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['variants'],
        message: `unknown language ${unknown.map((l) => `"${l}"`).join(', ')}; one of ${LANGUAGES.join(', ')}`,
      });
    }
    const name = sender?.smsSenderName;
    if (typeof name === 'string' && !checkSenderId(name).valid) {
      context.addIssue({ code: 'custom', path: ['sender', 'smsSenderName'], message: SENDER_NAME_RULE });
    }
  },
  // also when another field is wrong, so that a 400 names every bad field
  { when: ({ value }) => typeof value === 'object' && value !== null },
);
export type TemplateInput = z.output<typeof templateSchema>;

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
