import type { Language, Messages } from './messages';

export const languageStorageKey = 'clinicflow.language';

/** Which language the interface shows, and the strings of the languages downloaded so far. */
export interface LanguageStore {
  /** The language shown. */
  shown(): Language;
  /** The strings of a language already downloaded; throws for one that is not (a screen rendered too early). */
  messagesOf(language: Language): Messages;
  /** Calls the listener whenever the language shown changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Downloads a language's strings, then shows it: awaited before the first render. */
  start(language: Language): Promise<void>;
  /** Shows a language whose strings are at hand (component tests: English without a download). */
  provide(language: Language, messages: Messages): void;
  /**
   * Switches to a language on this computer (kept across sessions): downloads its strings, then shows it.
   * Rejects, leaving the interface as it was, when they cannot be downloaded; when the user picks again
   * meanwhile, the last pick wins.
   */
  choose(language: Language): Promise<void>;
}

/** A language store downloading each language's strings with `load`, once (a failed download is tried again). */
export function createLanguageStore(load: (language: Language) => Promise<Messages>): LanguageStore {
  const listeners = new Set<() => void>();
  const loaded = new Map<Language, Messages>();
  const loading = new Map<Language, Promise<Messages>>();
  let shown: Language = 'en';
  let latestChoice = 0;

  function download(language: Language): Promise<Messages> {
    const done = loaded.get(language);
    if (done) return Promise.resolve(done);
    let pending = loading.get(language);
    if (!pending) {
      pending = load(language)
        .then((messages) => {
          loaded.set(language, messages);
          return messages;
        })
        .finally(() => loading.delete(language));
      loading.set(language, pending);
    }
    return pending;
  }

  function show(language: Language): void {
    shown = language;
    document.documentElement.lang = language;
    listeners.forEach((listener) => listener());
  }

  return {
    shown: () => shown,
    messagesOf(language) {
      const messages = loaded.get(language);
      if (!messages) {
        throw new Error(
          `The ${language} strings are not loaded: await startLanguage() (or call provideMessages() in a test) before rendering`,
        );
      }
      return messages;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start(language) {
      await download(language);
      show(language);
    },
    provide(language, messages) {
      loaded.set(language, messages);
      show(language);
    },
    async choose(language) {
      const choice = ++latestChoice;
      await download(language);
      if (choice !== latestChoice) return;
      localStorage.setItem(languageStorageKey, language);
      show(language);
    },
  };
}
