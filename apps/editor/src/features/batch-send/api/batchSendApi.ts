import type { BatchPreview, BatchQuery, batchSendSchema, BatchSendView } from '@clinicflow/contract';
import type { z } from 'zod';
import { apiFetch } from '../../../api/apiClient';

/** The batch sends' wire types: the shared contract's (libs/contract). */
export type {
  AppointmentStatus,
  BatchQuery,
  BatchRow,
  BatchSendView as BatchSend,
} from '@clinicflow/contract';

/** `POST /api/batch-sends`: the query, the rows taken out by hand, the message. */
export type BatchSendRequest = z.input<typeof batchSendSchema>;

/** Clean query: empty optional filters are left out rather than sent as "". */
function cleanQuery(query: BatchQuery): BatchQuery {
  return {
    ...query,
    resourceId: query.resourceId || undefined,
    serviceId: query.serviceId || undefined,
    insurer: query.insurer?.trim() || undefined,
  };
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
};
