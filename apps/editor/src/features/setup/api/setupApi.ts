import type { Setup, SetupState } from '@clinicflow/contract';
import { apiFetch } from '../../../api/apiClient';

/** The first run of an empty installation (`/api/setup`, no session needed). */
export const setupApi = {
  state: () => apiFetch<SetupState>('/setup'),
  setUp: (setup: Setup) =>
    apiFetch<{ clinicId: string; accessToken: string }>('/setup', { method: 'POST', body: setup }),
};
