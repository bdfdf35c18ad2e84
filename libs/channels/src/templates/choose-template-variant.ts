import { resolveLanguage, type Language } from '../languages/language';

/**
 * The texts of one template in one language: body (SMS, WhatsApp, voice, e-mail text), for e-mail subject and
 * HTML, and for WhatsApp the approved template sent outside the 24-hour window (its variables are texts too).
 */
export interface TemplateContent {
  body: string;
  subject?: string;
  html?: string;
  whatsapp?: { contentSid: string; variables?: string[] };
}

/** A template: its default content (in the clinic's language) and optional variants per language. */
export interface MessageTemplate extends TemplateContent {
  variants?: Partial<Record<Language, TemplateContent>>;
}

/** The variant for the patient's language, else the clinic's, else the default content (B7). */
export function chooseTemplateVariant(
  template: MessageTemplate,
  patientLanguage: string | undefined,
  clinicLanguage: Language,
): { language: Language; content: TemplateContent } {
  const patient = resolveLanguage(patientLanguage);
  for (const language of [patient, clinicLanguage]) {
    const variant = language && template.variants?.[language];
    if (language && variant) return { language, content: variant };
  }
  const { body, subject, html, whatsapp } = template;
  return { language: clinicLanguage, content: { body, subject, html, whatsapp } };
}
