import { useSyncExternalStore } from 'react';
import { createLanguageStore, languageStorageKey } from './createLanguageStore';
import { languages, loadMessages, type Language, type Messages } from './messages';

const store = createLanguageStore(loadMessages);

function isLanguage(value: string | null): value is Language {
  return (languages as readonly (string | null)[]).includes(value);
}

/** The interface language: the browser's when we have it, English otherwise. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** The language the user chose on this computer, or else the browser's. */
export function preferredLanguage(): Language {
  const chosen = typeof localStorage === 'undefined' ? null : localStorage.getItem(languageStorageKey);
  if (isLanguage(chosen)) return chosen;
  return pickLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);
}

/**
 * Downloads the preferred language's strings, to be awaited before the first render, so the first screen is in
 * the right language at once. Rejects when they cannot be downloaded (main.tsx then says so).
 */
export function startLanguage(): Promise<void> {
  return store.start(preferredLanguage());
}

/** Shows a language whose strings are at hand (component tests: English without waiting for a chunk). */
export function provideMessages(language: Language, messages: Messages): void {
  store.provide(language, messages);
}

/**
 * Switches the interface language on this computer (kept across sessions): downloads its strings, then every
 * screen follows at once. Rejects, leaving the interface as it was, when they cannot be downloaded.
 */
export function chooseLanguage(language: Language): Promise<void> {
  return store.choose(language);
}

/** The interface language, re-rendering when the user switches it. */
export function useLanguage(): Language {
  return useSyncExternalStore(store.subscribe, store.shown, store.shown);
}

/** The strings of the interface in the user's language. */
export function useMessages(): Messages {
  return store.messagesOf(useLanguage());
}
