import type {
  CreditsRetry,
  CreditsRetryProgress,
  DeliveryDetail,
  DeliveryPage,
  DeliverySummary,
  DirectoryPage,
  SentByOptions,
} from '@clinicflow/contract';
import { apiErrorOf, apiFetch } from '../../../api/apiClient';
import type { DirectoryKind } from '../../../api/directoryApi';
import { expireSession, readToken } from '../../../api/session';

/** The report's wire types: the shared contract's (libs/contract). */
export type {
  Channel as DeliveryChannel,
  DeliveryCounts as DeliveryTotals,
  DeliveryDetail,
  DeliveryHistoryEntry,
  DeliveryPage,
  DeliveryRow,
  DeliveryStatus,
  DeliverySummary,
  SummaryDay,
  CreditsRetry,
  CreditsRetryProgress,
  SentByOption,
} from '@clinicflow/contract';

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
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { message: text };
    }
    throw apiErrorOf(response.status, response.statusText, body);
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
  directory: (kind: DirectoryKind) => apiFetch<DirectoryPage>(`/${kind}?pageSize=100`),
  /** The choices of the "sent by" filter: the engine, then the clinic's users. */
  sentBy: () => apiFetch<SentByOptions>('/deliveries/sent-by'),
  /** The messages still failed for want of credits, and those sent again still to go (S7). */
  creditsRetryProgress: () => apiFetch<CreditsRetryProgress>('/deliveries/credits-retries'),
  /** Sends again every message that failed for want of credits (409 while the balance is empty). */
  retryFailedForCredits: () =>
    apiFetch<CreditsRetry>('/deliveries/credits-retries', { method: 'POST', body: {} }),
  export: downloadExport,
};
