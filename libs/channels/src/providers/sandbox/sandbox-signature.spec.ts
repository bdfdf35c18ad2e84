import { signCallback, verifyCallbackSignature } from './sandbox-signature';

describe('verifyCallbackSignature', () => {
  const body = Buffer.from('{"from":"+33612345603","text":"STOP"}');
  const good = signCallback('clinic-secret', body);
  it.each([
    ['the right signature', 'clinic-secret', body, good, true],
    ['upper-case hex', 'clinic-secret', body, good.toUpperCase(), true],
    ['another secret', 'another', body, good, false],
    ['another body', 'clinic-secret', Buffer.from('{}'), good, false],
    ['no signature', 'clinic-secret', body, undefined, false],
    ['a truncated signature', 'clinic-secret', body, good.slice(0, 20), false],
    ['no secret (fail closed)', null, body, good, false],
    ['no raw body', 'clinic-secret', undefined, good, false],
  ] as const)('%s → %s', (_title, secret, raw, signature, expected) =>
    expect(verifyCallbackSignature(secret, raw, signature)).toBe(expected),
  );
});
