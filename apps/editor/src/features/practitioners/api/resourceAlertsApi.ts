import type { ResourceAbsence, ResourceAlertAnswer, ResourceDelay } from '@clinicflow/contract';
import { apiFetch } from '../../../api/apiClient';

export type { ResourceAlertAnswer } from '@clinicflow/contract';

/** Staff's F9 actions on a practitioner (`/api/resources/:id/delays` and `/absences`, the contract's bodies). */
export const resourceAlertsApi = {
  delay: (resourceId: string, delay: ResourceDelay) =>
    apiFetch<ResourceAlertAnswer>(`/resources/${encodeURIComponent(resourceId)}/delays`, {
      method: 'POST',
      body: delay,
    }),
  absence: (resourceId: string, absence: ResourceAbsence) =>
    apiFetch<ResourceAlertAnswer>(`/resources/${encodeURIComponent(resourceId)}/absences`, {
      method: 'POST',
      body: absence,
    }),
};
