import { gsmSeptets } from './gsm-alphabet';

/** How an SMS is encoded on the air. */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

/** The size of an SMS: encoding, length in septets (GSM-7) or UTF-16 code units (UCS-2), and its parts. */
export interface SmsSize {
  encoding: SmsEncoding;
  /** GSM-7 septets (extension characters count 2) or UCS-2 code units (an emoji counts 2). */
  characters: number;
  segments: number;
  /** One credit per segment (S7). */
  credits: number;
  /** The text of each segment, in order; joined they give the message back. */
  parts: string[];
}

/** Limits per GSM 03.38 / 23.040: a single SMS, and each part of a concatenated SMS (6-byte UDH). */
export const SMS_LIMITS = {
  'GSM-7': { single: 160, concatenated: 153 },
  'UCS-2': { single: 70, concatenated: 67 },
} as const;

interface Unit {
  text: string;
  size: number;
}

function gsmUnits(text: string): Unit[] | null {
  const units: Unit[] = [];
  for (const character of text) {
    const size = gsmSeptets(character);
    if (size === null) return null;
    units.push({ text: character, size });
  }
  return units;
}

function ucs2Units(text: string): Unit[] {
  // Iterating a string yields whole code points: a surrogate pair stays one unit of size 2.
  return Array.from(text, (character) => ({ text: character, size: character.length }));
}

function split(units: Unit[], limit: number): string[] {
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const unit of units) {
    if (used + unit.size > limit) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += unit.text;
    used += unit.size;
  }
  if (current) parts.push(current);
  return parts;
}

/** Encoding, length, segments and credits of an SMS text per GSM 03.38 (160/153 GSM-7, 70/67 UCS-2). */
export function measureSms(text: string): SmsSize {
  const gsm = gsmUnits(text);
  const encoding: SmsEncoding = gsm ? 'GSM-7' : 'UCS-2';
  const units = gsm ?? ucs2Units(text);
  const characters = units.reduce((total, unit) => total + unit.size, 0);
  const limits = SMS_LIMITS[encoding];
  const parts =
    characters === 0 ? [] : characters <= limits.single ? [text] : split(units, limits.concatenated);
  return { encoding, characters, segments: parts.length, credits: parts.length, parts };
}
