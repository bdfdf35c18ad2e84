import {
  birthDateSchema,
  channelSchema,
  CONSENT_PURPOSES,
  languageSchema,
  patientGroupsSchema,
  perChannel,
  referringDoctorSchema,
} from '@clinicflow/contract';
import { z } from 'zod';
import type { Principal } from '../../http/principal';

export const externalIdSchema = z.string().trim().min(1).max(200);
const text = (max: number) => z.string().trim().max(max);

export const serviceFieldsSchema = z.object({
  externalId: externalIdSchema.optional(),
  name: text(200).min(1),
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .nullable()
    .optional(),
  price: z.number().min(0).max(1_000_000).nullable().optional(),
  notes: text(2000).nullable().optional(),
  prerequisites: text(2000).nullable().optional(),
  group: text(200).nullable().optional(),
  recallIntervalMonths: z.number().int().min(1).max(120).nullable().optional(),
});

export const resourceFieldsSchema = z.object({
  externalId: externalIdSchema.optional(),
  name: text(200).min(1),
  kind: z.enum(['practitioner', 'room', 'chair']).optional(),
  phone: text(40).nullable().optional(),
  email: z.email().nullable().optional(),
  address: text(500).nullable().optional(),
  /** The practitioner's specialty ("Orthodontie"): batch sends pick recipients by it (F11). */
  specialty: text(200).nullable().optional(),
  /** The language of the messages to the practitioner (the day list, F10). */
  language: languageSchema.nullable().optional(),
});

export const locationFieldsSchema = z.object({
  externalId: externalIdSchema.optional(),
  name: text(200).min(1),
  address: text(500).nullable().optional(),
  city: text(200).nullable().optional(),
  phone: text(40).nullable().optional(),
  notes: text(2000).nullable().optional(),
});

export const consentInputSchema = z.object({
  granted: z.boolean(),
  purposes: z
    .array(z.enum(CONSENT_PURPOSES))
    .max(3)
    .default([...CONSENT_PURPOSES]),
  /** Where the decision comes from; left out: `pms` when an API key records it, `staff` for a user. */
  source: z.enum(['pms', 'staff', 'patient', 'patient-reply', 'import']).optional(),
  at: z.iso.datetime({ offset: true }).optional(),
});
export type ConsentInput = z.infer<typeof consentInputSchema>;

export const patientFieldsSchema = z.object({
  externalId: externalIdSchema.optional(),
  firstName: text(200).min(1),
  lastName: text(200).optional(),
  mobile: text(40).nullable().optional(),
  email: z.email().nullable().optional(),
  language: languageSchema.nullable().optional(),
  address: text(500).nullable().optional(),
  /** The patient's insurer as the PMS names it (batch sends pick recipients by it, F11). */
  insurer: text(200).nullable().optional(),
  /** The patient's groups as the PMS names them (batch sends pick recipients by one, F11). */
  groups: patientGroupsSchema.optional(),
  /** `yyyy-MM-dd`: the flows' patient-age condition reads it. */
  birthDate: birthDateSchema.nullable().optional(),
  referringDoctor: referringDoctorSchema.nullable().optional(),
  consent: perChannel(consentInputSchema).partial().optional(),
});
export type PatientFields = z.infer<typeof patientFieldsSchema>;

/** The source of a consent decision given without one: the PMS when an API key records it, else staff. */
export function defaultConsentSource(caller: Pick<Principal, 'kind'>): 'pms' | 'staff' {
  return caller.kind === 'api-key' ? 'pms' : 'staff';
}

export const consentChangeSchema = consentInputSchema.extend({ channel: channelSchema });
export type ConsentChange = z.infer<typeof consentChangeSchema>;

export const directorySchemas = {
  services: serviceFieldsSchema,
  resources: resourceFieldsSchema,
  locations: locationFieldsSchema,
} as const;
export type DirectoryKind = keyof typeof directorySchemas;
export type DirectoryFields<K extends DirectoryKind> = z.infer<(typeof directorySchemas)[K]>;

export const directoryExamples: Record<DirectoryKind, object> = {
  services: {
    externalId: 'S-HYG',
    name: 'Détartrage',
    durationMinutes: 30,
    price: 45,
    notes: null,
    prerequisites: 'Apportez votre carte Vitale.',
    group: 'Soins dentaires',
    recallIntervalMonths: 6,
  },
  resources: {
    externalId: 'R-MARTIN',
    name: 'Dr Claire Martin',
    kind: 'practitioner',
    phone: '+33145678901',
  },
  locations: { externalId: 'L-PARC', name: 'Cabinet du Parc', address: '3 place du Parc', city: 'Paris' },
};

export const patientExample = {
  externalId: 'P-1042',
  firstName: 'Léa',
  lastName: 'Martin',
  mobile: '06 12 34 56 78',
  email: 'lea.martin@example.org',
  language: 'fr',
  birthDate: '1990-06-01',
  referringDoctor: { name: 'Dr Hugo Bernard', email: 'h.bernard@example.org' },
  consent: { sms: { granted: true, purposes: ['reminders', 'recall'], source: 'pms' } },
};

/** A patient as answered (for the OpenAPI examples of the patients' routes). */
export const patientViewExample = {
  id: 'pat_0c1d2e3f4a5b6c7d8e9f0a1b',
  ...patientExample,
  mobile: '+33612345678',
  mobileProblem: null,
  placeholder: false,
  consent: {
    sms: { granted: true, purposes: ['reminders', 'recall'], source: 'pms', at: '2026-03-20T10:00:00.000Z' },
  },
  attendance: { attended: 5, noShows: 3, lastVisitAt: '2026-02-11T09:00:00.000Z' },
};
