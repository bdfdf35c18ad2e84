import { consentPurposeSchema } from '@clinicflow/rules';
import { CONSENT_PURPOSES } from '../settings/settings';
import { birthDateSchema, pmsConsentSchema } from './patient-fields';

describe('pmsConsentSchema', () => {
  it("should name the purposes the rules' consent gate reads", () => {
    expect([...CONSENT_PURPOSES]).toEqual(consentPurposeSchema.options);
  });

  it.each([
    [{ granted: true, at: '2026-03-01T10:00:00Z' }, true],
    [{ granted: true, purposes: ['recall'], at: '2026-03-01T10:00:00+01:00' }, true],
    [{ granted: false, at: '2026-03-01T10:00:00Z' }, true],
    [{ granted: true }, false],
    [{ granted: true, at: '2026-03-01' }, false],
    [{ granted: true, purposes: ['ads'], at: '2026-03-01T10:00:00Z' }, false],
  ])('should read %j: %p', (consent, valid) => {
    expect(pmsConsentSchema.safeParse(consent).success).toBe(valid);
  });
});

describe('birthDateSchema', () => {
  it.each([
    ['1990-06-01', true],
    ['1990-02-30', false],
    ['01/06/1990', false],
    ['1990-06-01T00:00:00Z', false],
  ])('should read %s: %p', (value, valid) => {
    expect(birthDateSchema.safeParse(value).success).toBe(valid);
  });
});
