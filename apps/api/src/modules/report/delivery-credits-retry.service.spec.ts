import { balanceFor } from './delivery-credits-retry.service';

describe(balanceFor.name, () => {
  const credits = { balance: 4, byResource: { 'res-a': 2 }, topUps: [] };

  it.each([
    ['the clinic’s balance when credits are kept per clinic', 'clinic', 'res-a', 4],
    ['the practitioner’s balance when kept per practitioner', 'practitioner', 'res-a', 2],
    ['zero for a practitioner never topped up', 'practitioner', 'res-b', 0],
    ['the clinic’s balance for a message of no practitioner', 'practitioner', null, 4],
  ] as const)('should take %s', (_title, creditsScope, resourceId, expected) => {
    expect(balanceFor({ resourceId }, { creditsScope, credits })).toBe(expected);
  });
});
