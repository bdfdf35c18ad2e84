import type { AuditAction, AuditPage } from '@clinicflow/contract';
import { apiErrorOf, apiFetch } from '../../../api/apiClient';
import { expireSession, readToken } from '../../../api/session';

export type { AuditAction, AuditEntry, AuditPage } from '@clinicflow/contract';

/** The Activity page's filters, as the API's query string takes them. */
export interface ActivityFilters {
  from?: string;
  to?: string;
  action?: AuditAction;
  actorId?: string;
  page: number;
}

/** The query string of the filters given (empty ones left out). */
export function activityQuery(filters: Omit<ActivityFilters, 'page'> & { page?: number }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The filtered trail as a CSV file (the download is itself recorded in the trail). */
async function exportCsv(filters: Omit<ActivityFilters, 'page'>): Promise<{ blob: Blob; fileName: string }> {
  const token = readToken();
  const response = await fetch(`/api/audit/export${activityQuery(filters)}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) {
    if (response.status === 401 && token) expireSession();
    const text = await response.text();
    throw apiErrorOf(response.status, response.statusText, text.startsWith('{') ? JSON.parse(text) : {});
  }
  const named = /filename="?([^";]+)"?/i.exec(response.headers.get('Content-Disposition') ?? '');
  return { blob: await response.blob(), fileName: named?.[1] ?? 'activity.csv' };
}

/** The clinic's audit trail (managers only). */
export const activityApi = {
  list: (filters: ActivityFilters) => apiFetch<AuditPage>(`/audit${activityQuery(filters)}`),
  exportCsv,
};
