import type { DeliveryDetail, oneOffSendSchema } from '@clinicflow/contract';
import type { z } from 'zod';
import { apiFetch } from '../../../api/apiClient';

/** `POST /api/sends` (F12): to a patient of the clinic, or to any number or address (the contract's body). */
export type OneOffSend = z.input<typeof oneOffSendSchema>;

export const sendsApi = {
  /** The answer is the delivery the send made, as the report's drawer shows it. */
  send: (send: OneOffSend) => apiFetch<DeliveryDetail>('/sends', { method: 'POST', body: send }),
};
