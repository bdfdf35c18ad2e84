import type { ClinicChoice } from '@clinicflow/contract';
import { ApiError } from '../../api/apiClient';

/**
 * The clinics a login offers when the e-mail has an account in several (409 naming `body.clinicId`, each with its
 * id and name), or null when the answer is not that.
 */
export function clinicsOffered(error: unknown): ClinicChoice[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const problem = error.errors.find((e) => e.path === 'body.clinicId') as { clinics?: unknown } | undefined;
  return Array.isArray(problem?.clinics) ? (problem.clinics as ClinicChoice[]) : null;
}
