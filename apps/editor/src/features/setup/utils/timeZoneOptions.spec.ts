import { timeZoneOptions } from './timeZoneOptions';

describe(timeZoneOptions.name, () => {
  it('lists the IANA zones, the browser’s own among them', () => {
    expect(timeZoneOptions('Europe/Paris')).toContain('America/New_York');
    expect(timeZoneOptions('UTC')[0]).toBe('UTC');
    expect(timeZoneOptions('Europe/Paris').filter((z) => z === 'Europe/Paris')).toHaveLength(1);
  });
});
