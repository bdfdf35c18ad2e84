import { languageSchema, timeZoneSchema } from './locale';

describe('timeZoneSchema', () => {
  it.each([
    ['Europe/Paris', true],
    ['America/Montreal', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('should read %p: %p', (zone, valid) => {
    expect(timeZoneSchema.safeParse(zone).success).toBe(valid);
  });
});

describe('languageSchema', () => {
  it.each([
    ['fr', true],
    ['fr-CA', true],
    ['FR', false],
    ['fr_CA', false],
  ])('should read %p: %p', (language, valid) => {
    expect(languageSchema.safeParse(language).success).toBe(valid);
  });
});
