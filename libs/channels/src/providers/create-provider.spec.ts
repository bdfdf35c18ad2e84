import { createProvider, PROVIDERS_WITH_LOOKUP } from './create-provider';
import { SandboxProvider } from './sandbox/sandbox-provider';
import { SmppProvider } from './smpp/smpp-provider';
import { SmtpProvider } from './smtp/smtp-provider';
import { TwilioProvider } from './twilio/twilio-provider';

describe(createProvider.name, () => {
  it.each([
    { settings: { kind: 'sandbox' }, type: SandboxProvider, channels: ['sms', 'email', 'voice', 'whatsapp'] },
    {
      settings: {
        kind: 'smpp',
        host: '127.0.0.1',
        port: 2775,
        systemId: 's',
        password: 'p',
        defaultFrom: 'Cabinet',
      },
      type: SmppProvider,
      channels: ['sms'],
    },
    {
      settings: { kind: 'twilio', accountSid: 'AC1', authToken: 't' },
      type: TwilioProvider,
      channels: ['sms', 'voice', 'whatsapp'],
    },
    {
      settings: { kind: 'smtp', host: '127.0.0.1', port: 25, defaultFrom: 'a@b.c' },
      type: SmtpProvider,
      channels: ['email'],
    },
  ] as const)('builds a $settings.kind provider', async ({ settings, type, channels }) => {
    const sut = createProvider(settings);
    expect(sut).toBeInstanceOf(type);
    expect(sut.channels).toEqual(channels);
    // PROVIDERS_WITH_LOOKUP names exactly those that can be asked about a message
    expect(typeof sut.lookup === 'function').toBe(
      (PROVIDERS_WITH_LOOKUP as readonly string[]).includes(settings.kind),
    );
    await sut.close();
  });
});
