import { expect, type APIRequestContext } from '@playwright/test';
import type { ApiCall } from './api';
import { demoManager } from './login';

/** A patient the practice-management system books, with SMS consent (test set-up through the API only). */
export interface Booked {
  patientId: string;
  appointmentId: string;
  lastName: string;
}

let made = 0;

/**
 * A new patient who agreed to SMS, booked online by the PMS (its API key) `hoursAhead` from now: the demo's
 * published flows on "appointment booked" start for them. Answers the patient's and the appointment's ids.
 */
export async function bookNewPatient(
  request: APIRequestContext,
  api: ApiCall,
  person: { firstName: string; lastName: string; language?: string },
  hoursAhead = 72,
): Promise<Booked> {
  const key = await api<{ key: string }>('POST', '/api/api-keys', {
    name: `e2e PMS ${Date.now()}-${++made}`,
  });
  const tag = `${Date.now()}-${made}`;
  const externalId = `P-E2E-${tag}`;
  const patient = await api<{ id: string }>('POST', '/api/patients', {
    externalId,
    firstName: person.firstName,
    lastName: person.lastName,
    mobile: '06 98 76 54 32',
    language: person.language ?? 'fr',
    birthDate: '1984-07-14',
    consent: { sms: { granted: true, purposes: [], source: 'pms' } },
  });
  const start = new Date(Date.now() + hoursAhead * 3_600_000);
  const appointment = `A-E2E-${tag}`;
  const event = await request.post('/api/events', {
    headers: { 'X-Api-Key': key.key },
    data: {
      id: `e2e-${tag}`,
      type: 'appointment.booked',
      occurredAt: new Date().toISOString(),
      appointment: {
        externalId: appointment,
        start: start.toISOString(),
        end: new Date(start.getTime() + 30 * 60_000).toISOString(),
        status: 'booked',
        source: 'online',
        serviceExternalId: 'S-CTRL',
        resourceExternalId: 'R-NGUYEN',
        locationExternalId: 'L-LILAS',
      },
      patient: { externalId },
    },
  });
  expect(event.status(), await event.text()).toBe(202);
  const appointments = await api<{ items: { id: string }[] }>(
    'GET',
    `/api/appointments?patientId=${patient.id}`,
  );
  return { patientId: patient.id, appointmentId: appointments.items[0].id, lastName: person.lastName };
}

/** The demo manager's login, for the specs that sign in through the API too. */
export { demoManager };
