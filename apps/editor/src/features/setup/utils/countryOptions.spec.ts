import { browserCountry, countryOptions } from './countryOptions';

describe(countryOptions.name, () => {
  it('names the countries in the language asked, sorted by name, without the EU or the UN', () => {
    const french = countryOptions('fr');
    expect(french).toContainEqual({ value: 'FR', label: 'France' });
    expect(french).toContainEqual({ value: 'DE', label: 'Allemagne' });
    expect(french.map((o) => o.value)).not.toEqual(expect.arrayContaining(['EU']));
    expect(french.map((o) => o.value)).not.toContain('UN');
    const labels = french.map((o) => o.label);
    expect([...labels].sort((a, b) => a.localeCompare(b, 'fr'))).toEqual(labels);
    expect(french.length).toBeGreaterThan(200);
  });
});

describe(browserCountry.name, () => {
  it.each([
    [['fr-FR', 'fr'], 'FR'],
    [['en', 'en-GB'], 'GB'],
    [['de'], null],
  ])('reads %j as %s', (tags, country) => {
    expect(browserCountry(tags)).toBe(country);
  });
});
