/** The languages a patient can receive messages in. */
export const LANGUAGES = ['fr', 'es', 'nb', 'it', 'de', 'en'] as const;

/** A patient's or clinic's language (ISO 639-1; Norwegian is Bokmål, `nb`). */
export type Language = (typeof LANGUAGES)[number];

const ALIASES: Record<string, Language> = { no: 'nb', nn: 'nb' };

/** The supported language for a code such as "fr", "fr-FR", "no" or "nb_NO", or undefined. */
export function resolveLanguage(code: string | undefined | null): Language | undefined {
  if (!code) return undefined;
  const base = code.toLowerCase().split(/[-_]/)[0];
  const language = ALIASES[base] ?? base;
  return (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : undefined;
}

/** Per-language conventions: date formats (luxon tokens) and the BCP 47 tag for speech. */
export interface LanguageConventions {
  date: string;
  shortDate: string;
  longDate: string;
  time: string;
  speech: string;
}

/** Date formats and speech tags per language; long dates read like "jeudi 3 décembre". */
export const LANGUAGE_CONVENTIONS: Readonly<Record<Language, LanguageConventions>> = {
  fr: { date: 'dd/MM/yyyy', shortDate: 'dd/MM', longDate: 'EEEE d MMMM', time: 'HH:mm', speech: 'fr-FR' },
  es: {
    date: 'dd/MM/yyyy',
    shortDate: 'dd/MM',
    longDate: "EEEE d 'de' MMMM",
    time: 'HH:mm',
    speech: 'es-ES',
  },
  nb: { date: 'dd.MM.yyyy', shortDate: 'dd.MM', longDate: 'EEEE d. MMMM', time: 'HH:mm', speech: 'nb-NO' },
  it: { date: 'dd/MM/yyyy', shortDate: 'dd/MM', longDate: 'EEEE d MMMM', time: 'HH:mm', speech: 'it-IT' },
  de: { date: 'dd.MM.yyyy', shortDate: 'dd.MM.', longDate: 'EEEE, d. MMMM', time: 'HH:mm', speech: 'de-DE' },
  en: { date: 'dd/MM/yyyy', shortDate: 'dd/MM', longDate: 'EEEE d MMMM', time: 'HH:mm', speech: 'en-GB' },
};
