import { apiFetch } from '../../../api/apiClient';

export const CHANNELS = ['sms', 'email', 'voice'] as const;
export type Channel = (typeof CHANNELS)[number];
export type ChannelSwitches = Partial<Record<Channel, boolean>>;
export const CONSENT_MODES = ['all-with-valid-contact', 'opt-in', 'nobody'] as const;
export const CONSENT_PURPOSES = ['reminders', 'recall', 'surveys'] as const;
export type ConsentMode = (typeof CONSENT_MODES)[number];
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export type ProviderKind = 'sandbox' | 'twilio' | 'smpp' | 'http' | 'smtp';

/** A provider as the API answers it: credentials masked (`********`), as a list of which secrets are set. */
export interface ProviderView {
  kind: ProviderKind;
  options: Record<string, string | number | boolean>;
  credentials: Record<string, string>;
}

/** A provider as a PUT sends it: credentials left out keep the stored ones. */
export interface ProviderInput {
  kind: ProviderKind;
  options: Record<string, string | number | boolean>;
  credentials?: Record<string, string>;
}

export interface TopUpEntry {
  at: string;
  credits: number;
  resourceId: string | null;
  note: string | null;
  by: string;
}

export interface Credits {
  balance: number;
  byResource: Record<string, number>;
  topUps: TopUpEntry[];
}

/** The editable sections of `PUT /api/settings` (settings.dto.ts); each given section replaces the stored one. */
export interface SettingsSections {
  communicationsEnabled: boolean;
  channels: Record<Channel, boolean>;
  channelToggles: { services: Record<string, ChannelSwitches>; resources: Record<string, ChannelSwitches> };
  consent: { mode: ConsentMode; purposes: ConsentPurpose[] };
  quietHours: {
    windows: { start: string; end: string }[];
    noSendWeekdays: number[];
    holidays: string[];
  };
  limits: { minimumLeadTimeHours: number; onePerPersonPerDay: boolean };
  unreliable: { noShowRate: number; minimumVisits: number };
  senders: {
    smsSenderName: string | null;
    emailFromName: string | null;
    emailFromAddress: string | null;
    voiceCallerNumber: string | null;
  };
  testMode: boolean;
  creditsScope: 'clinic' | 'practitioner';
  adminEmail: string | null;
}

/** `GET /api/settings`. */
export interface ClinicSettings extends SettingsSections {
  clinicId: string;
  name: string;
  timeZone: string;
  providers: Partial<Record<Channel, ProviderView>>;
  credits: Credits;
  updatedAt?: string;
  /** Who saved the settings last (an e-mail, or "system"). */
  updatedBy?: string;
}

export type SettingsUpdate = Partial<SettingsSections> & {
  providers?: Partial<Record<Channel, ProviderInput>>;
  /** The values the sections were edited from: the API answers 409 for a section someone changed since. */
  previous?: Partial<SettingsSections>;
};

/** `GET /api/status` (S8), per channel. */
export interface ChannelStatus {
  enabled: boolean;
  provider: string | null;
  lastSentAt: string | null;
  lastError: { at: string; deliveryId: string; code: string; reason: string } | null;
  waiting: number;
  sentToday: number;
}

export interface ServiceStatus {
  at: string;
  communicationsEnabled: boolean;
  testMode: boolean;
  waiting: number;
  sentToday: number;
  oldestDueAt: string | null;
  dispatcherLagSeconds: number;
  channels: Record<Channel, ChannelStatus>;
}

/** A service or practitioner of the clinic (`GET /api/services`, `GET /api/resources`). */
export interface DirectoryEntry {
  id: string;
  name: string;
}

/** The test message's delivery as `POST /api/sends` and `GET /api/deliveries/:id` answer it. */
export interface TestDelivery {
  id: string;
  status: string;
  sendAt?: string | null;
  error?: { code?: string; reason?: string } | null;
  reason?: string | null;
}

export const settingsApi = {
  get: () => apiFetch<ClinicSettings>('/settings'),
  update: (update: SettingsUpdate) => apiFetch<ClinicSettings>('/settings', { method: 'PUT', body: update }),
  topUp: (topUp: { credits: number; resourceId?: string; note?: string }) =>
    apiFetch<Credits>('/settings/credits/top-ups', { method: 'POST', body: topUp }),
  testConnection: (channel: Channel) =>
    apiFetch<{ ok: boolean; message: string }>(`/settings/providers/${channel}/test`, { method: 'POST' }),
  status: () => apiFetch<ServiceStatus>('/status'),
  services: () => apiFetch<{ items: DirectoryEntry[] }>('/services?pageSize=100'),
  resources: () => apiFetch<{ items: DirectoryEntry[] }>('/resources?pageSize=100'),
  sendTest: (channel: Channel, to: string, body: string, subject?: string) =>
    apiFetch<TestDelivery>('/sends', {
      method: 'POST',
      body: { channel, to, template: { body, ...(subject ? { subject } : {}) } },
    }),
  delivery: (id: string) => apiFetch<TestDelivery>(`/deliveries/${id}`),
};
