import { optionsShown, providerInputOf } from './providerFields';

describe(optionsShown.name, () => {
  it('asks for a caller id on the voice card only', () => {
    expect(optionsShown('twilio', 'voice')).toContain('callerId');
    expect(optionsShown('http', 'voice')).toContain('callerId');
    for (const channel of ['sms', 'whatsapp'] as const) {
      expect(optionsShown('twilio', channel)).toEqual(['accountSid', 'defaultFrom', 'messagingServiceSid']);
    }
    expect(optionsShown('http', 'sms')).toEqual(['baseUrl', 'accountSid', 'defaultFrom']);
  });

  it('keeps a caller id stored before, though the card no longer shows it', () => {
    const form = {
      kind: 'twilio' as const,
      options: { accountSid: 'AC1', defaultFrom: '+33612345678', callerId: '+33142685300' },
      newSecrets: {},
      storedSecrets: ['authToken'],
      ratePerSecond: '',
    };
    expect(providerInputOf(form, 'twilio').options).toMatchObject({ callerId: '+33142685300' });
  });
});
