import type { InboxItem, InboxPage, inboxChangeSchema } from '@clinicflow/contract';
import type { z } from 'zod';
import { apiFetch } from '../../../api/apiClient';

/** The inbox's wire types: the shared contract's (libs/contract). */
export type { InboxItem, InboxPage } from '@clinicflow/contract';

/** `PATCH /api/inbox/:id`: read or unread, flagged or not. */
export type InboxChange = z.input<typeof inboxChangeSchema>;

export const inboxApi = {
  list: (query: string) => apiFetch<InboxPage>(`/inbox?${query}`),
  change: (id: string, change: InboxChange) =>
    apiFetch<InboxItem>(`/inbox/${encodeURIComponent(id)}`, { method: 'PATCH', body: change }),
};
