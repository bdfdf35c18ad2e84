import { channelSchema, CONSENT_PURPOSES, languageSchema, perChannel } from '@clinicflow/contract';
import { z } from 'zod';

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
  source: z.enum(['pms', 'staff', 'patient', 'patient-reply', 'import']).default('staff'),
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
  referringDoctor: z
    .object({
      name: text(200).min(1),
      email: z.email().nullable().optional(),
      phone: text(40).nullable().optional(),
    })
    .nullable()
    .optional(),
  consent: perChannel(consentInputSchema).partial().optional(),
});
export type PatientFields = z.infer<typeof patientFieldsSchema>;

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
  referringDoctor: { name: 'Dr Hugo Bernard', email: 'h.bernard@example.org' },
  consent: { sms: { granted: true, purposes: ['reminders', 'recall'], source: 'pms' } },
};
