import {
  cleanPhoneNumber,
  normaliseMobileNumber,
  normaliseNumberFor,
  normalisePhoneNumber,
} from './phone-number';
import { oneMessagePerPhone } from './one-message-per-phone';

describe('normaliseMobileNumber', () => {
  it.each([
    { input: '06 12 34 56 78', country: 'FR', e164: '+33612345678' },
    { input: '06-12-34-56-78', country: 'FR', e164: '+33612345678' },
    { input: '06.12.34.56.78', country: 'FR', e164: '+33612345678' },
    { input: '0033 6 12 34 56 78', country: 'FR', e164: '+33612345678' },
    { input: '+33 (0)6 12 34 56 78', country: 'FR', e164: '+33612345678' },
    { input: '612 345 678', country: 'ES', e164: '+34612345678' },
    { input: '0034612345678', country: 'FR', e164: '+34612345678' },
    { input: '412 34 567', country: 'NO', e164: '+4741234567' },
    { input: '+47 412 34 567', country: 'FR', e164: '+4741234567' },
    { input: '347 123 4567', country: 'IT', e164: '+393471234567' },
    { input: '0151 23456789', country: 'de', e164: '+4915123456789' },
    { input: '07911 123456', country: 'GB', e164: '+447911123456' },
  ])('normalises $input ($country) to $e164', ({ input, country, e164 }) => {
    expect(normaliseMobileNumber(input, country)).toMatchObject({ valid: true, e164 });
  });

  it.each([
    { input: '', problem: 'empty', reason: /No phone number/ },
    { input: 'call me', problem: 'not-a-number', reason: /not a phone number/ },
    { input: '06 12', problem: 'invalid', reason: /not a valid phone number/ },
    {
      input: '01 42 68 53 00',
      problem: 'not-mobile',
      reason: /\+33142685300 is not a mobile number \(it is fixed line\)/,
    },
    { input: '0800 123 456', problem: 'not-mobile', reason: /toll free/ },
  ])('refuses "$input" ($problem)', ({ input, problem, reason }) => {
    const result = normaliseMobileNumber(input, 'FR');
    expect(result).toMatchObject({ valid: false, problem });
    expect(result.valid === false && result.reason).toMatch(reason);
  });

  it('keeps a landline valid for voice calls', () => {
    expect(normalisePhoneNumber('01 42 68 53 00', 'FR')).toMatchObject({ valid: true, type: 'FIXED_LINE' });
  });

  it.each([
    { channel: 'voice', valid: true },
    { channel: 'sms', valid: false },
    { channel: 'whatsapp', valid: false },
  ] as const)('takes a landline for $channel: $valid', ({ channel, valid }) => {
    expect(normaliseNumberFor(channel, '01 42 68 53 00', 'FR')).toMatchObject({ valid });
    expect(normaliseNumberFor(channel, '06 12 34 56 78', 'FR')).toMatchObject({
      valid: true,
      e164: '+33612345678',
    });
  });

  it('never leaves a leading 00, a space or a dash', () => {
    expect(cleanPhoneNumber(' 00 47-412.34/567 ')).toBe('+4741234567');
  });
});

describe('oneMessagePerPhone', () => {
  it('keeps one recipient per number and says why the others are left out', () => {
    const patients = [
      { name: 'Léa', mobile: '06 12 34 56 78' },
      { name: 'Hugo', mobile: '+33612345678' },
      { name: 'Inès', mobile: '06 98 76 54 32' },
      { name: 'Tom', mobile: 'none' },
    ];
    const sut = oneMessagePerPhone(patients, (p) => p.mobile, 'FR');
    expect(sut.kept.map((p) => p.name)).toEqual(['Léa', 'Inès']);
    expect(sut.left).toEqual([
      {
        recipient: patients[1],
        reason: 'Same phone number (+33612345678) as another recipient.',
        sameAs: patients[0],
      },
      { recipient: patients[3], reason: '"none" is not a phone number.' },
    ]);
  });
});
