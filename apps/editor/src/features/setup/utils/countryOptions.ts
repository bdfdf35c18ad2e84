/** Region codes Intl names that are not countries (the EU, the UN, Eurozone, unknown and private-use codes). */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO', 'XA', 'XB', 'AA', 'QM', 'XK']);

/**
 * Every country as a select offers it (`{ value: 'FR', label: 'France' }`), named in the interface's language and
 * sorted by name: the ISO 3166 codes the browser's Intl knows a name for (no list to keep up to date).
 */
export function countryOptions(language: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
  const options: { value: string; label: string }[] = [];
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      if (NOT_COUNTRIES.has(code)) continue;
      const name = names.of(code);
      if (name && name !== code) options.push({ value: code, label: name });
    }
  }
  return options.sort((a, b) => a.label.localeCompare(b.label, language));
}

/** The browser's own country, from its language tag (`fr-FR` → FR), or null. */
export function browserCountry(tags: readonly string[]): string | null {
  for (const tag of tags) {
    const region = /^[a-z]{2,3}-([A-Z]{2})\b/.exec(tag)?.[1];
    if (region) return region;
  }
  return null;
}
