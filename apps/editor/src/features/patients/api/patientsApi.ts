import type { DirectoryPatient } from '../../flows/utils/sampleFromDirectory';
import { apiFetch } from '../../../api/apiClient';

export type { DirectoryPatient } from '../../flows/utils/sampleFromDirectory';

/** A page of `GET /api/patients`: the patients that match, and how many match in all. */
export interface PatientPage {
  items: DirectoryPatient[];
  total: number;
}

/** How many matching patients a search shows: a clinic has thousands, the picker shows the first few. */
export const PATIENT_SEARCH_SIZE = 20;

export const patientsApi = {
  /** The clinic's patients whose name, mobile, e-mail or external id match `q` (the API searches). */
  search: (q: string) => {
    const query = new URLSearchParams({ pageSize: String(PATIENT_SEARCH_SIZE) });
    if (q.trim()) query.set('q', q.trim());
    return apiFetch<PatientPage>(`/patients?${query.toString()}`);
  },
};

/** How a patient reads in a list: the name, then the mobile or e-mail. */
export function patientLabel(patient: DirectoryPatient): string {
  return [[patient.firstName, patient.lastName].filter(Boolean).join(' '), patient.mobile ?? patient.email]
    .filter(Boolean)
    .join(' · ');
}
