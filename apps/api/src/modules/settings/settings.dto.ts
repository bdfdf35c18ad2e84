import { checkSenderId, normalisePhoneNumber } from '@clinicflow/channels';
import { channelSchema, settingsUpdateSchema as contractSettingsUpdateSchema } from '@clinicflow/contract';
import { z } from 'zod';

/** The settings' schemas and lists are the shared contract's (libs/contract); re-exported for the API's files. */
export {
  CHANNELS,
  CONSENT_MODES,
  CONSENT_PURPOSES,
  PROVIDER_KINDS,
  COMPARABLE_SECTIONS,
  DEFAULT_ADMIN_ALERTS,
  DEFAULT_EMAIL_OPEN_TRACKING,
  DEFAULT_RETENTION,
  timeZoneSchema,
  languageSchema,
  topUpSchema,
  type Channel,
  type ComparableSection,
  type ProviderInput,
  type TopUp,
} from '@clinicflow/contract';

/** The SMS sender rule of libs/channels (C2), which the contract leaves to the server. */
export const SENDER_NAME_RULE = 'at most 11 letters, digits or spaces (with a letter), or a phone number';

/**
 * A PUT (the contract's `settingsUpdateSchema`): every section is optional and, when given, replaces that section
 * whole; `previous` makes a changed section a 409. The SMS sender name and the number for replies are also
 * checked with libs/channels.
 */
export const settingsUpdateSchema = contractSettingsUpdateSchema.superRefine(
  (update, context) => {
    const senders = update.senders as
      { smsSenderName?: unknown; smsReplyNumber?: unknown } | null | undefined;
    const name = senders?.smsSenderName;
    if (typeof name === 'string' && !checkSenderId(name).valid) {
      context.addIssue({ code: 'custom', path: ['senders', 'smsSenderName'], message: SENDER_NAME_RULE });
    }
    // E.164 by shape (the contract says so when it is not); a number that exists, too (T4): patients must be
    // able to reply to it. An E.164 number carries its country, so the default country plays no part.
    const replyNumber = senders?.smsReplyNumber;
    const e164 =
      typeof replyNumber === 'string' && /^\+[1-9]\d{6,14}$/.test(replyNumber) ? replyNumber : null;
    const checked = e164 ? normalisePhoneNumber(e164, 'FR') : null;
    if (checked && !checked.valid) {
      context.addIssue({ code: 'custom', path: ['senders', 'smsReplyNumber'], message: checked.reason });
    }
    // SMTP requires TLS unless turned off in so many words: a value that is neither true nor false is refused.
    for (const [channel, provider] of Object.entries(update.providers ?? {})) {
      const requireTLS = (provider as { options?: Record<string, unknown> } | undefined)?.options?.requireTLS;
      if (requireTLS !== undefined && ![true, false, 'true', 'false'].includes(requireTLS as string)) {
        context.addIssue({
          code: 'custom',
          path: ['providers', channel, 'options', 'requireTLS'],
          message: 'must be true or false',
        });
      }
    }
  },
  // also when another field is wrong, so that a 400 names every bad field
  { when: ({ value }) => typeof value === 'object' && value !== null },
);
export type SettingsUpdate = z.output<typeof settingsUpdateSchema>;

/** `:channel` of the provider routes. */
export const channelParamSchema = channelSchema;

export const settingsExample = {
  name: 'Cabinet dentaire des Lilas',
  phone: '+33145678900',
  website: 'https://cabinet-des-lilas.fr',
  timeZone: 'Europe/Paris',
  country: 'FR',
  defaultLanguage: 'fr',
  communicationsEnabled: true,
  channels: { sms: true, email: true, voice: false, whatsapp: true },
  channelToggles: {
    services: { 'svc-hygiene': { sms: false } },
    resources: { 'res-martin': { voice: false } },
  },
  consent: { mode: 'opt-in', purposes: ['reminders', 'recall', 'surveys'] },
  quietHours: { windows: [{ start: '21:00', end: '08:00' }], noSendWeekdays: [7], holidays: ['2026-12-25'] },
  limits: { minimumLeadTimeHours: 12, onePerPersonPerDay: true },
  unreliable: { noShowRate: 0.3, minimumVisits: 3 },
  senders: {
    smsSenderName: 'CabLilas',
    emailFromName: 'Cabinet des Lilas',
    emailFromAddress: 'rdv@cabinet-des-lilas.fr',
    voiceCallerNumber: null,
    smsReplyNumber: '+33757000000',
  },
  providers: { sms: { kind: 'sandbox', options: {}, ratePerSecond: null } },
  testMode: true,
  creditsScope: 'clinic',
  adminEmail: 'admin@cabinet-des-lilas.fr',
  adminMobile: '+33612345678',
  adminAlerts: { creditsBelow: 50, providerFailuresInARow: 5 },
  retention: { months: 13 },
  emailOpenTracking: true,
};

/** The settings as `GET /api/settings` (and a PUT) answer them: providers masked, credits, who saved last. */
export const settingsViewExample = {
  clinicId: 'cli_0a1b2c3d4e5f60718293a4b5',
  ...settingsExample,
  providers: {
    sms: {
      kind: 'twilio',
      options: { accountSid: 'AC0123456789' },
      credentials: { authToken: '********' },
      ratePerSecond: 1,
    },
    email: { kind: 'sandbox', options: {}, credentials: {}, ratePerSecond: null },
    voice: { kind: 'sandbox', options: {}, credentials: {}, ratePerSecond: null },
    whatsapp: {
      kind: 'twilio',
      options: { accountSid: 'AC0123456789', defaultFrom: '+14155238886' },
      credentials: { authToken: '********' },
      ratePerSecond: null,
    },
  },
  credits: {
    balance: 500,
    byResource: {},
    topUps: [
      { at: '2026-03-20T10:00:00.000Z', credits: 500, resourceId: null, note: 'Pack 500', by: 'x@y.fr' },
    ],
  },
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-20T10:00:00.000Z',
  updatedBy: 'admin@cabinet-des-lilas.fr',
  revision: 4,
  replyRoutes: { smsSender: '+33757000000', voiceKeypress: false, emailInbound: false },
};
