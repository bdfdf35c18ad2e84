import type { Hl7Connection, Hl7ConnectionView } from '@clinicflow/contract';
import { apiFetch } from '../../../api/apiClient';

/** The integrations' wire types: the shared contract's (libs/contract). */
export type { Hl7Connection, Hl7ConnectionView, Hl7MessageEntry, Hl7Outcome } from '@clinicflow/contract';

/** A new MSH-8 secret: the API answers it once and keeps only its hash. */
export interface Hl7Secret {
  secret: string;
}

/**
 * How the clinic's other systems reach clinicflow (managers only), one group per standard: HL7 v2 over MLLP
 * (docs/integrations.md). FHIR needs no call: it uses the API keys of apiKeysApi.
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
};
