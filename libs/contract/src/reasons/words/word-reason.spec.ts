import { REASON_CODES } from '@clinicflow/rules';
import { reasonCatalogues, reasonKey, wordReason, type ReasonWordings } from './word-reason';

const words = (language: 'en' | 'fr'): ReasonWordings => ({
  language,
  channel: (channel) => ({ sms: 'SMS', email: 'e-mail' })[channel] ?? channel,
  status: (status) => `<${status}>`,
  event: (type) => `<${type}>`,
  instant: (iso) => `[${iso}]`,
  day: (day) => `[${day}]`,
  weekday: (n) => (language === 'fr' ? ['lundi', 'mardi'] : ['Monday', 'Tuesday'])[n - 1] ?? String(n),
});
const word = (language: 'en' | 'fr', code: string, params: Record<string, string | number> = {}) =>
  wordReason(reasonCatalogues[language], { code, params }, words(language));

describe(wordReason.name, () => {
  it.each(['en', 'fr'] as const)(
    'should have a sentence for every code of the rules library in %s',
    (language) => {
      const catalogue = reasonCatalogues[language] as Record<string, string>;
      expect(REASON_CODES.map(reasonKey).filter((key) => !(key in catalogue))).toEqual([]);
    },
  );

  it.each([
    ['en', 'SMS is switched off for the service Soins'],
    ['fr', 'SMS est désactivé pour la prestation Soins'],
  ] as const)('should word a channel switched off for a service in %s', (language, expected) => {
    expect(word(language, 'channel-off-service', { channel: 'sms', service: 'Soins' })).toBe(expected);
  });

  it('should put lists in the language’s own way', () => {
    expect(word('fr', 'not-preferred', { channels: 'sms,email' })).toBe('Le patient préfère SMS ou e-mail');
    expect(word('en', 'not-preferred', { channels: 'sms,email' })).toBe('The patient prefers SMS or e-mail');
  });

  it('should word a cause inside its sentence, and the caller’s instants and weekdays', () => {
    expect(word('en', 'expired-at-send', { expiresAt: '2026-12-04T23:30:00Z' })).toBe(
      'Its expiry passed ([2026-12-04T23:30:00Z])',
    );
    const moved = word('fr', 'moved-at-send', {
      quiet: 'no-send-day',
      weekday: 2,
      at: '2026-12-09T08:00:00Z',
    });
    expect(moved).toContain('mardi');
    expect(moved).toContain('[2026-12-09T08:00:00Z]');
  });

  it('should answer null for a code it does not know, and for no reason', () => {
    expect(word('fr', 'a-code-from-a-newer-engine')).toBeNull();
    expect(wordReason(reasonCatalogues.fr, null, words('fr'))).toBeNull();
  });
});
