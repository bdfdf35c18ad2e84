import { messages, type Language, type Messages } from './messages';

/** The interface language: the browser's when we have it, English otherwise. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base in messages) return base as Language;
  }
  return 'en';
}

/** The strings of the interface in the user's language. */
export function useMessages(): Messages {
  return messages[pickLanguage(typeof navigator === 'undefined' ? [] : navigator.languages)];
}
