import type {
  CallbackSecret,
  Channel,
  Credits,
  DeliveryDetail,
  DirectoryPage,
  oneOffSendSchema,
  providerInputSchema,
  ProviderTest,
  ServiceStatus,
  SettingsSections as ContractSections,
  settingsUpdateSchema,
  SettingsView,
  topUpSchema,
} from '@clinicflow/contract';
import type { z } from 'zod';
import { apiFetch } from '../../../api/apiClient';

/** The settings' wire types: the shared contract's (libs/contract). */
export type {
  Channel,
  ChannelStatus,
  ChannelSwitches,
  ConsentMode,
  ConsentPurpose,
  Credits,
  DirectoryEntry,
  ProviderKind,
  ProviderView,
  ServiceStatus,
  SettingsView as ClinicSettings,
  TopUpEntry,
} from '@clinicflow/contract';

/** A provider as a PUT sends it: credentials left out keep the stored ones. */
export type ProviderInput = z.input<typeof providerInputSchema>;

/** The sections the settings screen edits (the clinic's identity and providers are edited elsewhere). */
export type SettingsSections = Omit<
  ContractSections,
  'name' | 'phone' | 'website' | 'timeZone' | 'country' | 'defaultLanguage' | 'providers'
>;

/** `PUT /api/settings`: the sections given replace the stored ones; `previous` makes a changed section a 409. */
export type SettingsUpdate = z.input<typeof settingsUpdateSchema>;

/** The test message's delivery as `POST /api/sends` and `GET /api/deliveries/:id` answer it. */
export type TestDelivery = DeliveryDetail;

export const settingsApi = {
  get: () => apiFetch<SettingsView>('/settings'),
  update: (update: SettingsUpdate) => apiFetch<SettingsView>('/settings', { method: 'PUT', body: update }),
  topUp: (topUp: z.input<typeof topUpSchema>) =>
    apiFetch<Credits>('/settings/credits/top-ups', { method: 'POST', body: topUp }),
  testConnection: (channel: Channel) =>
    apiFetch<ProviderTest>(`/settings/providers/${channel}/test`, { method: 'POST' }),
  callbackSecret: () => apiFetch<CallbackSecret>('/settings/callback-secret'),
  regenerateCallbackSecret: () => apiFetch<CallbackSecret>('/settings/callback-secret', { method: 'POST' }),
  status: () => apiFetch<ServiceStatus>('/status'),
  processEventAgain: (id: string) =>
    apiFetch<{ id: string; status: 'pending' }>(`/events/${encodeURIComponent(id)}/process-again`, {
      method: 'POST',
    }),
  services: () => apiFetch<DirectoryPage>('/services?pageSize=100'),
  resources: () => apiFetch<DirectoryPage>('/resources?pageSize=100'),
  sendTest: (channel: Channel, to: string, body: string, subject?: string) =>
    apiFetch<DeliveryDetail>('/sends', {
      method: 'POST',
      body: { channel, to, template: { body, ...(subject ? { subject } : {}) } } satisfies z.input<
        typeof oneOffSendSchema
      >,
    }),
  delivery: (id: string) => apiFetch<DeliveryDetail>(`/deliveries/${id}`),
};
