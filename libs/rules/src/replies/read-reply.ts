import type { ReplyKeywords } from '../flow/ask-node.schema';
import type { Channel } from '../flow/flow-parts.schema';
import { wordsOf } from './reply-words';

/** What a patient's reply means. */
export type ReplyMeaning = 'confirmed' | 'declined' | 'stop' | 'unknown';

const defaultConfirm = wordsOf('confirm');
const defaultDecline = wordsOf('decline');
const stopWords = wordsOf('stop');

/** A reply as it is compared: upper case, without accents or punctuation ("Sí." → "SI", "arrêt !" → "ARRET"). */
export function normaliseReply(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .trim()
    .toUpperCase()
    .replace(/\s+/g, ' ');
}

/** The words an ask step understands: its own, else the clinic's, else the defaults (undefined). */
export function askKeywords(
  step: { keywords?: ReplyKeywords } | undefined,
  clinic: { replyKeywords?: ReplyKeywords } | undefined,
): ReplyKeywords | undefined {
  return step?.keywords ?? clinic?.replyKeywords;
}

/** The keys a patient presses on a call that asked a question (DTMF, F4): 1 confirms, 2 declines. */
export const KEYPAD_REPLIES: Readonly<Record<string, ReplyMeaning>> = { '1': 'confirmed', '2': 'declined' };

/**
 * Reads a reply by its first word: STOP in any language withdraws consent; then the confirm / decline words,
 * which an ask step (or the clinic) may replace with its own ("1" / "2"); anything else is not understood.
 * An answer to a call (`channel` voice) is the key pressed: 1 confirms, 2 declines, whatever the step's words.
 * The engine and the simulator both read replies here, so a word means the same in both.
 */
export function readReply(text: string, keywords?: ReplyKeywords, channel?: Channel): ReplyMeaning {
  if (channel === 'voice' && /^[0-9*#]+$/.test(text.trim())) return KEYPAD_REPLIES[text.trim()] ?? 'unknown';
  const word = normaliseReply(text).split(' ')[0] ?? '';
  if (!word) return 'unknown';
  const own = (words: string[] | undefined) => words?.map(normaliseReply);
  if (stopWords.includes(word)) return 'stop';
  if ((own(keywords?.confirm) ?? defaultConfirm).includes(word)) return 'confirmed';
  if ((own(keywords?.decline) ?? defaultDecline).includes(word)) return 'declined';
  return 'unknown';
}
