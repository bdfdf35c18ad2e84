import { final, retryable, type SendOutcome } from '@clinicflow/channels';
import { isProviderFailure } from './provider-failure';

describe(isProviderFailure.name, () => {
  it.each<[string, SendOutcome, boolean]>([
    ['an accepted message', { accepted: true, providerMessageId: 'm-1' }, false],
    ['an SMS centre out of reach', retryable('connection', 'The SMS centre could not be reached.'), true],
    ['a throttled SMS centre', retryable('smpp-0x58', 'Throttled.'), true],
    ['a mail server asking to try later', retryable('smtp-421', 'Try again later.'), true],
    ['refused credentials', final('authentication', 'The mail server refused the login.'), true],
    ['a refused SMPP password', final('smpp-0x0e', 'The SMS centre refused the password.'), true],
    ['a number that is not one', final('smpp-0x0b', 'Invalid destination.'), false],
    ['an e-mail address refused', final('address', 'The e-mail address was refused.'), false],
    ['an expired message', final('expired', 'The message expired.'), false],
  ])('should say whether %s is the provider failing', (_title, outcome, expected) => {
    expect(isProviderFailure(outcome)).toBe(expected);
  });
});
