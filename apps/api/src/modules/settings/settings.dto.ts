import { checkSenderId } from '@clinicflow/channels';
import { IANAZone } from 'luxon';
import { z } from 'zod';

export const CHANNELS = ['sms', 'email', 'voice'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CONSENT_MODES = ['all-with-valid-contact', 'opt-in', 'nobody'] as const;
export const CONSENT_PURPOSES = ['reminders', 'recall', 'surveys'] as const;
export const PROVIDER_KINDS = ['sandbox', 'twilio', 'smpp', 'http', 'smtp'] as const;

export const timeZoneSchema = z
  .string()
  .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone such as Europe/Paris');
export const languageSchema = z
  .string()
  .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a language code such as fr or fr-CA');
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm');
const channelSwitches = z.object({ sms: z.boolean(), email: z.boolean(), voice: z.boolean() }).partial();

const providerSchema = z.object({
  kind: z.enum(PROVIDER_KINDS),
  /** Non-secret settings: host, port, account id, sender... */
  options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  /** Secrets (password, token): stored encrypted, answered masked; leave out to keep the stored ones. */
  credentials: z.record(z.string(), z.string().max(2000)).optional(),
});
export type ProviderInput = z.infer<typeof providerSchema>;

/** The editable settings, each a section a PUT may replace whole. */
const settingsSectionsSchema = z.object({
  name: z.string().trim().min(1).max(200),
  phone: z.string().max(40).nullable(),
  website: z.string().max(300).nullable(),
  timeZone: timeZoneSchema,
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code such as FR'),
  defaultLanguage: languageSchema,
  communicationsEnabled: z.boolean(),
  channels: z.object({ sms: z.boolean(), email: z.boolean(), voice: z.boolean() }),
  channelToggles: z.object({
    services: z.record(z.string(), channelSwitches),
    resources: z.record(z.string(), channelSwitches),
  }),
  consent: z.object({
    mode: z.enum(CONSENT_MODES),
    purposes: z.array(z.enum(CONSENT_PURPOSES)).max(3),
  }),
  quietHours: z.object({
    windows: z.array(z.object({ start: clockTime, end: clockTime })).max(10),
    noSendWeekdays: z.array(z.number().int().min(1).max(7)).max(7),
    holidays: z.array(z.iso.date()).max(400),
  }),
  limits: z.object({
    minimumLeadTimeHours: z
      .number()
      .min(0)
      .max(24 * 30),
    onePerPersonPerDay: z.boolean(),
  }),
  unreliable: z.object({
    noShowRate: z.number().min(0).max(1),
    minimumVisits: z.number().int().min(0).max(1000),
  }),
  senders: z.object({
    smsSenderName: z
      .string()
      .refine(
        (v) => checkSenderId(v).valid,
        'at most 11 letters, digits or spaces (with a letter), or a phone number',
      )
      .nullable(),
    emailFromName: z.string().max(100).nullable(),
    emailFromAddress: z.email().nullable(),
    voiceCallerNumber: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +33612345678')
      .nullable(),
  }),
  providers: z.object({ sms: providerSchema, email: providerSchema, voice: providerSchema }).partial(),
  testMode: z.boolean(),
  creditsScope: z.enum(['clinic', 'practitioner']),
  adminEmail: z.email().nullable(),
});

/** The sections whose values a PUT can name in `previous` (the providers are answered masked, so not those). */
export const COMPARABLE_SECTIONS = settingsSectionsSchema
  .keyof()
  .options.filter((key): key is Exclude<typeof key, 'providers'> => key !== 'providers');
export type ComparableSection = (typeof COMPARABLE_SECTIONS)[number];

/**
 * A PUT: every section is optional and, when given, replaces that section whole. `previous` holds the values
 * the change was made from (as the GET answered them); a section that no longer holds them is a 409, so one
 * manager's save never silently undoes another's.
 */
export const settingsUpdateSchema = settingsSectionsSchema.partial().extend({
  previous: z.partialRecord(z.enum(COMPARABLE_SECTIONS), z.unknown()).optional(),
});
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

export const topUpSchema = z.object({
  credits: z.number().int().min(1).max(1_000_000),
  resourceId: z.string().min(1).max(100).optional(),
  note: z.string().max(500).optional(),
});
export type TopUp = z.infer<typeof topUpSchema>;

export const channelParamSchema = z.enum(CHANNELS);

export const settingsExample = {
  name: 'Cabinet dentaire des Lilas',
  phone: '+33145678900',
  website: 'https://cabinet-des-lilas.fr',
  timeZone: 'Europe/Paris',
  country: 'FR',
  defaultLanguage: 'fr',
  communicationsEnabled: true,
  channels: { sms: true, email: true, voice: false },
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
  },
  providers: { sms: { kind: 'sandbox', options: {} } },
  testMode: true,
  creditsScope: 'clinic',
  adminEmail: 'admin@cabinet-des-lilas.fr',
};
