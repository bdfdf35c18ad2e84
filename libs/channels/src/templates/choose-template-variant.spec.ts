import { resolveLanguage } from '../languages/language';
import { chooseTemplateVariant, type MessageTemplate } from './choose-template-variant';

const template: MessageTemplate = {
  body: 'Bonjour',
  variants: { es: { body: 'Hola' }, nb: { body: 'Hei' }, en: { body: 'Hello' } },
};

describe('chooseTemplateVariant', () => {
  it.each([
    { patient: 'es', clinic: 'fr', language: 'es', body: 'Hola' },
    { patient: 'nb-NO', clinic: 'fr', language: 'nb', body: 'Hei' },
    { patient: 'no', clinic: 'fr', language: 'nb', body: 'Hei' },
    { patient: 'de', clinic: 'en', language: 'en', body: 'Hello' },
    { patient: 'de', clinic: 'fr', language: 'fr', body: 'Bonjour' },
    { patient: undefined, clinic: 'fr', language: 'fr', body: 'Bonjour' },
  ] as const)(
    'gives a $patient patient of a $clinic clinic the $language text',
    ({ patient, clinic, language, body }) => {
      expect(chooseTemplateVariant(template, patient, clinic)).toMatchObject({ language, content: { body } });
    },
  );
});

describe('resolveLanguage', () => {
  it.each([
    ['fr_FR', 'fr'],
    ['NN', 'nb'],
    ['pt', undefined],
    ['', undefined],
    [null, undefined],
  ])('reads %s as %s', (code, language) => {
    expect(resolveLanguage(code)).toBe(language);
  });
});
