import type { SettingsDocument, StoredProvider } from './settings.repository';
import { defaultSettings } from './settings.service';
import { replyRoutesOf } from './reply-routes';

const provider = (kind: string, options = {}, credentialKeys: string[] = []): StoredProvider => ({
  kind,
  options,
  sealedCredentials: null,
  credentialKeys,
});

const settings = (changes: Partial<SettingsDocument> = {}): SettingsDocument =>
  ({
    _id: 'clinic-1',
    clinicId: 'clinic-1',
    ...defaultSettings({ name: 'Cabinet', timeZone: 'Europe/Paris', country: 'FR', defaultLanguage: 'fr' }),
    ...changes,
  }) as SettingsDocument;

const senders = (smsSenderName: string | null, smsReplyNumber: string | null = null) => ({
  smsSenderName,
  emailFromName: null,
  emailFromAddress: null,
  voiceCallerNumber: null,
  smsReplyNumber,
});

describe(replyRoutesOf.name, () => {
  it('should find no way back on a new clinic but the sandbox’s own SMS number', () => {
    expect(replyRoutesOf(settings(), 'https://clinic.example.com')).toEqual({
      smsSender: null,
      voiceKeypress: false,
      emailInbound: false,
    });
  });

  it.each([
    ['a sender name', senders('CabLilas'), {}, 'CabLilas'],
    ['a sender name and a number for replies', senders('CabLilas', '+33757000000'), {}, '+33757000000'],
    [
      'the SMPP provider’s default',
      senders(null),
      { sms: provider('smpp', { defaultFrom: 'Cabinet' }) },
      'Cabinet',
    ],
    ['the SMPP provider’s own default', senders(null), { sms: provider('smpp') }, 'clinic'],
    [
      'a Twilio number',
      senders(null),
      { sms: provider('twilio', { defaultFrom: '+33757000001' }) },
      '+33757000001',
    ],
  ])(
    'should send SMS questions of a clinic with %s from its sender',
    (_title, clinicSenders, providers, sender) => {
      const clinic = settings({
        senders: clinicSenders,
        providers: { ...settings().providers, ...providers },
      });
      expect(replyRoutesOf(clinic, undefined).smsSender).toBe(sender);
    },
  );

  it.each([
    ['Twilio', 'twilio', 'https://clinic.example.com', true],
    ['a Twilio-style HTTP API', 'http', 'https://clinic.example.com', true],
    ['Twilio without a public address', 'twilio', undefined, false],
    ['the sandbox', 'sandbox', 'https://clinic.example.com', false],
  ])('should gather keys on calls through %s: %s', (_title, kind, publicUrl, gathers) => {
    const clinic = settings({ providers: { voice: provider(kind) } });
    expect(replyRoutesOf(clinic, publicUrl).voiceKeypress).toBe(gathers);
  });

  it.each([
    ['SMTP with an inbound secret', provider('smtp', {}, ['password', 'inboundSecret']), true],
    ['SMTP without one', provider('smtp', {}, ['password']), false],
    ['the sandbox', provider('sandbox'), false],
  ])('should take e-mail replies through %s: %s', (_title, email, inbound) => {
    expect(replyRoutesOf(settings({ providers: { email } }), undefined).emailInbound).toBe(inbound);
  });
});
