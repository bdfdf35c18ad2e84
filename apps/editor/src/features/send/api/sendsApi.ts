import { apiFetch } from '../../../api/apiClient';
import type { TemplateChannel } from '../../templates/api/templatesApi';

/** `POST /api/sends` (F12): to a patient of the clinic, or to any number or address. */
export interface OneOffSend {
  channel: TemplateChannel;
  patientId?: string;
  to?: string;
  name?: string;
  template: { body: string; subject?: string };
  sendAt?: string;
}

/** The delivery the send created (the report's row). */
export interface SentDelivery {
  id: string;
  status: string;
  sendAt?: string | null;
  recipient: { type: string; name: string | null; address: string | null };
}

export const sendsApi = {
  send: (send: OneOffSend) => apiFetch<SentDelivery>('/sends', { method: 'POST', body: send }),
};
