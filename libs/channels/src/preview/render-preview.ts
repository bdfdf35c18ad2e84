import { composeEmail } from '../email/email-message';
import type { Channel } from '../providers/provider';
import { resolveLanguage, type Language } from '../languages/language';
import { measureSms, type SmsEncoding } from '../sms/sms-segments';
import { completeMessageContext, type PartialMessageContext } from '../templates/message-context';
import { renderTemplate } from '../templates/render-template';
import type { TemplateProblem } from '../templates/template-problem';
import { composeVoiceScript } from '../voice/voice-script';

/** The body of `POST /api/messages/preview` (api.md). */
export interface PreviewRequest {
  channel: Channel;
  /** `body` is the SMS text, the voice script or the e-mail's plain text; `subject` and `html` are e-mail only. */
  template: { body?: string; subject?: string; html?: string };
  language?: string;
  /** Parts left out are filled with sample data. */
  context?: PartialMessageContext;
  /** The moment "demain" is relative to; now by default. */
  now?: Date;
}

/** The answer of `POST /api/messages/preview` (api.md), with the size facts of an SMS. */
export interface MessagePreview {
  text: string | null;
  subject: string | null;
  /** E-mail only: the HTML part. */
  html?: string | null;
  /** The encoding of the text as an SMS; for e-mail, voice and WhatsApp, what it would be (informative). */
  encoding: SmsEncoding;
  characters: number;
  segments: number;
  /** What the message costs: one credit per SMS segment; e-mail, voice and WhatsApp cost none. */
  credits: number;
  errors: { path: string; message: string }[];
}

function errorsOf(path: string, problems: readonly TemplateProblem[]) {
  return problems.map((problem) => ({
    path,
    message: `${problem.message} (line ${problem.line}, column ${problem.column})`,
  }));
}

function sized(
  text: string | null,
  subject: string | null,
  channel: Channel,
  html?: string | null,
): MessagePreview {
  const size = measureSms(text ?? '');
  const credits = channel === 'sms' ? size.credits : 0;
  const preview: MessagePreview = {
    text,
    subject,
    encoding: size.encoding,
    characters: size.characters,
    segments: size.segments,
    credits,
    errors: [],
  };
  if (html !== undefined) preview.html = html;
  return preview;
}

function failed(errors: MessagePreview['errors']): MessagePreview {
  return { text: null, subject: null, encoding: 'GSM-7', characters: 0, segments: 0, credits: 0, errors };
}

/** Renders a message for the preview endpoint, with no side effects: text, size, credits and errors. */
export function renderPreview(request: PreviewRequest): MessagePreview {
  const context = completeMessageContext(request.context);
  const language: Language =
    resolveLanguage(request.language) ?? resolveLanguage(context.clinic.language) ?? 'fr';
  const settings = { language, now: request.now };
  const { body, subject, html } = request.template ?? {};
  if (request.channel === 'email') {
    if (subject === undefined)
      return failed([{ path: 'template.subject', message: 'An e-mail needs a subject.' }]);
    const result = composeEmail({ subject, html, text: body }, context, settings);
    if (!result.ok)
      return failed(
        result.problems.map((p) => errorsOf(p.path === 'template.text' ? 'template.body' : p.path, [p])[0]),
      );
    return sized(result.email.text, result.email.subject, 'email', result.email.html);
  }
  if (body === undefined) return failed([{ path: 'template.body', message: 'The message has no text.' }]);
  if (request.channel === 'voice') {
    const result = composeVoiceScript(body, context, settings);
    return result.ok
      ? sized(result.script.text, null, 'voice')
      : failed(errorsOf('template.body', result.problems));
  }
  const result = renderTemplate(body, context, settings);
  return result.ok
    ? sized(result.text, null, request.channel)
    : failed(errorsOf('template.body', result.problems));
}
