import { z } from 'zod';

/** An instant as JSON carries it: ISO 8601 with `Z` or an offset. */
export const instantSchema = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date-time with a zone',
});

/** A clinic-local day, `yyyy-MM-dd`. */
export const daySchema = z.iso.date({ error: 'must be a day yyyy-MM-dd' });

/** True when the value reads as a day or an instant (a check of two bounds runs only on two such values). */
export function isDateLike(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value));
}
