import { z } from 'zod';

/**
 * Control characters (C0, DEL, C1): nothing a person types in a search box, and a NUL byte cannot travel in a
 * database regular expression at all (the driver throws), so they are refused as the caller's mistake.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** The text of a search box (`q`): trimmed, at most 200 characters, no control characters. */
export const searchTextSchema = z
  .string()
  .trim()
  .max(200)
  .refine((text) => !CONTROL_CHARACTERS.test(text), { message: 'must not contain control characters' });
