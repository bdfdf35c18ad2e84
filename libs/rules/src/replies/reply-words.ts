/** The languages whose reply words every clinic understands (those of the seeds and their neighbours). */
export const REPLY_LANGUAGES = ['fr', 'en', 'es', 'nb', 'de', 'it'] as const;
export type ReplyLanguage = (typeof REPLY_LANGUAGES)[number];

/** What a reply word asks for. */
export type ReplyIntent = 'confirm' | 'decline' | 'stop';

/**
 * The words patients answer with, per language, as read (upper case, no accents): a reply is understood in
 * any of these languages, whatever the clinic's own. "C" and "N" are the keywords our templates ask for;
 * STOP is understood in every language, as carriers require.
 */
export const replyWords: Readonly<Record<ReplyLanguage, Readonly<Record<ReplyIntent, readonly string[]>>>> = {
  fr: {
    confirm: ['C', 'OUI', 'OK', 'CONFIRMER', 'CONFIRME'],
    decline: ['N', 'NON', 'ANNULER'],
    stop: ['STOP', 'ARRET'],
  },
  en: {
    confirm: ['C', 'YES', 'Y', 'OK', 'CONFIRM'],
    decline: ['N', 'NO', 'CANCEL'],
    stop: ['STOP', 'UNSUBSCRIBE', 'END', 'QUIT'],
  },
  es: {
    confirm: ['C', 'SI', 'OK', 'CONFIRMAR'],
    decline: ['N', 'NO', 'CANCELAR'],
    stop: ['STOP', 'BAJA'],
  },
  nb: {
    confirm: ['C', 'JA', 'OK', 'BEKREFT'],
    decline: ['N', 'NEI', 'AVBESTILL'],
    stop: ['STOP', 'STOPP'],
  },
  de: {
    confirm: ['C', 'JA', 'OK', 'BESTATIGEN'],
    decline: ['N', 'NEIN', 'ABSAGEN'],
    stop: ['STOP', 'ABMELDEN'],
  },
  it: {
    confirm: ['C', 'SI', 'OK', 'CONFERMA'],
    decline: ['N', 'NO', 'ANNULLA'],
    stop: ['STOP', 'STOPPA'],
  },
};

/** Every word of one intent, all languages together. */
export function wordsOf(intent: ReplyIntent): string[] {
  return [...new Set(Object.values(replyWords).flatMap((words) => words[intent]))];
}

/** Whether a language has reply words in the catalogue. */
export function isReplyLanguage(language: string): language is ReplyLanguage {
  return (REPLY_LANGUAGES as readonly string[]).includes(language);
}

/**
 * The catalogue's words of one intent in some languages, in their order, without repeats: what the editor
 * shows a question accepts in the clinic's languages, and the start of a step's own list.
 */
export function replyWordsIn(intent: ReplyIntent, languages: readonly string[]): string[] {
  return [...new Set(languages.filter(isReplyLanguage).flatMap((language) => replyWords[language][intent]))];
}
