import { gsmSeptets } from './gsm-alphabet';

/**
 * Typographic characters with a GSM-7 look-alike. Letters with accents are not listed: decomposing them
 * (Unicode NFD) and dropping the marks gives the letter (ô → o, ç → c) unless GSM-7 has the accented letter
 * itself (é, è, à, ñ, ü…), which is kept.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u201a': "'", // ‚
  '\u2032': "'", // ′
  '`': "'",
  '´': "'",
  '\u201c': '"', // “
  '\u201d': '"', // ”
  '\u201e': '"', // „
  '«': '"',
  '»': '"',
  '\u2039': '"', // ‹
  '\u203a': '"', // ›
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-', // figure dash
  '\u2013': '-', // –
  '\u2014': '-', // —
  '\u2212': '-', // minus
  '\u2026': '...', // …
  '\u00a0': ' ', // no-break space
  '\u202f': ' ', // narrow no-break space (French typography before : ; ! ?)
  '\u2009': ' ', // thin space
  '\u2007': ' ', // figure space
  '\u200b': '', // zero-width space
  '\u00ad': '', // soft hyphen
  '\u2022': '-', // •
  '\u00b7': '.', // ·
  œ: 'oe',
  Œ: 'OE',
  '\u2122': 'TM',
  '\u00a9': '(c)',
  '\u00ae': '(R)',
  '\u00b0': 'o',
};

/** Whether every character of a text is in GSM-7 (its basic set or its extension table). */
const allGsm = (text: string) => [...text].every((character) => gsmSeptets(character) !== null);

/** The GSM-7 look-alike of a character that is not in GSM-7, or null when it has none (an emoji, Cyrillic). */
export function gsmEquivalent(character: string): string | null {
  const listed = LOOK_ALIKES[character];
  if (listed !== undefined) return allGsm(listed) ? listed : null;
  const bare = character.normalize('NFD').replace(/\p{Mn}/gu, '');
  return bare !== character && bare !== '' && allGsm(bare) ? bare : null;
}

/** The characters of a text that force the whole SMS into Unicode (UCS-2), each once, in order of appearance. */
export function unicodeCharacters(text: string): string[] {
  return [...new Set([...text].filter((character) => gsmSeptets(character) === null))];
}

/** A text with its look-alikes put in, and what could not be replaced. */
export interface GsmReplacement {
  text: string;
  /** How many characters were replaced. */
  replaced: number;
  /** The characters left that still force Unicode (no GSM-7 look-alike), each once. */
  remaining: string[];
}

/**
 * Replaces each character that forces Unicode by its GSM-7 look-alike ("côté" → "cote", "l’heure" →
 * "l'heure"), so a French or Spanish reminder goes in GSM-7: 160 characters per SMS instead of 70. Characters
 * without one (emoji, other scripts) are left as they are and named in `remaining`. `{{variables}}` are
 * plain ASCII, so a template keeps them.
 */
export function toGsmEquivalents(text: string): GsmReplacement {
  let replaced = 0;
  const remaining = new Set<string>();
  let result = '';
  for (const character of text) {
    if (gsmSeptets(character) !== null) {
      result += character;
      continue;
    }
    const equivalent = gsmEquivalent(character);
    if (equivalent === null) {
      remaining.add(character);
      result += character;
    } else {
      replaced++;
      result += equivalent;
    }
  }
  return { text: result, replaced, remaining: [...remaining] };
}
