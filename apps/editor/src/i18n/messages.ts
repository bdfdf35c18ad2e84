import type { en } from './en';

/** The languages of the interface; each one's strings are a chunk of their own (i18n/en, i18n/fr). */
export const languages = ['en', 'fr'] as const;

export type Language = (typeof languages)[number];

/** Every string of the interface, keyed as in English; components read them through useMessages(). */
export type Messages = Record<keyof typeof en, string>;

/** Loads one language's strings: only the language shown is downloaded, the other one when the user picks it. */
export function loadMessages(language: Language): Promise<Messages> {
  switch (language) {
    case 'en':
      return import('./en').then((module) => module.en);
    case 'fr':
      return import('./fr').then((module) => module.fr);
  }
}
