import { z } from 'zod';
import { perChannel } from '../channels/channel';
import { instantSchema } from '../dates/dates';
import { CONSENT_PURPOSES } from '../settings/settings';

/** A patient's date of birth, `yyyy-MM-dd` (the flows' patient-age condition reads it). */
export const birthDateSchema = z.iso.date({ error: 'must be a date yyyy-MM-dd' });

/** The doctor who referred the patient (C5: a message step may go to them). */
export const referringDoctorSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
});
export type ReferringDoctor = z.infer<typeof referringDoctorSchema>;

/**
 * One channel's consent as the PMS knows it (T3): granted or not, what it covers (left out or empty: every
 * purpose) and when the patient decided. It is recorded with source `pms`; a decision older than the one in
 * force (a STOP reply since) goes to the patient's consent history only.
 */
export const pmsConsentSchema = z.object({
  granted: z.boolean(),
  purposes: z.array(z.enum(CONSENT_PURPOSES)).max(CONSENT_PURPOSES.length).optional(),
  at: instantSchema,
});
export type PmsConsent = z.infer<typeof pmsConsentSchema>;

/** The consent of a patient per channel, as a PMS event carries it (channels left out are left as they are). */
export const pmsConsentByChannelSchema = perChannel(pmsConsentSchema).partial();
