import { z } from 'zod';

/**
 * The groups a patient belongs to, as the practice-management system names them ("Diabète", "Enfants"): a
 * batch send picks its recipients by one of them (F11).
 */
export const patientGroupsSchema = z.array(z.string().trim().min(1).max(100)).max(20);
export type PatientGroups = z.infer<typeof patientGroupsSchema>;
