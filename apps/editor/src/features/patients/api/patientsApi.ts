import type { DirectoryPatient } from '../../flows/utils/sampleFromDirectory';
import { apiErrorOf, apiFetch } from '../../../api/apiClient';
import { expireSession, readToken } from '../../../api/session';

export type { DirectoryPatient } from '../../flows/utils/sampleFromDirectory';

/** A page of `GET /api/patients`: the patients that match, and how many match in all. */
export interface PatientPage {
  items: DirectoryPatient[];
  total: number;
}

/** How many matching patients a search shows: a clinic has thousands, the picker shows the first few. */
export const PATIENT_SEARCH_SIZE = 20;

/** What `DELETE /api/patients/:id` removed, in counts. */
export interface ErasureReport {
  patientId: string;
  appointments: number;
  deliveries: number;
  cancelled: number;
  replies: number;
}

/** Everything held about a patient as a file: JSON, or a readable HTML page (the export is recorded). */
async function exportAll(id: string, format: 'json' | 'html'): Promise<{ blob: Blob; fileName: string }> {
  const token = readToken();
  const response = await fetch(`/api/patients/${encodeURIComponent(id)}/export?format=${format}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) {
    if (response.status === 401 && token) expireSession();
    const text = await response.text();
    throw apiErrorOf(response.status, response.statusText, text.startsWith('{') ? JSON.parse(text) : {});
  }
  return { blob: await response.blob(), fileName: `patient-${id}.${format}` };
}

export const patientsApi = {
  /** The clinic's patients whose name, mobile, e-mail or external id match `q` (the API searches). */
  search: (q: string) => {
    const query = new URLSearchParams({ pageSize: String(PATIENT_SEARCH_SIZE) });
    if (q.trim()) query.set('q', q.trim());
    return apiFetch<PatientPage>(`/patients?${query.toString()}`);
  },
  exportAll,
  /** Erases the patient (managers): see docs/privacy.md for what goes. */
  erase: (id: string) => apiFetch<ErasureReport>(`/patients/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

/** How a patient reads in a list: the name, then the mobile or e-mail. */
export function patientLabel(patient: DirectoryPatient): string {
  return [[patient.firstName, patient.lastName].filter(Boolean).join(' '), patient.mobile ?? patient.email]
    .filter(Boolean)
    .join(' · ');
}
