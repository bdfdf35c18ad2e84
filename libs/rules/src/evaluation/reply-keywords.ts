import type { ReplyKeywords } from '../flow/ask-node.schema';

/** What a patient's reply means. */
export type ReplyMeaning = 'confirmed' | 'declined' | 'stop' | 'unknown';

/** Default reply words (French, Spanish, Norwegian, German, English). */
export const defaultReplyKeywords = {
  confirm: ['C', 'OUI', 'SI', 'SÍ', 'JA', 'YES', 'Y'],
  decline: ['N', 'NON', 'NO', 'NEI', 'NEIN'],
  stop: ['STOP', 'ARRET', 'ARRÊT', 'STOPP', 'BAJA'],
} as const;

const upperCased = (words: readonly string[]): string[] => words.map((word) => word.toUpperCase());
const defaultConfirm = upperCased(defaultReplyKeywords.confirm);
const defaultDecline = upperCased(defaultReplyKeywords.decline);

/** Reads a reply: the first word, upper-cased, without punctuation, against the confirm/decline/stop words. */
export function readReply(text: string, keywords?: ReplyKeywords): ReplyMeaning {
  const word = (text.trim().split(/\s+/)[0] ?? '').toUpperCase().replace(/[.,;:!?"'()]/g, '');
  const confirm = keywords?.confirm ? upperCased(keywords.confirm) : defaultConfirm;
  const decline = keywords?.decline ? upperCased(keywords.decline) : defaultDecline;
  if ((defaultReplyKeywords.stop as readonly string[]).includes(word)) return 'stop';
  if (confirm.includes(word)) return 'confirmed';
  if (decline.includes(word)) return 'declined';
  return 'unknown';
}
