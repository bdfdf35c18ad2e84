import type { Language } from '@clinicflow/channels/browser';
import type { Channel, MessageTemplate, SendData, TemplateText } from '@clinicflow/rules';
import { whatsappToSave } from '../../templates/utils/whatsappToSave';

/** The languages a message can be written in, in the form's order: every language templates allow. */
export const messageLanguages = ['fr', 'en', 'es', 'nb', 'it', 'de'] as const satisfies readonly Language[];

/** A message's template as the form holds it: an entry per language, so every text box has a field. */
export function templateFormValues(template: MessageTemplate): MessageTemplate {
  const byLanguage = { ...template.byLanguage };
  // a language saved with its subject only (an e-mail whose text is not written yet) gets its text box too
  for (const language of messageLanguages) {
    const text = byLanguage[language];
    byLanguage[language] = text ? { ...text, body: text.body ?? '' } : { subject: '', body: '' };
  }
  return { ...template, byLanguage };
}

/** One language's text as saved: no empty subject, its WhatsApp template as `whatsappToSave` keeps it. */
export function textToSave(channel: Channel, { subject, body, whatsapp }: TemplateText): TemplateText {
  const approved = whatsappToSave(channel, whatsapp);
  return { ...(subject ? { subject } : {}), body, ...(approved ? { whatsapp: approved } : {}) };
}

/**
 * A message's template to save: languages with no text and empty subjects are left out, and a language's
 * WhatsApp template is kept as `whatsappToSave` keeps it (on WhatsApp, with a Content SID).
 */
export function templateData(template: MessageTemplate, channel: Channel): MessageTemplate {
  const byLanguage = Object.fromEntries(
    Object.entries(template.byLanguage ?? {})
      .filter(([, text]) => text.body.trim() !== '' || (text.subject ?? '').trim() !== '')
      .map(([language, text]) => [language, textToSave(channel, text)]),
  );
  return {
    ...(template.templateId ? { templateId: template.templateId } : {}),
    ...(Object.keys(byLanguage).length > 0 ? { byLanguage } : {}),
  };
}

/** The form's values of a message step: an entry per language, so every text box has a field. */
export function messageFormValues<Data extends SendData>(data: Data): Data {
  return { ...data, template: templateFormValues(data.template) };
}

/** The message step's data to save: its template as `templateData` keeps it, and no empty sender. */
export function messageData<Data extends SendData>(values: Data): Data {
  const sender = Object.fromEntries(
    Object.entries(values.sender ?? {}).filter(([, value]) => value !== undefined),
  );
  const { sender: _sender, ...rest } = values;
  return {
    ...rest,
    template: templateData(values.template, values.channel),
    ...(Object.keys(sender).length > 0 ? { sender } : {}),
  } as Data;
}
