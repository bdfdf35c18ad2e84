import { resolveLanguage, type Language } from '../languages/language';

/** The texts of one template in one language: body (SMS, voice, e-mail text), and for e-mail subject and HTML. */
export interface TemplateContent {
  body: string;
  subject?: string;
  html?: string;
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
  const { body, subject, html } = template;
  return { language: clinicLanguage, content: { body, subject, html } };
}
