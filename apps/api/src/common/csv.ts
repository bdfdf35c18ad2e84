/**
 * CSV as the exports write it (RFC 4180): every field quoted, quotes doubled, CRLF line ends. The file starts
 * with a UTF-8 byte-order mark (`CSV_BOM`) so that Excel reads the accents right.
 */
export const CSV_BOM = '\uFEFF';

/** One CSV line of text fields. */
export function csvLine(fields: readonly string[]): string {
  return fields.map((field) => `"${field.replaceAll('"', '""')}"`).join(',') + '\r\n';
}

/**
 * A patient's name or a message starting with `=`, `+`, `-` or `@` would run as a formula when the file is
 * opened in a spreadsheet (CSV injection): it gets a leading apostrophe. A phone number (`+336…`) is left
 * as it is: digits cannot run anything.
 */
export function neutraliseFormula(text: string): string {
  if (/^[=+\-@\t\r]/.test(text) && !/^\+\d+$/.test(text)) return `'${text}`;
  return text;
}
