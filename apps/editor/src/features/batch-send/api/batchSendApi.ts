import type { BatchPreview, BatchQuery, batchSendSchema, BatchSendView } from '@clinicflow/contract';
import type { z } from 'zod';
import { apiErrorOf, apiFetch } from '../../../api/apiClient';
import { expireSession, readToken } from '../../../api/session';

/** The batch sends' wire types: the shared contract's (libs/contract). */
export type {
  AppointmentStatus,
  BatchMode,
  BatchQuery,
  BatchRow,
  BatchSendView as BatchSend,
} from '@clinicflow/contract';

/** `POST /api/batch-sends`: the query, the rows taken out by hand, the message. */
export type BatchSendRequest = z.input<typeof batchSendSchema>;

/**
 * Clean query: empty optional filters are left out rather than sent as ""; a batch of every patient sends only
 * what applies to it (the API refuses appointment filters there).
 */
export function cleanQuery(query: BatchQuery): BatchQuery {
  const patientFilters = {
    insurer: query.insurer?.trim() || undefined,
    patientGroup: query.patientGroup?.trim() || undefined,
  };
  if (query.mode === 'patients') {
    return { mode: 'patients', channel: query.channel, ...patientFilters } as BatchQuery;
  }
  return {
    ...query,
    resourceId: query.resourceId || undefined,
    serviceId: query.serviceId || undefined,
    specialty: query.specialty?.trim() || undefined,
    ...patientFilters,
  };
}

/** The preview's list as a file, and its name. */
export interface BatchListFile {
  blob: Blob;
  fileName: string;
}

/**
 * `POST /api/batch-sends/preview/export`: the list as a CSV file before sending, once staff confirmed it holds
 * personal data. A refusal comes back as an ApiError with the API's message instead of a file.
 */
async function exportList(request: {
  query: BatchQuery;
  removed: string[];
  lang: 'en' | 'fr';
}): Promise<BatchListFile> {
  const token = readToken();
  const response = await fetch('/api/batch-sends/preview/export', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ ...request, query: cleanQuery(request.query), confirm: 'personal-data' }),
  });
  if (!response.ok) {
    if (response.status === 401 && token) expireSession();
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { message: text };
    }
    throw apiErrorOf(response.status, response.statusText, body);
  }
  const named = /filename="?([^";]+)"?/i.exec(response.headers.get('Content-Disposition') ?? '');
  return { blob: await response.blob(), fileName: named ? named[1] : 'batch-list.csv' };
}

export const batchSendApi = {
  preview: (query: BatchQuery) =>
    apiFetch<BatchPreview>('/batch-sends/preview', { method: 'POST', body: cleanQuery(query) }),
  create: (request: BatchSendRequest & { query: BatchQuery }) =>
    apiFetch<BatchSendView>('/batch-sends', {
      method: 'POST',
      body: { ...request, query: cleanQuery(request.query) },
    }),
  get: (id: string) => apiFetch<BatchSendView>(`/batch-sends/${encodeURIComponent(id)}`),
  exportList,
};
