import type { Channel, ProviderInput, ProviderKind, ProviderView } from '../api/settingsApi';

/** The API's stand-in for a stored secret: sent back, it keeps that secret (settings.service.ts). */
export const STORED_SECRET = '********';

/** The provider kinds each channel can use (the dispatcher's adapters). */
export const KINDS_BY_CHANNEL: Record<Channel, ProviderKind[]> = {
  sms: ['sandbox', 'twilio', 'http', 'smpp'],
  email: ['sandbox', 'smtp'],
  voice: ['sandbox', 'twilio', 'http'],
  // Twilio's `defaultFrom` is then the clinic's WhatsApp number (ProviderCard labels it so)
  whatsapp: ['sandbox', 'twilio'],
};

/**
 * The settings each kind reads (apps/api provider-settings.ts): plain options, secrets written only, and
 * switches (options sent as true or false, on unless stored false).
 */
export const PROVIDER_FIELDS: Record<
  ProviderKind,
  { options: string[]; secrets: string[]; flags?: string[] }
> = {
  sandbox: { options: [], secrets: [] },
  smpp: { options: ['host', 'port', 'systemId', 'systemType', 'defaultFrom'], secrets: ['password'] },
  // replies to e-mail questions: where they go (Reply-To), and the secret the inbound route checks (F4)
  // requireTLS: STARTTLS or nothing, unless the clinic turns it off (a relay without TLS)
  smtp: {
    options: ['host', 'port', 'user', 'defaultFrom', 'replyTo'],
    secrets: ['pass', 'inboundSecret'],
    flags: ['requireTLS'],
  },
  twilio: {
    options: ['accountSid', 'defaultFrom', 'callerId', 'messagingServiceSid'],
    secrets: ['authToken'],
  },
  http: { options: ['baseUrl', 'accountSid', 'defaultFrom', 'callerId'], secrets: ['authToken'] },
};

/** The options a channel's card shows for a kind: the caller id is a call's, so only the voice card asks for it. */
export function optionsShown(kind: ProviderKind, channel: Channel): string[] {
  return PROVIDER_FIELDS[kind].options.filter((key) => key !== 'callerId' || channel === 'voice');
}

/** A provider in the form: options as text, the secrets typed now (empty: keep the stored one). */
export interface ProviderForm {
  kind: ProviderKind;
  options: Record<string, string>;
  newSecrets: Record<string, string>;
  /** Names of the secrets the API says are stored (their values never reach the browser). */
  storedSecrets: string[];
  /** Messages per second as typed; empty: the kind's default (`DEFAULT_SENDING_RATES`). */
  ratePerSecond: string;
}

/** The form of a provider as the API answered it. */
export function providerFormOf(view: ProviderView | undefined): ProviderForm {
  return {
    kind: view?.kind ?? 'sandbox',
    options: Object.fromEntries(Object.entries(view?.options ?? {}).map(([k, v]) => [k, String(v)])),
    newSecrets: {},
    storedSecrets: Object.keys(view?.credentials ?? {}),
    ratePerSecond: view?.ratePerSecond == null ? '' : String(view.ratePerSecond),
  };
}

/**
 * The PUT's provider: options without empty fields; credentials only when a secret was typed, with the
 * stored ones of the same kind sent back masked so they are kept.
 */
export function providerInputOf(form: ProviderForm, storedKind: ProviderKind | undefined): ProviderInput {
  const fields = PROVIDER_FIELDS[form.kind];
  const options: Record<string, string | boolean> = Object.fromEntries([
    ...fields.options
      .filter((key) => form.options[key]?.trim())
      .map((key) => [key, form.options[key].trim()]),
    ...(fields.flags ?? []).map((key) => [key, flagOn(form, key)]),
  ]);
  const typed = Object.entries(form.newSecrets).filter(
    ([key, value]) => value && fields.secrets.includes(key),
  );
  const ratePerSecond = rateOf(form.ratePerSecond);
  if (typed.length === 0) return { kind: form.kind, options, ratePerSecond };
  const kept = storedKind === form.kind ? form.storedSecrets.map((key) => [key, STORED_SECRET]) : [];
  return { kind: form.kind, options, credentials: Object.fromEntries([...kept, ...typed]), ratePerSecond };
}

/** The rate typed: empty is the default (null); anything else goes as typed, for the API to accept or name. */
function rateOf(typed: string): number | null {
  const text = typed.trim().replace(',', '.');
  return text === '' ? null : Number(text);
}

/** A switch of the form: on unless set to false. */
export function flagOn(form: ProviderForm, key: string): boolean {
  return form.options[key] !== 'false';
}
