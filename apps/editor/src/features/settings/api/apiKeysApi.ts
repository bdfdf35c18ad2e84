import type { ApiKeyView, CreateApiKey, CreatedApiKey } from '@clinicflow/contract';
import { apiFetch } from '../../../api/apiClient';

/** The API keys' wire types: the shared contract's (libs/contract). */
export type { ApiKeyScope, ApiKeyView, CreatedApiKey } from '@clinicflow/contract';

/** The clinic's API keys for its practice software (managers only). */
export const apiKeysApi = {
  list: () => apiFetch<ApiKeyView[]>('/api-keys'),
  create: (key: CreateApiKey) => apiFetch<CreatedApiKey>('/api-keys', { method: 'POST', body: key }),
  revoke: (id: string) => apiFetch<ApiKeyView>(`/api-keys/${id}`, { method: 'DELETE' }),
};
