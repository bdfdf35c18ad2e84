/**
 * The GSM 03.38 (3GPP TS 23.038) default alphabet and its extension table, as code points.
 * Basic characters take one septet; extension characters are sent as ESC + code and take two.
 */

/** The 128 characters of the GSM 7-bit default alphabet, in table order (0x1B is the escape). */
// prettier-ignore
export const GSM_BASIC_TABLE: readonly string[] = [
  '@', '£', '$', '¥', 'è', 'é', 'ù', 'ì', 'ò', 'Ç', '\n', 'Ø', 'ø', '\r', 'Å', 'å',
  'Δ', '_', 'Φ', 'Γ', 'Λ', 'Ω', 'Π', 'Ψ', 'Σ', 'Θ', 'Ξ', '\u001b', 'Æ', 'æ', 'ß', 'É',
  ' ', '!', '"', '#', '¤', '%', '&', "'", '(', ')', '*', '+', ',', '-', '.', '/',
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?',
  '¡', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O',
  'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Ä', 'Ö', 'Ñ', 'Ü', '§',
  '¿', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
  'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'ä', 'ö', 'ñ', 'ü', 'à',
];

/** The extension table: character → code after the escape (0x1B). */
export const GSM_EXTENSION_TABLE: Readonly<Record<string, number>> = {
  '\f': 0x0a,
  '^': 0x14,
  '{': 0x28,
  '}': 0x29,
  '\\': 0x2f,
  '[': 0x3c,
  '~': 0x3d,
  ']': 0x3e,
  '|': 0x40,
  '€': 0x65,
};

const basic = new Set(GSM_BASIC_TABLE.filter((c) => c !== '\u001b'));
const extension = new Set(Object.keys(GSM_EXTENSION_TABLE));

/** Septets a character takes in GSM-7: 1 (basic), 2 (extension) or null (not in GSM-7). */
export function gsmSeptets(character: string): 1 | 2 | null {
  if (basic.has(character)) return 1;
  if (extension.has(character)) return 2;
  return null;
}

/** True when every character of the text is in the GSM-7 basic set or its extension table. */
export function isGsm7(text: string): boolean {
  for (const character of text) if (gsmSeptets(character) === null) return false;
  return true;
}
