import { isKnownTimeZone } from '@clinicflow/rules';
import { z } from 'zod';

/** An IANA time zone, as a clinic's settings name it. */
export const timeZoneSchema = z
  .string()
  .refine((zone) => isKnownTimeZone(zone), 'must be an IANA time zone such as Europe/Paris');

/** A language code of a patient or a clinic: `fr`, `fr-CA`. */
export const languageSchema = z
  .string()
  .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a language code such as fr or fr-CA');
