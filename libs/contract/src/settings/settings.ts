import { z } from 'zod';
import { channelFlagsSchema, channelSwitchesSchema, perChannel } from '../channels/channel';
import { instantSchema } from '../dates/dates';
import { languageSchema, timeZoneSchema } from '../locale/locale';
import { sendingRateSchema } from './sending-rate';

export const CONSENT_MODES = ['all-with-valid-contact', 'opt-in', 'nobody'] as const;
export type ConsentMode = (typeof CONSENT_MODES)[number];
export const CONSENT_PURPOSES = ['reminders', 'recall', 'surveys'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const PROVIDER_KINDS = ['sandbox', 'twilio', 'smpp', 'http', 'smtp'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
export const CREDITS_SCOPES = ['clinic', 'practitioner'] as const;
export type CreditsScope = (typeof CREDITS_SCOPES)[number];

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm');

/**
 * When the clinic admin is alerted, by e-mail (`adminEmail`) and SMS (`adminMobile`): a message failed for good
 * (once an hour at most), a channel's provider failed this many times in a row (once an hour per channel), the
 * SMS credits fell below `creditsBelow` (once until the next top-up; null: never).
 */
export const adminAlertsSchema = z.object({
  creditsBelow: z.number().int().min(1).max(1_000_000).nullable(),
  providerFailuresInARow: z.number().int().min(2).max(100),
});
export type AdminAlerts = z.infer<typeof adminAlertsSchema>;

/** The alerts of a clinic that never chose: every alert but the credits' threshold, after 5 failures in a row. */
export const DEFAULT_ADMIN_ALERTS: AdminAlerts = { creditsBelow: null, providerFailuresInARow: 5 };
/**
 * How long message texts, reply texts and recipients' addresses are kept (GDPR 5(1)(e)): a daily job removes
 * them from older messages and replies, keeping their counts, statuses and dates (docs/privacy.md).
 */
export const retentionSchema = z.object({ months: z.number().int().min(1).max(120) });
export type Retention = z.infer<typeof retentionSchema>;

/** The retention of a clinic that never chose: 13 months (a year of reports, and the month before). */
export const DEFAULT_RETENTION: Retention = { months: 13 };

/** Whether e-mails record their opening when a clinic never chose (settings saved before it existed): yes, as C6. */
export const DEFAULT_EMAIL_OPEN_TRACKING = true;
const providerOptions = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

/** A channel's provider as a PUT sends it: credentials left out keep the stored ones. */
export const providerInputSchema = z.object({
  kind: z.enum(PROVIDER_KINDS),
  /** Non-secret settings: host, port, account id, sender... */
  options: providerOptions.default({}),
  /** Secrets (password, token): stored encrypted, answered masked; leave out to keep the stored ones. */
  credentials: z.record(z.string(), z.string().max(2000)).optional(),
  /** Messages per second across every API process; null or absent: the kind's (`DEFAULT_SENDING_RATES`). */
  ratePerSecond: sendingRateSchema.nullable().optional(),
});
export type ProviderInput = z.output<typeof providerInputSchema>;

/** A channel's provider as the API answers it: each secret that is set, masked (`********`). */
export const providerViewSchema = z.object({
  kind: z.enum(PROVIDER_KINDS),
  options: providerOptions,
  credentials: z.record(z.string(), z.string()),
  /** The rate the clinic set; null: the kind's default (absent from answers of older APIs). */
  ratePerSecond: sendingRateSchema.nullable().optional(),
});
export type ProviderView = z.infer<typeof providerViewSchema>;

/**
 * The editable settings, each a section a PUT may replace whole. The API also checks `senders.smsSenderName`
 * with libs/channels' sender rule (`checkSenderId`), as the editor's form does.
 */
export const settingsSectionsSchema = z.object({
  name: z.string().trim().min(1).max(200),
  phone: z.string().max(40).nullable(),
  website: z.string().max(300).nullable(),
  timeZone: timeZoneSchema,
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code such as FR'),
  defaultLanguage: languageSchema,
  communicationsEnabled: z.boolean(),
  channels: channelFlagsSchema,
  channelToggles: z.object({
    services: z.record(z.string(), channelSwitchesSchema),
    resources: z.record(z.string(), channelSwitchesSchema),
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
    /**
     * One message per patient per day (issue 20): a reminder for another appointment the same day joins the
     * patient's reminder still to go that day, whose text lists them (`appointments.text`). Absent: off.
     */
    mergeSameDayReminders: z.boolean().optional(),
  }),
  unreliable: z.object({
    noShowRate: z.number().min(0).max(1),
    minimumVisits: z.number().int().min(0).max(1000),
  }),
  senders: z.object({
    smsSenderName: z.string().nullable(),
    emailFromName: z.string().max(100).nullable(),
    emailFromAddress: z.email().nullable(),
    voiceCallerNumber: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +33612345678')
      .nullable(),
    /**
     * A number patients can reply to (F4): questions go out from it when the SMS sender name is a name, which
     * nobody can reply to. Absent on settings saved before it existed.
     */
    smsReplyNumber: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +33757000000')
      .nullable()
      .optional(),
  }),
  providers: perChannel(providerInputSchema).partial(),
  testMode: z.boolean(),
  creditsScope: z.enum(CREDITS_SCOPES),
  adminEmail: z.email().nullable(),
  /** The clinic admin's mobile for alerts by SMS; stored and answered in E.164 (normalised with `country`). */
  adminMobile: z.string().trim().min(1).max(40).nullable(),
  adminAlerts: adminAlertsSchema,
  retention: retentionSchema,
  /**
   * Whether e-mails carry an image that records their opening (C6, docs/patient-links.md). Absent on settings
   * saved before it existed: DEFAULT_EMAIL_OPEN_TRACKING.
   */
  emailOpenTracking: z.boolean(),
});
export type SettingsSections = z.output<typeof settingsSectionsSchema>;
export type SettingsSection = keyof SettingsSections;

/** The sections whose values a PUT can name in `previous` (the providers are answered masked, so not those). */
export const COMPARABLE_SECTIONS = settingsSectionsSchema
  .keyof()
  .options.filter((key): key is Exclude<typeof key, 'providers'> => key !== 'providers');
export type ComparableSection = (typeof COMPARABLE_SECTIONS)[number];

/**
 * `PUT /api/settings`: every section is optional and, when given, replaces that section whole. `previous` holds
 * the values the change was made from (as the GET answered them); a section that no longer holds them is a
 * 409, so one manager's save never silently undoes another's.
 */
export const settingsUpdateSchema = settingsSectionsSchema.partial().extend({
  previous: z.partialRecord(z.enum(COMPARABLE_SECTIONS), z.unknown()).optional(),
});
export type SettingsUpdate = z.output<typeof settingsUpdateSchema>;

/** `POST /api/settings/credits/top-ups`: credits for the clinic, or for one practitioner. */
export const topUpSchema = z.object({
  credits: z.number().int().min(1).max(1_000_000),
  resourceId: z.string().min(1).max(100).optional(),
  note: z.string().max(500).optional(),
  /** Chosen by the caller for this top-up: a request sent again with the same id is counted once. */
  requestId: z.string().min(1).max(100).optional(),
});
export type TopUp = z.output<typeof topUpSchema>;

/** One recorded top-up. */
export const topUpEntrySchema = z.object({
  at: instantSchema,
  credits: z.number().int(),
  resourceId: z.string().nullable(),
  note: z.string().nullable(),
  by: z.string(),
});
export type TopUpEntry = z.infer<typeof topUpEntrySchema>;

/** The clinic's credits: its balance, each practitioner's, and the top-ups (the top-up's answer). */
export const creditsSchema = z.object({
  balance: z.number(),
  byResource: z.record(z.string(), z.number()),
  topUps: z.array(topUpEntrySchema),
});
export type Credits = z.infer<typeof creditsSchema>;

/**
 * How patients can answer a question (F4), as the clinic is set up: the SMS sender of questions (null: the
 * provider's own number), whether calls take a key pressed, whether e-mail replies have an inbound route.
 */
export const replyRoutesSchema = z.object({
  smsSender: z.string().nullable(),
  voiceKeypress: z.boolean(),
  emailInbound: z.boolean(),
});
export type ReplyRoutesView = z.infer<typeof replyRoutesSchema>;

/** `GET /api/settings` (and the PUT's answer): every section, providers masked, credits, who saved last. */
export const settingsViewSchema = settingsSectionsSchema.extend({
  clinicId: z.string(),
  providers: perChannel(providerViewSchema).partial(),
  credits: creditsSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
  /** Who saved the settings last (an e-mail, or "system"). */
  updatedBy: z.string(),
  /** Bumped by every PUT; absent until the first. */
  revision: z.number().int().optional(),
  /** How patients can answer questions as the clinic is set up now (derived; the flow editor checks questions with it). */
  replyRoutes: replyRoutesSchema.optional(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

/** How a provider's connection test ended; never the remote's own words (they may be anything a host answers). */
export const PROVIDER_TEST_RESULTS = [
  'connected',
  'refused',
  'timed-out',
  'tls-failed',
  'not-allowed',
] as const;
export type ProviderTestResult = (typeof PROVIDER_TEST_RESULTS)[number];

/** `POST /api/settings/providers/:channel/test`: whether the provider answered, as a code and our own sentence. */
export const providerTestSchema = z.object({
  ok: z.boolean(),
  result: z.enum(PROVIDER_TEST_RESULTS),
  message: z.string(),
});

/** `GET` / `POST /api/settings/callback-secret`: the secret the clinic's sandbox callbacks are signed with. */
export const callbackSecretSchema = z.object({ secret: z.string() });
export type CallbackSecret = z.infer<typeof callbackSecretSchema>;
export type ProviderTest = z.infer<typeof providerTestSchema>;
