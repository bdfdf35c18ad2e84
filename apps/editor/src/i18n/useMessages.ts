import { useSyncExternalStore } from 'react';
import { messages, type Language, type Messages } from './messages';

const storageKey = 'clinicflow.language';
const listeners = new Set<() => void>();

/** The interface language: the browser's when we have it, English otherwise. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base in messages) return base as Language;
  }
  return 'en';
}

/** The language the user chose on this computer, or else the browser's. */
export function currentLanguage(): Language {
  const chosen = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
  if (chosen && chosen in messages) return chosen as Language;
  return pickLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);
}

/** Switches the interface language on this computer (kept across sessions); every screen follows at once. */
export function chooseLanguage(language: Language): void {
  localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The interface language, re-rendering when the user switches it. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
}

/** The strings of the interface in the user's language. */
export function useMessages(): Messages {
  return messages[useLanguage()];
}
