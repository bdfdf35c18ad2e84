import { LANGUAGE_CONVENTIONS, type Language } from '../languages/language';
import { renderTemplate, type RenderSettings } from '../templates/render-template';
import type { MessageContext } from '../templates/message-context';
import type { TemplateProblem } from '../templates/template-problem';

/** A spoken message: plain text safe to put in SSML or TwiML, and the speech language tag. */
export interface VoiceScript {
  text: string;
  ssml: string;
  speechLanguage: string;
}

/** Escapes text for XML (SSML, TwiML) and drops control characters a speech engine rejects. */
export function escapeForSpeech(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** The BCP 47 tag a speech engine uses for a language ("fr" → "fr-FR"). */
export function speechLanguage(language: Language): string {
  return LANGUAGE_CONVENTIONS[language].speech;
}

/** Renders a voice template into a script: the text, and SSML `<speak>` with pauses between sentences. */
export function composeVoiceScript(
  source: string,
  context: MessageContext,
  settings: RenderSettings,
): { ok: true; script: VoiceScript } | { ok: false; problems: TemplateProblem[] } {
  const result = renderTemplate(source, context, { ...settings, escape: false });
  if (!result.ok) return result;
  const text = result.text.replace(/\s+/g, ' ').trim();
  const tag = speechLanguage(settings.language);
  const sentences = text.split(/(?<=[.!?])\s+/).map(escapeForSpeech);
  const ssml = `<speak xml:lang="${tag}">${sentences.map((s) => `<s>${s}</s>`).join('<break time="300ms"/>')}</speak>`;
  return { ok: true, script: { text, ssml, speechLanguage: tag } };
}
