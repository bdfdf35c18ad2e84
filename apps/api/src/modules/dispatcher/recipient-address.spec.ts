import type { DeliveryDocument } from '../deliveries/delivery.document';
import { recipientAddress } from './recipient-address';

const delivery = (
  channel: DeliveryDocument['channel'],
  type: DeliveryDocument['recipient']['type'],
  address: string | null,
) => ({ channel, recipient: { type, name: null, address } }) as DeliveryDocument;

describe(recipientAddress.name, () => {
  it.each([
    ['a patient already in E.164', delivery('sms', 'patient', '+33612345678'), '+33612345678'],
    ['a practitioner typed nationally', delivery('sms', 'resource', '06 11 22 33 44'), '+33611223344'],
    ['a referring doctor with dots', delivery('voice', 'referring-doctor', '01.42.68.53.00'), '+33142685300'],
    ['a custom number with 00', delivery('sms', 'custom', '0044 7911 123456'), '+447911123456'],
    ['the clinic admin', delivery('sms', 'clinic-admin', '07-57-00-00-00'), '+33757000000'],
    ['an e-mail address', delivery('email', 'patient', ' lea@example.org '), 'lea@example.org'],
  ])('should send to %s in E.164', (_title, sut, address) => {
    expect(recipientAddress(sut, 'FR')).toEqual({ ok: true, address });
  });

  it.each([
    [
      'not a number',
      delivery('sms', 'referring-doctor', '12 34'),
      /^The referring doctor's number cannot be used: .*not a valid phone number/,
    ],
    [
      'a landline for SMS',
      delivery('sms', 'resource', '01 42 68 53 00'),
      /^The practitioner's number .*not a mobile number/,
    ],
    [
      'no number',
      delivery('voice', 'custom', null),
      /^The recipient's number cannot be used: No phone number/,
    ],
  ])('should refuse %s, saying why', (_title, sut, reason) => {
    expect(recipientAddress(sut, 'FR')).toEqual({
      ok: false,
      reason: expect.stringMatching(reason),
      why: { code: 'invalid-number', params: { who: sut.recipient.type } },
    });
  });
});
