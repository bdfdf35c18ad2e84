import type { ChangePassword, LinkView } from '@clinicflow/contract';
import { apiFetch } from '../../../api/apiClient';

/** The user's own account, and the public side of set-password links and "forgot password". */
export const accountApi = {
  forgotPassword: (email: string) =>
    apiFetch<{ accepted: true }>('/auth/forgot-password', { method: 'POST', body: { email } }),
  checkLink: (token: string) => apiFetch<LinkView>('/auth/links/check', { method: 'POST', body: { token } }),
  setPassword: (token: string, password: string) =>
    apiFetch<{ accessToken: string }>('/auth/set-password', { method: 'POST', body: { token, password } }),
  changePassword: (change: ChangePassword) =>
    apiFetch<{ accessToken: string }>('/account/password', { method: 'POST', body: change }),
  signOutEverywhere: () => apiFetch<{ signedOut: true }>('/account/sign-out-everywhere', { method: 'POST' }),
};
