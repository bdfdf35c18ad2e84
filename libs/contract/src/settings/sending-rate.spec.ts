import { DEFAULT_SENDING_RATES, sendingRateOf, sendingRateSchema } from './sending-rate';
import { PROVIDER_KINDS, providerInputSchema } from './settings';

describe('sendingRateSchema', () => {
  it.each([0.01, 0.5, 1, 2.5, 50, 1000])('should accept %s messages per second', (rate) => {
    expect(sendingRateSchema.parse(rate)).toBe(rate);
  });

  it.each([0, -1, 0.001, 1001, Number.NaN, '5', true])('should refuse %s', (rate) => {
    const read = sendingRateSchema.safeParse(rate);
    expect(read.success).toBe(false);
    expect(read.error?.issues[0].message).toBe('must be a number of messages per second from 0.01 to 1000');
  });

  it('should name the provider field of a bad rate', () => {
    const read = providerInputSchema.safeParse({ kind: 'smpp', ratePerSecond: 0 });
    expect(read.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['ratePerSecond']);
  });
});

describe('sendingRateOf', () => {
  it.each([
    [{ kind: 'twilio' }, 1],
    [{ kind: 'http', ratePerSecond: null }, 1],
    [{ kind: 'smpp' }, 50],
    [{ kind: 'smtp' }, 10],
    [{ kind: 'sandbox' }, null],
    [{ kind: 'sandbox', ratePerSecond: 5 }, 5],
    [{ kind: 'smpp', ratePerSecond: 0.5 }, 0.5],
    [{ kind: 'pigeon' }, null],
  ])('should answer for %j: %s', (provider, rate) => {
    expect(sendingRateOf(provider)).toBe(rate);
  });

  it('should have a default for every provider kind', () => {
    expect(Object.keys(DEFAULT_SENDING_RATES).sort()).toEqual([...PROVIDER_KINDS].sort());
  });
});
