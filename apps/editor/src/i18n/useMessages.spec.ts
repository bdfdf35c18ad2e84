import { en } from './en';
import { fr } from './fr';
import { pickLanguage } from './useMessages';

describe(pickLanguage.name, () => {
  it.each([
    [['fr-FR', 'en'], 'fr'],
    [['nb-NO', 'en-GB'], 'en'],
    [['de'], 'en'],
    [[], 'en'],
  ])('picks a language for %j', (preferred, expected) => {
    expect(pickLanguage(preferred)).toBe(expected);
  });
});

describe('messages', () => {
  it('should have every English string in French too', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });
});
