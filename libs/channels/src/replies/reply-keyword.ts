/** What a patient's reply means. */
export type ReplyIntent = 'confirm' | 'cancel' | 'stop';

/** The clinic's own reply keywords (C, N, STOP by default). */
export interface ReplyKeywords {
  confirm: string;
  cancel: string;
  stop: string;
}

/** Words patients use in fr, es, nb, it, de and en, accepted besides the clinic's keywords. */
export const COMMON_REPLY_WORDS: Readonly<Record<ReplyIntent, readonly string[]>> = {
  confirm: [
    'C',
    'OUI',
    'SI',
    'JA',
    'YES',
    'Y',
    'OK',
    'CONFIRM',
    'CONFIRMER',
    'CONFIRMAR',
    'CONFERMA',
    'BEKREFT',
    'BESTATIGEN',
  ],
  cancel: [
    'N',
    'NON',
    'NO',
    'NEI',
    'NEIN',
    'ANNULER',
    'CANCELAR',
    'ANNULLA',
    'AVBESTILL',
    'ABSAGEN',
    'CANCEL',
  ],
  stop: ['STOP', 'STOPP', 'ARRET', 'BAJA', 'UNSUBSCRIBE', 'STOPPA', 'ABMELDEN', 'END', 'QUIT'],
};

/** Upper case, without accents, punctuation or surrounding spaces: " Oui ! " → "OUI", "Sí." → "SI". */
export function normaliseReply(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .trim()
    .toUpperCase()
    .replace(/\s+/g, ' ');
}

/** Reads a reply as confirm, cancel or stop from its first word; null when it says something else. */
export function readReplyKeyword(
  text: string,
  keywords: ReplyKeywords = { confirm: 'C', cancel: 'N', stop: 'STOP' },
): ReplyIntent | null {
  const first = normaliseReply(text).split(' ')[0] ?? '';
  if (!first) return null;
  const intents: ReplyIntent[] = ['stop', 'confirm', 'cancel'];
  for (const intent of intents) if (normaliseReply(keywords[intent]) === first) return intent;
  for (const intent of intents) if (COMMON_REPLY_WORDS[intent].includes(first)) return intent;
  return null;
}
