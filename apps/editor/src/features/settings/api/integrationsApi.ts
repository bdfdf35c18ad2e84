import type {
  Hl7Connection,
  Hl7ConnectionView,
  WebhookEndpointInput,
  WebhookEndpointView,
  WebhookMessageView,
} from '@clinicflow/contract';
import { apiFetch } from '../../../api/apiClient';

/** The integrations' wire types: the shared contract's (libs/contract). */
export type { Hl7Connection, Hl7ConnectionView, Hl7MessageEntry, Hl7Outcome } from '@clinicflow/contract';
export type {
  WebhookEndpointInput,
  WebhookEndpointView,
  WebhookEventType,
  WebhookKind,
  WebhookMessageStatus,
  WebhookMessageView,
} from '@clinicflow/contract';

/** A new MSH-8 secret: the API answers it once and keeps only its hash. */
export interface Hl7Secret {
  secret: string;
}

/** A webhook secret (`whsec_…`): an endpoint's is answered once, when made or replaced. */
export interface WebhookSecret {
  secret: string;
}

/** A new endpoint as the API answers it: a `webhook` one with its secret, this once. */
export type CreatedWebhookEndpoint = WebhookEndpointView & { secret?: string };

/** The query keys of the webhooks: the endpoints, one endpoint's delivery log, the flow steps' secret. */
export const webhookQueryKeys = {
  endpoints: ['settings', 'webhooks'],
  messages: (id: string) => ['settings', 'webhooks', id, 'messages'],
  flowStepsSecret: ['settings', 'webhooks', 'flow-steps', 'secret'],
};

const endpointPath = (id: string) => `/settings/webhooks/${encodeURIComponent(id)}`;

/**
 * How the clinic's other systems reach clinicflow and hear from it (managers only), one group per standard:
 * HL7 v2 over MLLP in, webhooks (and the FHIR or HL7 write-back) out (docs/integrations.md). FHIR in needs no
 * call: it uses the API keys of apiKeysApi.
 */
export const integrationsApi = {
  hl7: {
    view: () => apiFetch<Hl7ConnectionView>('/settings/hl7'),
    connect: (connection: Hl7Connection) =>
      apiFetch<Hl7ConnectionView>('/settings/hl7', { method: 'PUT', body: connection }),
    disconnect: () => apiFetch<Hl7ConnectionView>('/settings/hl7', { method: 'DELETE' }),
    newSecret: () => apiFetch<Hl7Secret>('/settings/hl7/secret', { method: 'POST' }),
    removeSecret: () => apiFetch<Hl7ConnectionView>('/settings/hl7/secret', { method: 'DELETE' }),
  },
  webhooks: {
    list: () => apiFetch<WebhookEndpointView[]>('/settings/webhooks'),
    create: (input: WebhookEndpointInput) =>
      apiFetch<CreatedWebhookEndpoint>('/settings/webhooks', { method: 'POST', body: input }),
    /** `authorization` left out keeps the stored one; `enabled: true` turns on one that turned itself off. */
    update: (id: string, input: WebhookEndpointInput) =>
      apiFetch<WebhookEndpointView>(endpointPath(id), { method: 'PUT', body: input }),
    remove: (id: string) => apiFetch<{ removed: true }>(endpointPath(id), { method: 'DELETE' }),
    newSecret: (id: string) => apiFetch<WebhookSecret>(`${endpointPath(id)}/secret`, { method: 'POST' }),
    /** The delivery log: the endpoint's latest 50 messages, newest first, each attempt with its answer. */
    messages: (id: string) => apiFetch<WebhookMessageView[]>(`${endpointPath(id)}/messages`),
    /** Sends a message again now, with the same `webhook-id`; 409 while the endpoint is off. */
    resend: (id: string, messageId: string) =>
      apiFetch<WebhookMessageView>(`${endpointPath(id)}/messages/${encodeURIComponent(messageId)}/resend`, {
        method: 'POST',
      }),
    /** The secret a flow's webhook steps are signed with (made the first time it is asked for). */
    flowStepsSecret: () => apiFetch<WebhookSecret>('/settings/webhooks/flow-steps/secret'),
  },
};
