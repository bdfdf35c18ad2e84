import type { Messages } from './messages';

const languageKeys: Record<string, keyof Messages> = {
  fr: 'languageFr',
  en: 'languageEn',
  es: 'languageEs',
  nb: 'languageNb',
  it: 'languageIt',
  de: 'languageDe',
};

/** A language of the messages in words ("French"), or its code when the interface has no word for it. */
export function languageLabel(t: Messages, code: string): string {
  const key = languageKeys[code];
  return key ? t[key] : code;
}
