import { apiFetch } from '../../../api/apiClient';
import type { TemplateChannel } from '../../templates/api/templatesApi';

export const appointmentStatuses = ['booked', 'confirmed', 'cancelled', 'attended', 'no_show'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** The engine's batch query (F11): appointments in a range of clinic-local days, and who to keep. */
export interface BatchQuery {
  from: string;
  to: string;
  channel: TemplateChannel;
  resourceId?: string;
  serviceId?: string;
  insurer?: string;
  appointmentStatuses: AppointmentStatus[];
  sent: 'any' | 'sent' | 'not-sent';
}

/** One recipient of the preview; `problem` says why it cannot be sent. */
export interface BatchRow {
  id: string;
  appointmentId: string;
  start: string | null;
  patient: { id: string; name: string } | null;
  address: string | null;
  serviceId: string | null;
  resourceId: string | null;
  alreadySent: boolean;
  problem: string | null;
}

export interface BatchSendRequest {
  name?: string;
  query: BatchQuery;
  removed: string[];
  onePerPhone: boolean;
  template: { templateId?: string; body?: string; subject?: string };
}

/** A batch send and its progress (its messages counted by status). */
export interface BatchSend {
  id: string;
  name: string | null;
  recipients: number;
  leftOut: { id: string; reason: string }[];
  progress: { total: number; byStatus: Record<string, number> };
}

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
    apiFetch<{ items: BatchRow[]; total: number; sendable: number }>('/batch-sends/preview', {
      method: 'POST',
      body: cleanQuery(query),
    }),
  create: (request: BatchSendRequest) =>
    apiFetch<BatchSend>('/batch-sends', {
      method: 'POST',
      body: { ...request, query: cleanQuery(request.query) },
    }),
  get: (id: string) => apiFetch<BatchSend>(`/batch-sends/${encodeURIComponent(id)}`),
};
