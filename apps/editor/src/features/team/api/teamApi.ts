import type { AccountLinkAnswer, Invitation, UserView } from '@clinicflow/contract';
import { apiFetch } from '../../../api/apiClient';

export type { AccountLinkAnswer, UserView } from '@clinicflow/contract';

/** The clinic's team (managers only). */
export const teamApi = {
  list: () => apiFetch<UserView[]>('/users'),
  invite: (invitation: Invitation) =>
    apiFetch<AccountLinkAnswer>('/users/invitations', { method: 'POST', body: invitation }),
  resetPassword: (id: string) =>
    apiFetch<AccountLinkAnswer>(`/users/${id}/password-reset`, { method: 'POST' }),
  disable: (id: string) => apiFetch<UserView>(`/users/${id}/disable`, { method: 'POST' }),
  enable: (id: string) => apiFetch<UserView>(`/users/${id}/enable`, { method: 'POST' }),
};
