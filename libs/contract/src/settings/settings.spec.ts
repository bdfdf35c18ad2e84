import {
  COMPARABLE_SECTIONS,
  settingsSectionsSchema,
  settingsUpdateSchema,
  settingsViewSchema,
  topUpSchema,
} from './settings';

const sections = {
  name: 'Cabinet dentaire des Lilas',
  phone: '+33145678900',
  website: null,
  timeZone: 'Europe/Paris',
  country: 'FR',
  defaultLanguage: 'fr',
  communicationsEnabled: true,
  channels: { sms: true, email: true, voice: false, whatsapp: false },
  channelToggles: { services: { 'svc-hygiene': { sms: false } }, resources: {} },
  consent: { mode: 'opt-in', purposes: ['reminders', 'recall'] },
  quietHours: { windows: [{ start: '21:00', end: '08:00' }], noSendWeekdays: [7], holidays: ['2026-12-25'] },
  limits: { minimumLeadTimeHours: 12, onePerPersonPerDay: true },
  unreliable: { noShowRate: 0.3, minimumVisits: 3 },
  senders: {
    smsSenderName: 'CabLilas',
    emailFromName: null,
    emailFromAddress: null,
    voiceCallerNumber: null,
  },
  providers: { sms: { kind: 'sandbox', options: {} } },
  testMode: true,
  creditsScope: 'clinic',
  adminEmail: 'admin@cabinet-des-lilas.fr',
  adminMobile: '+33612345678',
  adminAlerts: { creditsBelow: 50, providerFailuresInARow: 5 },
  retention: { months: 13 },
  emailOpenTracking: true,
};

const problemPaths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join('.'));

describe('settingsSectionsSchema', () => {
  it('should read every section', () => {
    expect(settingsSectionsSchema.parse(sections)).toEqual(sections);
  });

  it.each([
    { path: 'timeZone', patch: { timeZone: 'Europe/Lilas' } },
    { path: 'country', patch: { country: 'France' } },
    { path: 'defaultLanguage', patch: { defaultLanguage: 'French' } },
    { path: 'channels.voice', patch: { channels: { sms: true, email: true } } },
    { path: 'consent.mode', patch: { consent: { mode: 'everyone', purposes: [] } } },
    {
      path: 'quietHours.windows.0.start',
      patch: { quietHours: { ...sections.quietHours, windows: [{ start: '25:00', end: '08:00' }] } },
    },
    {
      path: 'senders.voiceCallerNumber',
      patch: { senders: { ...sections.senders, voiceCallerNumber: '0612' } },
    },
    {
      path: 'senders.smsReplyNumber',
      patch: { senders: { ...sections.senders, smsReplyNumber: '07 57 00 00 00' } },
    },
    { path: 'providers.sms.kind', patch: { providers: { sms: { kind: 'pigeon' } } } },
    {
      path: 'adminAlerts.providerFailuresInARow',
      patch: { adminAlerts: { creditsBelow: null, providerFailuresInARow: 1 } },
    },
    {
      path: 'adminAlerts.creditsBelow',
      patch: { adminAlerts: { creditsBelow: 0, providerFailuresInARow: 5 } },
    },
    { path: 'retention.months', patch: { retention: { months: 0 } } },
    { path: 'retention.months', patch: { retention: { months: 2.5 } } },
    { path: 'emailOpenTracking', patch: { emailOpenTracking: 'yes' } },
  ])('should refuse a bad $path', ({ path, patch }) => {
    expect(problemPaths(settingsSectionsSchema.safeParse({ ...sections, ...patch }))).toEqual([path]);
  });
});

describe('senders.smsReplyNumber', () => {
  it('should take a number for replies in E.164, and settings saved before it existed', () => {
    const senders = { ...sections.senders, smsReplyNumber: '+33757000000' };
    expect(settingsSectionsSchema.parse({ ...sections, senders }).senders).toEqual(senders);
    expect(settingsSectionsSchema.parse(sections).senders).not.toHaveProperty('smsReplyNumber');
  });
});

describe('settingsUpdateSchema', () => {
  it('should take any sections and the values they were edited from', () => {
    const update = { testMode: false, previous: { testMode: true } };
    expect(settingsUpdateSchema.parse(update)).toEqual(update);
  });

  it('should not compare the providers (they are answered masked)', () => {
    expect(COMPARABLE_SECTIONS).not.toContain('providers');
    expect(COMPARABLE_SECTIONS).toContain('channels');
    expect(settingsUpdateSchema.safeParse({ previous: { providers: {} } }).success).toBe(false);
  });
});

describe('settingsViewSchema', () => {
  it('should read the settings as answered, credentials masked', () => {
    const view = {
      ...sections,
      clinicId: 'c1',
      providers: {
        sms: { kind: 'twilio', options: { accountSid: 'AC1' }, credentials: { authToken: '********' } },
      },
      credits: {
        balance: 500,
        byResource: {},
        topUps: [
          { at: '2026-03-20T10:00:00.000Z', credits: 500, resourceId: null, note: 'Pack 500', by: 'x@y.fr' },
        ],
      },
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-03-20T10:00:00.000Z',
      updatedBy: 'x@y.fr',
      revision: 2,
    };
    expect(settingsViewSchema.parse(view)).toEqual(view);
  });
});

describe('topUpSchema', () => {
  it.each([
    [{ credits: 500 }, true],
    [{ credits: 500, resourceId: 'res_1', note: 'Pack' }, true],
    [{ credits: 0 }, false],
    [{ credits: 1.5 }, false],
  ])('should read %p: %p', (topUp, valid) => {
    expect(topUpSchema.safeParse(topUp).success).toBe(valid);
  });
});
