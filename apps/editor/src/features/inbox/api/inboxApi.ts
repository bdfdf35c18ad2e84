import { apiFetch } from '../../../api/apiClient';

/** One received reply (`GET /api/inbox`). */
export interface InboxItem {
  id: string;
  receivedAt: string;
  channel: string;
  from: string;
  text: string;
  patient: { id: string; name: string | null } | null;
  deliveryId: string | null;
  questionText: string | null;
  appointmentId: string | null;
  appointment?: { id: string; start: string | null } | null;
  meaning: string;
  outcome: string;
  read: boolean;
  readAt: string | null;
  readBy: string | null;
  followUp: boolean;
}

export interface InboxPage {
  items: InboxItem[];
  total: number;
  page: number;
  pageSize: number;
  unread: number;
}

export const inboxApi = {
  list: (query: string) => apiFetch<InboxPage>(`/inbox?${query}`),
  change: (id: string, change: { read?: boolean; followUp?: boolean }) =>
    apiFetch<InboxItem>(`/inbox/${encodeURIComponent(id)}`, { method: 'PATCH', body: change }),
};
