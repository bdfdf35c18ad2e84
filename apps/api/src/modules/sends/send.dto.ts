import { z } from 'zod';
import { APPOINTMENT_STATUSES } from '../events/event.dto';

export const SEND_CHANNELS = ['sms', 'email', 'voice'] as const;

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 instant with its offset' });
const day = z.iso.date({ error: 'must be a day yyyy-MM-dd' });
const DAY_MS = 86_400_000;
const isDay = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The message: a saved template, or a text written for this send (with a subject for e-mail). */
export const sendTemplateSchema = z
  .object({
    templateId: z.string().min(1).max(200).optional(),
    body: z.string().trim().min(1).max(5000).optional(),
    subject: z.string().trim().min(1).max(300).optional(),
  })
  .refine((t) => t.templateId !== undefined || t.body !== undefined, {
    message: 'give the text (body) or a saved template (templateId)',
    path: ['body'],
  });
export type SendTemplate = z.infer<typeof sendTemplateSchema>;

/** F12: one message to a patient or to any number / address, now or at a chosen time. */
export const oneOffSendSchema = z
  .object({
    channel: z.enum(SEND_CHANNELS),
    patientId: z.string().min(1).max(200).optional(),
    /** A phone number (SMS, voice) or an e-mail address, when the recipient is not a patient. */
    to: z.string().trim().min(1).max(200).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    template: sendTemplateSchema,
    language: z.string().min(2).max(10).optional(),
    sendAt: instant.optional(),
    expiresAt: instant.optional(),
  })
  .superRefine((send, context) => {
    if ((send.patientId === undefined) === (send.to === undefined)) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'give either patientId or to (not both)' });
    }
    if (send.sendAt && send.expiresAt && Date.parse(send.expiresAt) <= Date.parse(send.sendAt)) {
      context.addIssue({ code: 'custom', path: ['expiresAt'], message: 'must be after sendAt' });
    }
  });
export type OneOffSend = z.infer<typeof oneOffSendSchema>;

/** F11: the recipients of a batch, as appointments in a range of clinic-local days. */
export const batchQuerySchema = z
  .object({
    from: day,
    to: day,
    channel: z.enum(SEND_CHANNELS).default('sms'),
    resourceId: z.string().min(1).max(200).optional(),
    serviceId: z.string().min(1).max(200).optional(),
    /** The patient's insurer, as the practice-management system names it on the patient. */
    insurer: z.string().trim().min(1).max(200).optional(),
    appointmentStatuses: z.array(z.enum(APPOINTMENT_STATUSES)).min(1).default(['booked', 'confirmed']),
    /** Whether a message on this channel already went out for the appointment. */
    sent: z.enum(['any', 'sent', 'not-sent']).default('any'),
  })
  .superRefine((query, context) => {
    // zod 4 runs this even when a day failed its own check: compare only two real days.
    if (!isDay(query.from) || !isDay(query.to)) return;
    if (query.to < query.from) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    } else if (Date.parse(query.to) - Date.parse(query.from) > 366 * DAY_MS) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'a batch covers at most a year of appointments',
      });
    }
  });
export type BatchQuery = z.infer<typeof batchQuerySchema>;

export const batchSendSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  query: batchQuerySchema,
  /** Rows of the preview taken out by hand (their ids). */
  removed: z.array(z.string().min(1).max(200)).max(20_000).default([]),
  onePerPhone: z.boolean().default(false),
  template: sendTemplateSchema,
  language: z.string().min(2).max(10).optional(),
  sendAt: instant.optional(),
});
export type BatchSend = z.infer<typeof batchSendSchema>;

export const oneOffExample = {
  channel: 'sms',
  to: '06 12 34 56 78',
  name: 'Léa Martin',
  template: { body: 'Le cabinet sera fermé lundi 6 avril. Merci de votre compréhension.' },
  sendAt: '2026-04-02T08:00:00+02:00',
};

export const batchQueryExample = {
  from: '2026-04-06',
  to: '2026-04-10',
  channel: 'sms',
  resourceId: 'res_9e8d7c6b5a4f3e2d1c0b9a8f',
  sent: 'not-sent',
};

export const batchRowExample = {
  id: 'apt_6a5b4c3d2e1f0a9b8c7d6e5f',
  appointmentId: 'apt_6a5b4c3d2e1f0a9b8c7d6e5f',
  start: '2026-04-07T08:30:00.000Z',
  patient: { id: 'pat_0c1d2e3f4a5b6c7d8e9f0a1b', name: 'Léa Martin' },
  address: '+33612345678',
  serviceId: 'svc_4f3e2d1c0b9a8f7e6d5c4b3a',
  resourceId: 'res_9e8d7c6b5a4f3e2d1c0b9a8f',
  alreadySent: false,
  problem: null,
};

export const batchSendExample = {
  name: 'Fermeture du lundi 6 avril',
  query: batchQueryExample,
  removed: ['apt_0f1e2d3c4b5a69788796a5b4'],
  onePerPhone: true,
  template: {
    body: 'Bonjour {{patient.firstName}}, votre RDV du {{date appointment.start "d MMMM"}} est déplacé.',
  },
};

export const batchExample = {
  id: 'bat_0a1b2c3d-4e5f-4071-8293-a4b5c6d7e8f9',
  name: 'Fermeture du lundi 6 avril',
  channel: 'sms',
  query: batchQueryExample,
  onePerPhone: true,
  createdAt: '2026-04-02T08:00:00.000Z',
  createdBy: 'accueil@cabinet.fr',
  recipients: 41,
  leftOut: [
    { id: 'apt_1b2c3d4e5f6a7b8c9d0e1f2a', reason: 'Same phone number (+33612345678) as another recipient.' },
  ],
  progress: { total: 41, byStatus: { scheduled: 3, sent: 20, delivered: 18 } },
};
