import { apiFetch, ApiError, type ApiFieldError } from '../../../api/apiClient';
import { expireSession, readToken } from '../../../api/session';

export const deliveryStatuses = [
  'scheduled',
  'sending',
  'sent',
  'delivered',
  'answered',
  'failed',
  'retrying',
  'cancelled',
  'expired',
  'skipped',
] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
export const deliveryChannels = ['sms', 'email', 'voice'] as const;
export type DeliveryChannel = (typeof deliveryChannels)[number];

/** One row of `GET /api/deliveries` (api.md, with the extra fields the API adds). */
export interface DeliveryRow {
  id: string;
  createdAt: string;
  sendAt: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
  expiresAt: string | null;
  status: DeliveryStatus;
  channel: DeliveryChannel;
  recipient: { type: string; name: string | null; address: string | null };
  text: string | null;
  subject?: string | null;
  segments: number | null;
  credits: number | null;
  error: { code: string; reason: string } | null;
  reason?: string | null;
  flowId: string | null;
  nodeId: string | null;
  appointmentId: string | null;
  origin?: string | null;
  batchId?: string | null;
  inDoubt: boolean;
}

export interface DeliveryTotals {
  byStatus: Partial<Record<DeliveryStatus, number>>;
  byChannel: Partial<Record<DeliveryChannel, number>>;
}

export interface DeliveryPage {
  items: DeliveryRow[];
  total: number;
  page: number;
  pageSize: number;
  totals: DeliveryTotals;
}

/** One entry of a delivery's status history. */
export interface DeliveryHistoryEntry {
  status: DeliveryStatus;
  at: string;
  attempt?: number;
  reason?: string | null;
  by?: string | null;
}

/** `GET /api/deliveries/:id`: the row plus what the drawer shows. */
export interface DeliveryDetail extends DeliveryRow {
  sender?: { smsSenderName?: string; emailFromName?: string; emailFromAddress?: string } | null;
  language?: string | null;
  provider?: string | null;
  providerMessageId?: string | null;
  attempt?: number;
  answeredAt?: string | null;
  history: DeliveryHistoryEntry[];
  run?: {
    id: string;
    status: string;
    endedReason: string | null;
    steps: {
      at: string;
      nodeId: string;
      kind: string;
      outcome: string;
      exit: string | null;
      reason: string | null;
    }[];
  } | null;
}

/** One clinic-local day of `GET /api/deliveries/summary`. */
export interface SummaryDay {
  day: string;
  total: number;
  byStatus: Partial<Record<DeliveryStatus, number>>;
  byChannel: Partial<Record<DeliveryChannel, number>>;
  credits: number;
}

export interface DeliverySummary {
  from: string;
  to: string;
  days: SummaryDay[];
  totals: Omit<SummaryDay, 'day'>;
}

/** A service, practitioner (resource) or location of the clinic's directory. */
export interface DirectoryEntry {
  id: string;
  name: string;
}

/** A file the export produced, ready to be saved. */
export interface ExportedFile {
  blob: Blob;
  fileName: string;
}

/**
 * Downloads the export with the session's token (a plain link could not send it). A refusal (zero rows,
 * a bad filter) comes back as an ApiError with the API's message instead of a file.
 */
async function downloadExport(query: string): Promise<ExportedFile> {
  const token = readToken();
  const response = await fetch(`/api/deliveries/export?${query}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) {
    if (response.status === 401 && token) expireSession();
    const text = await response.text();
    let problem: { message?: string | string[]; errors?: ApiFieldError[] };
    try {
      problem = text ? JSON.parse(text) : {};
    } catch {
      problem = { message: text };
    }
    const message = Array.isArray(problem.message) ? problem.message.join('; ') : problem.message;
    throw new ApiError(response.status, message ?? response.statusText, problem.errors ?? []);
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const named = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const fallback = `deliveries.${new URLSearchParams(query).get('format') ?? 'csv'}`;
  return { blob: await response.blob(), fileName: named ? decodeURIComponent(named[1]) : fallback };
}

export const reportApi = {
  list: (query: string) => apiFetch<DeliveryPage>(`/deliveries?${query}`),
  summary: (query: string) => apiFetch<DeliverySummary>(`/deliveries/summary?${query}`),
  get: (id: string) => apiFetch<DeliveryDetail>(`/deliveries/${encodeURIComponent(id)}`),
  retry: (id: string) =>
    apiFetch<DeliveryDetail>(`/deliveries/${encodeURIComponent(id)}/retry`, { method: 'POST' }),
  cancel: (id: string) =>
    apiFetch<DeliveryDetail>(`/deliveries/${encodeURIComponent(id)}/cancel`, { method: 'POST', body: {} }),
  directory: (kind: 'services' | 'resources') =>
    apiFetch<{ items: DirectoryEntry[] }>(`/${kind}?pageSize=100`),
  export: downloadExport,
};
