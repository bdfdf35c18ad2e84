import { measureSms } from './sms-segments';
import { gsmEquivalent, toGsmEquivalents, unicodeCharacters } from './gsm-equivalents';

describe(unicodeCharacters.name, () => {
  it.each([
    { text: 'Rendez-vous à 10:00, merci', expected: [] },
    { text: 'Votre RDV à côté du cabinet, à côté', expected: ['ô'] },
    { text: 'l’heure « exacte » 👍', expected: ['’', '«', '»', '👍'] },
    { text: 'Ç é è ñ ü € [ok]', expected: [] },
  ])('should find $expected in "$text"', ({ text, expected }) => {
    expect(unicodeCharacters(text)).toEqual(expected);
  });
});

describe(gsmEquivalent.name, () => {
  it.each([
    ['ô', 'o'],
    ['ç', 'c'],
    ['á', 'a'],
    ['Ê', 'E'],
    ['’', "'"],
    ['“', '"'],
    ['—', '-'],
    ['…', '...'],
    ['\u00a0', ' '],
    ['\u202f', ' '],
    ['œ', 'oe'],
    ['😀', null],
    ['Ж', null],
    ['中', null],
  ])('should give %p → %p', (character, expected) => {
    expect(gsmEquivalent(character)).toBe(expected);
  });
});

describe(toGsmEquivalents.name, () => {
  it('should bring a 105-character booking SMS with one "ô" from 2 parts to 1', () => {
    const text =
      'Bonjour {{patient.firstName}}, votre rendez-vous est confirmé. Le cabinet est juste à côté de la gare.';
    const booking = `${text}${'.'.repeat(105 - [...text].length)}`;
    expect([...booking]).toHaveLength(105);
    expect(measureSms(booking)).toMatchObject({ encoding: 'UCS-2', segments: 2 });

    const sut = toGsmEquivalents(booking);
    expect(sut).toMatchObject({ replaced: 1, remaining: [] });
    expect(sut.text).toContain('à coté de la gare');
    expect(sut.text).toContain('{{patient.firstName}}');
    expect(measureSms(sut.text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('should keep the GSM-7 accented letters and name what it cannot replace', () => {
    // GSM-7 has à but not À
    const sut = toGsmEquivalents('À l’accueil : café, señor ñ ü 🙂');
    expect(sut.text).toBe("A l'accueil : café, señor ñ ü 🙂");
    expect(sut.replaced).toBe(2);
    expect(sut.remaining).toEqual(['🙂']);
  });

  it('should leave a GSM-7 text as it is', () => {
    const text = 'Rappel : RDV le 12/05 à 10:00. Répondez C pour confirmer [merci]';
    expect(toGsmEquivalents(text)).toEqual({ text, replaced: 0, remaining: [] });
  });
});
