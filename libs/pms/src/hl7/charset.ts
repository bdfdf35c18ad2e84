import iconv from 'iconv-lite';

/** The character sets of MSH-18 (HL7 table 0211) clinicflow reads, by their HL7 name, and iconv's name. */
const CHARSETS: Record<string, string> = {
  ASCII: 'ascii',
  '8859/1': 'iso-8859-1',
  '8859/2': 'iso-8859-2',
  '8859/3': 'iso-8859-3',
  '8859/4': 'iso-8859-4',
  '8859/5': 'iso-8859-5',
  '8859/7': 'iso-8859-7',
  '8859/9': 'iso-8859-9',
  '8859/15': 'iso-8859-15',
  'UNICODE UTF-8': 'utf-8',
  // not in table 0211, but what many systems write
  'UTF-8': 'utf-8',
  UTF8: 'utf-8',
};

/** Without MSH-18: UTF-8, which reads ASCII (HL7's default) the same and is what most systems send. */
const DEFAULT_CHARSET = 'utf-8';

/** A message's bytes as text, in the character set its MSH-18 declares. */
export type DecodedHl7 = { text: string; charset: string } | { problem: string };

/**
 * Reads a message's text in the character set its MSH-18 declares (the header is ASCII whatever the set, so it
 * is read first byte by byte). An unknown set is a problem naming it, never a guess.
 */
export function decodeHl7(bytes: Buffer): DecodedHl7 {
  const declared = declaredCharset(bytes);
  const charset = declared === '' ? DEFAULT_CHARSET : CHARSETS[declared.toUpperCase()];
  if (!charset) return { problem: `MSH-18: the character set ${declared} is not one clinicflow reads` };
  return { text: iconv.decode(bytes, charset), charset };
}

/** Text in a character set `decodeHl7` answered (the ACK goes back in the message's own set). */
export function encodeHl7(text: string, charset: string): Buffer {
  return iconv.encode(text, charset);
}

/** MSH-18 as written (first repetition), '' when absent. */
function declaredCharset(bytes: Buffer): string {
  const header = bytes
    .subarray(0, bytes.indexOf(0x0d) < 0 ? bytes.length : bytes.indexOf(0x0d))
    .toString('latin1');
  if (!header.startsWith('MSH') || header.length < 8) return '';
  const fieldSeparator = header[3];
  const repetition = header[5] ?? '~';
  // MSH-1 is the separator itself: MSH-n is the (n-1)th piece after "MSH".
  const field = header.split(fieldSeparator)[17] ?? '';
  return field.split(repetition)[0].trim();
}
