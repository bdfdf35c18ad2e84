import {
  createProvider,
  type Clock,
  type MessageProvider,
  type ProviderHostPolicy,
  type ProviderSettings,
} from '@clinicflow/channels';

/** A provider as the clinic configured it: kind, non-secret options and decrypted credentials (C7). */
export interface ProviderConnectionSettings {
  kind: string;
  options: Record<string, string | number | boolean>;
  credentials: Record<string, string>;
  /** Which local hosts it may reach (CLINICFLOW_ALLOWED_PROVIDER_HOSTS): checked again at every connection. */
  hostPolicy?: ProviderHostPolicy;
  /** The sending rate in force (the clinic's, or its kind's default; null: no limit), for ProviderRateService. */
  ratePerSecond?: number | null;
}

/** A setting the provider cannot work without is missing or of the wrong kind. */
export class ProviderSettingsError extends Error {
  readonly code = 'provider-settings';
}

function reader(kind: string, values: Record<string, string | number | boolean>) {
  const text = (key: string): string | undefined =>
    values[key] === undefined || values[key] === '' ? undefined : String(values[key]);
  const required = (key: string): string => {
    const value = text(key);
    if (value === undefined) throw new ProviderSettingsError(`The ${kind} provider has no "${key}" setting.`);
    return value;
  };
  const number = (key: string): number | undefined => {
    const value = text(key);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed)) throw new ProviderSettingsError(`The ${kind} "${key}" must be a number.`);
    return parsed;
  };
  // anything but true or false leaves the provider's default (TLS required, certificates checked)
  const flag = (key: string): boolean | undefined =>
    values[key] === true || values[key] === 'true'
      ? true
      : values[key] === false || values[key] === 'false'
        ? false
        : undefined;
  return { text, required, number, flag };
}

const compact = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** Where a provider posts back what only this API can be told: the key a patient pressed on a call (F4). */
export interface ProviderCallbackUrls {
  keypressUrl?: string;
}

/**
 * The channels library's settings for a configured provider. Options and credentials are read together (a
 * password may sit in either); "http" is a Twilio-style HTTP API at its own base URL. The inbound e-mail secret
 * is read from the credentials only: a secret is stored sealed and answered masked.
 */
export function providerSettingsOf(
  connection: ProviderConnectionSettings,
  clock: Clock,
  callbacks: ProviderCallbackUrls = {},
): ProviderSettings {
  const values = { ...connection.options, ...connection.credentials };
  const read = reader(connection.kind, values);
  switch (connection.kind) {
    case 'smpp':
      return compact({
        kind: 'smpp',
        host: read.required('host'),
        port: read.number('port') ?? 2775,
        systemId: read.required('systemId'),
        password: read.required('password'),
        systemType: read.text('systemType'),
        defaultFrom: read.text('defaultFrom') ?? read.text('sender') ?? 'clinic',
        window: read.number('window'),
        hostPolicy: connection.hostPolicy,
        clock,
      });
    case 'smtp': {
      const user = read.text('user') ?? read.text('username');
      const pass = read.text('pass') ?? read.text('password');
      const rejectUnauthorized = read.flag('rejectUnauthorized');
      return compact({
        kind: 'smtp',
        host: read.required('host'),
        port: read.number('port') ?? 587,
        secure: read.flag('secure'),
        // STARTTLS or nothing unless the clinic set it to false (libs/channels' default)
        requireTLS: read.flag('requireTLS'),
        auth: user && pass ? { user, pass } : undefined,
        tls: rejectUnauthorized === undefined ? undefined : { rejectUnauthorized },
        defaultFrom: read.required('defaultFrom'),
        timeoutMs: read.number('timeoutMs'),
        replyTo: read.text('replyTo'),
        inboundSecret: connection.credentials.inboundSecret || undefined,
        hostPolicy: connection.hostPolicy,
        clock,
      });
    }
    case 'twilio':
    case 'http':
      return compact({
        kind: 'twilio',
        accountSid: read.required('accountSid'),
        authToken: read.required('authToken'),
        baseUrl: read.text('baseUrl'),
        defaultFrom: read.text('defaultFrom'),
        callerId: read.text('callerId'),
        messagingServiceSid: read.text('messagingServiceSid'),
        statusCallbackUrl: read.text('statusCallbackUrl'),
        keypressUrl: callbacks.keypressUrl,
        timeoutMs: read.number('timeoutMs'),
        hostPolicy: connection.hostPolicy,
        clock,
      });
    case 'sandbox':
      return { kind: 'sandbox', clock };
    default:
      throw new ProviderSettingsError(`There is no "${connection.kind}" provider.`);
  }
}

/** Builds a configured provider (the connection test of the settings uses this too). */
export function buildProvider(
  connection: ProviderConnectionSettings,
  clock: Clock,
  callbacks: ProviderCallbackUrls = {},
): MessageProvider {
  return createProvider(providerSettingsOf(connection, clock, callbacks));
}
