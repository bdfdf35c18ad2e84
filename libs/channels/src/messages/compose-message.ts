import { composeEmail, type EmailLinks } from '../email/email-message';
import type { Channel, WhatsappTemplateMessage } from '../providers/provider';
import { measureSms, type SmsSize } from '../sms/sms-segments';
import { chooseTemplateVariant, type MessageTemplate } from '../templates/choose-template-variant';
import type { MessageContext } from '../templates/message-context';
import { renderTemplate } from '../templates/render-template';
import type { Language } from '../languages/language';
import { composeVoiceScript } from '../voice/voice-script';

/** What to compose: a template (with language variants) for one channel and one appointment's facts. */
export interface ComposeRequest {
  channel: Channel;
  template: MessageTemplate;
  context: MessageContext;
  /** The patient's language; the clinic's language (context.clinic.language) is the fallback. */
  patientLanguage?: string;
  /** The moment the message is sent ("demain" is relative to it). */
  now?: Date;
  /** E-mail only: unsubscribe and open-tracking links. */
  emailLinks?: EmailLinks;
}

/** A composed message: its language, text and, per channel, subject/HTML/headers, SSML or SMS size. */
export interface ComposedMessage {
  language: Language;
  text: string;
  subject?: string;
  html?: string;
  headers?: Record<string, string>;
  ssml?: string;
  speechLanguage?: string;
  sms?: SmsSize;
  /** WhatsApp: the approved template with its variables written, when the template names one. */
  whatsappTemplate?: WhatsappTemplateMessage;
}

/** One problem, at its template path ("template.body", "template.subject", "template.html"). */
export interface ComposeError {
  path: string;
  message: string;
}

/** Composes one message in the patient's language (else the clinic's), ready for a provider. */
export function composeMessage(
  request: ComposeRequest,
): { ok: true; message: ComposedMessage } | { ok: false; errors: ComposeError[] } {
  const { language, content } = chooseTemplateVariant(
    request.template,
    request.patientLanguage,
    request.context.clinic.language,
  );
  const settings = { language, now: request.now };
  const at = (path: string) => (problem: { message: string; line: number; column: number }) => ({
    path,
    message: `${problem.message} (line ${problem.line}, column ${problem.column})`,
  });
  if (request.channel === 'email') {
    const result = composeEmail(
      { subject: content.subject ?? '', html: content.html, text: content.body || undefined },
      request.context,
      settings,
      request.emailLinks,
    );
    if (!result.ok)
      return {
        ok: false,
        errors: result.problems.map((p) => at(p.path === 'template.text' ? 'template.body' : p.path)(p)),
      };
    return { ok: true, message: { language, ...result.email } };
  }
  if (request.channel === 'voice') {
    const result = composeVoiceScript(content.body, request.context, settings);
    if (!result.ok) return { ok: false, errors: result.problems.map(at('template.body')) };
    return { ok: true, message: { language, ...result.script } };
  }
  const result = renderTemplate(content.body, request.context, settings);
  if (!result.ok) return { ok: false, errors: result.problems.map(at('template.body')) };
  if (request.channel === 'whatsapp') {
    if (!content.whatsapp) return { ok: true, message: { language, text: result.text } };
    const variables: Record<string, string> = {};
    const errors: ComposeError[] = [];
    (content.whatsapp.variables ?? []).forEach((variable, index) => {
      const written = renderTemplate(variable, request.context, settings);
      if (written.ok) variables[String(index + 1)] = written.text;
      else errors.push(...written.problems.map(at(`template.whatsapp.variables.${index}`)));
    });
    if (errors.length > 0) return { ok: false, errors };
    const whatsappTemplate = { contentSid: content.whatsapp.contentSid, variables };
    return { ok: true, message: { language, text: result.text, whatsappTemplate } };
  }
  return { ok: true, message: { language, text: result.text, sms: measureSms(result.text) } };
}
