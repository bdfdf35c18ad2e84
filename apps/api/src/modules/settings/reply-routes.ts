import { questionSmsSender, type ReplyRoutes } from '@clinicflow/channels';
import type { SettingsDocument, StoredProvider } from './settings.repository';

/** The provider kinds whose calls gather a key pressed (Twilio-style voice, F4). */
const KEYPAD_VOICE_KINDS: ReadonlySet<string> = new Set(['twilio', 'http']);

/**
 * The sender an SMS provider uses when a message names none: SMPP's `defaultFrom` (or `sender`, else "clinic",
 * as `providerSettingsOf` builds it), Twilio's `defaultFrom`; null for the provider's own number.
 */
function providerSmsSender(provider: StoredProvider | undefined): string | null {
  const option = (key: string) => {
    const value = provider?.options[key];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  if (provider?.kind === 'smpp') return option('defaultFrom') ?? option('sender') ?? 'clinic';
  if (provider && KEYPAD_VOICE_KINDS.has(provider.kind)) return option('defaultFrom');
  return null;
}

/**
 * How patients can answer a question as the clinic is set up (F4), for the validator at publish and the
 * editor's cards: the SMS sender of questions, whether calls gather a key (a Twilio-style voice provider, and
 * the API's public address for the key to come back to), whether e-mail replies have an inbound route (the
 * e-mail provider's inbound secret). Test mode changes none of it: it is what goes live.
 */
export function replyRoutesOf(settings: SettingsDocument, publicUrl: string | undefined): ReplyRoutes {
  const { voice, email, sms } = settings.providers;
  return {
    smsSender: questionSmsSender(settings.senders) ?? providerSmsSender(sms),
    voiceKeypress: Boolean(publicUrl) && voice !== undefined && KEYPAD_VOICE_KINDS.has(voice.kind),
    emailInbound: email?.kind === 'smtp' && email.credentialKeys.includes('inboundSecret'),
  };
}
