import type { Language } from '@clinicflow/channels/browser';
import type { SendData } from '@clinicflow/rules';

/** The languages a message can be written in, in the form's order: every language templates allow. */
export const messageLanguages = ['fr', 'en', 'es', 'nb', 'it', 'de'] as const satisfies readonly Language[];

/** The form's values of a message: an entry per language, so every text box has a field. */
export function messageFormValues<Data extends SendData>(data: Data): Data {
  const byLanguage = { ...data.template.byLanguage };
  // a language saved with its subject only (an e-mail whose text is not written yet) gets its text box too
  for (const language of messageLanguages) {
    const text = byLanguage[language];
    byLanguage[language] = text ? { ...text, body: text.body ?? '' } : { subject: '', body: '' };
  }
  return { ...data, template: { ...data.template, byLanguage } };
}

/**
 * The message data to save: languages with no text, empty subjects and an empty sender are left out; the rest of
 * a text (a WhatsApp template the step has) is kept as it was.
 */
export function messageData<Data extends SendData>(values: Data): Data {
  const byLanguage = Object.fromEntries(
    Object.entries(values.template.byLanguage ?? {})
      .filter(([, text]) => text.body.trim() !== '' || (text.subject ?? '').trim() !== '')
      .map(([language, { subject, ...text }]) => [language, subject ? { subject, ...text } : text]),
  );
  const template = {
    ...(values.template.templateId ? { templateId: values.template.templateId } : {}),
    ...(Object.keys(byLanguage).length > 0 ? { byLanguage } : {}),
  };
  const sender = Object.fromEntries(
    Object.entries(values.sender ?? {}).filter(([, value]) => value !== undefined),
  );
  const { sender: _sender, ...rest } = values;
  return { ...rest, template, ...(Object.keys(sender).length > 0 ? { sender } : {}) } as Data;
}
