import { languageSchema, timeZoneSchema } from '@clinicflow/contract';
import { z } from 'zod';

/** `POST /api/operator/clinics` and `npm run clinic -- create`: a clinic and the e-mail of its first manager. */
export const operatorClinicSchema = z.object({
  name: z.string().trim().min(1).max(200),
  timeZone: timeZoneSchema,
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code such as FR')
    .default('FR'),
  defaultLanguage: languageSchema.default('fr'),
  manager: z.object({
    email: z.email().max(200),
    name: z.string().trim().min(1).max(200).optional(),
  }),
});
export type OperatorClinicInput = z.output<typeof operatorClinicSchema>;

/** The manager's name when the operator gives none: the e-mail's local part. */
export function managerName(input: OperatorClinicInput): string {
  return input.manager.name ?? input.manager.email.split('@')[0];
}
