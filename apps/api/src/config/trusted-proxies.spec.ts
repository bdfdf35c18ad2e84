import { trustedProxies } from './trusted-proxies';

describe(trustedProxies.name, () => {
  it('reads hops as a number and addresses, ranges and named ranges as a list', () => {
    expect(trustedProxies(' 2 ')).toBe(2);
    expect(trustedProxies('loopback, 10.0.0.0/8,2001:db8::1')).toEqual([
      'loopback',
      '10.0.0.0/8',
      '2001:db8::1',
    ]);
  });

  it.each(['0', '11', 'true', 'localhost', '10.0.0.0/33', '300.1.1.1', ''])('refuses "%s"', (value) => {
    expect(trustedProxies(value)).toBeNull();
  });
});
