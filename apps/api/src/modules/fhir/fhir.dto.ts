import { BOOKING_SOURCE_EXTENSION } from '@clinicflow/pms';
import type { Appointment, Bundle, OperationOutcome, Patient } from '@medplum/fhirtypes';

/**
 * The FHIR routes' bodies are FHIR R4 resources (`@medplum/fhirtypes`), read by libs/pms rather than by a zod
 * schema; these are their OpenAPI examples (docs/integrations.md shows the same).
 */
export const FHIR_CONTENT_TYPES = ['application/fhir+json', 'application/json'];

export const patientExample: Patient = {
  resourceType: 'Patient',
  id: 'P-77',
  name: [{ use: 'official', family: 'Martin', given: ['Léa'] }],
  telecom: [
    { system: 'phone', use: 'mobile', value: '+33 6 12 34 56 78' },
    { system: 'email', value: 'lea.martin@example.org' },
  ],
  communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'fr' }] }, preferred: true }],
  birthDate: '1990-06-01',
};

export const appointmentExample: Appointment = {
  resourceType: 'Appointment',
  id: 'A-77',
  meta: { versionId: '1', lastUpdated: '2026-03-02T08:00:00Z' },
  extension: [{ url: BOOKING_SOURCE_EXTENSION, valueCode: 'online' }],
  status: 'booked',
  serviceType: [{ coding: [{ system: 'https://pms.example/services', code: 'S-CHECK' }] }],
  start: '2026-03-07T10:00:00+01:00',
  end: '2026-03-07T10:30:00+01:00',
  comment: 'Bring your X-rays',
  participant: [
    { actor: { reference: 'Patient/P-77' }, status: 'accepted' },
    { actor: { reference: 'Practitioner/R-DUPONT' }, status: 'accepted' },
    { actor: { reference: 'Location/L-MAIN' }, status: 'accepted' },
  ],
};

export const transactionExample: Bundle = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [
    {
      fullUrl: 'urn:uuid:9f1c2a40-0000-4000-8000-000000000077',
      resource: patientExample,
      request: { method: 'PUT', url: 'Patient/P-77' },
    },
    {
      resource: {
        ...appointmentExample,
        participant: [
          { actor: { reference: 'urn:uuid:9f1c2a40-0000-4000-8000-000000000077' }, status: 'accepted' },
          ...appointmentExample.participant.slice(1),
        ],
      },
      request: { method: 'PUT', url: 'Appointment/A-77' },
    },
  ],
};

/** An R4 Subscriptions Backport notification: the subscription's status, then the changed resources. */
export const notificationExample = {
  resourceType: 'Bundle',
  type: 'history',
  timestamp: '2026-03-04T09:00:00Z',
  entry: [
    {
      fullUrl: 'urn:uuid:2b7e0c1e-0000-4000-8000-000000000001',
      resource: {
        resourceType: 'Parameters',
        parameter: [
          {
            name: 'subscription',
            valueReference: { reference: 'https://fhir.clinic.example/Subscription/S-1' },
          },
          { name: 'status', valueCode: 'active' },
          { name: 'type', valueCode: 'event-notification' },
        ],
      },
    },
    {
      fullUrl: 'https://fhir.clinic.example/Appointment/A-77',
      resource: {
        ...appointmentExample,
        meta: { versionId: '2', lastUpdated: '2026-03-04T09:00:00Z' },
        status: 'cancelled',
      },
      request: { method: 'PUT', url: 'Appointment/A-77' },
      response: { status: '200' },
    },
  ],
};

export const createdOutcomeExample: OperationOutcome = {
  resourceType: 'OperationOutcome',
  issue: [
    {
      severity: 'information',
      code: 'informational',
      details: { text: 'received as appointment.booked' },
      expression: ['Appointment'],
    },
  ],
};

export const invalidOutcomeExample: OperationOutcome = {
  resourceType: 'OperationOutcome',
  issue: [
    {
      severity: 'error',
      code: 'value',
      details: { text: 'must be an instant with a zone (Z or +01:00)' },
      expression: ['Appointment.start'],
    },
  ],
};

export const transactionResponseExample: Bundle = {
  resourceType: 'Bundle',
  type: 'transaction-response',
  entry: [
    {
      response: {
        status: '200 OK',
        location: 'Patient/P-77',
        outcome: {
          resourceType: 'OperationOutcome',
          issue: [
            {
              severity: 'information',
              code: 'informational',
              details: { text: 'applied with the Appointment of Bundle.entry[1]' },
            },
          ],
        },
      },
    },
    { response: { status: '201 Created', location: 'Appointment/A-77', outcome: createdOutcomeExample } },
  ],
};
