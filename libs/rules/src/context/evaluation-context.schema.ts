import { z } from 'zod';
import { channelSchema, triggerEventSchema, weekdaySchema } from '../flow/flow-parts.schema';

const isoInstant = z.string().min(10);
const channelToggles = z.object({
  sms: z.boolean().optional(),
  email: z.boolean().optional(),
  voice: z.boolean().optional(),
});

/** Quiet hours of a clinic: a nightly pause, no-send weekdays and holidays (local dates). */
export const quietHoursSettingsSchema = z.object({
  nightly: z
    .object({ from: z.string().regex(/^\d\d:\d\d$/), to: z.string().regex(/^\d\d:\d\d$/) })
    .nullable()
    .optional(),
  noSendWeekdays: z.array(weekdaySchema).optional(),
  holidays: z.array(z.string().regex(/^\d{4}-\d\d-\d\d$/)).optional(),
});
export type QuietHoursSettings = z.infer<typeof quietHoursSettingsSchema>;

/** The clinic: time zone, languages, toggles (T1, T2), consent mode (T3), quiet hours and limits (F6). */
export const clinicContextSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  timeZone: z.string().min(1),
  defaultLanguage: z.string().min(2).optional(),
  communicationsEnabled: z.boolean().optional(),
  channels: channelToggles.optional(),
  consentMode: z.enum(['opt-in', 'all-with-valid-contact', 'nobody']).optional(),
  quietHours: quietHoursSettingsSchema.optional(),
  limits: z
    .object({ minimumLeadTimeHours: z.number().min(0).optional(), oneReminderPerDay: z.boolean().optional() })
    .optional(),
  unreliable: z
    .object({
      noShowRateThreshold: z.number().min(0).max(1).optional(),
      minimumVisits: z.number().int().min(0).optional(),
    })
    .optional(),
  adminEmail: z.string().optional(),
  adminMobile: z.string().optional(),
  replyKeywords: z
    .object({ confirm: z.array(z.string()).optional(), decline: z.array(z.string()).optional() })
    .optional(),
});
export type ClinicContext = z.infer<typeof clinicContextSchema>;

/** The patient: contact, language, consent and preferences (T3), attendance history (F5, F7). */
export const patientContextSchema = z.looseObject({
  id: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  mobile: z.string().optional(),
  email: z.string().optional(),
  language: z.string().optional(),
  birthDate: z.string().optional(),
  consent: channelToggles.optional(),
  preferredChannels: z.array(channelSchema).optional(),
  attendance: z
    .object({
      visits: z.number().int().min(0),
      noShows: z.number().int().min(0),
      lastVisitAt: isoInstant.optional(),
    })
    .optional(),
  nextAppointmentAt: isoInstant.nullable().optional(),
  referringDoctor: z
    .looseObject({ name: z.string().optional(), mobile: z.string().optional(), email: z.string().optional() })
    .optional(),
});
export type PatientContext = z.infer<typeof patientContextSchema>;

/** The appointment the event is about. */
export const appointmentContextSchema = z.looseObject({
  id: z.string().optional(),
  start: isoInstant,
  end: isoInstant.optional(),
  status: z.enum(['booked', 'confirmed', 'cancelled', 'attended', 'no_show']).optional(),
  confirmation: z.enum(['pending', 'confirmed', 'declined']).optional(),
  source: z.enum(['online', 'staff']).optional(),
  bookedAt: isoInstant.optional(),
  serviceId: z.string().optional(),
  resourceId: z.string().optional(),
  locationId: z.string().optional(),
});
export type AppointmentContext = z.infer<typeof appointmentContextSchema>;

/** A service (appointment type) with its channel toggles (T2) and recall interval (F7). */
export const serviceContextSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  channels: channelToggles.optional(),
  recallMonths: z.number().int().min(1).optional(),
});
export type ServiceContext = z.infer<typeof serviceContextSchema>;

/** A resource (practitioner, room, chair) with its channel toggles (T2). */
export const resourceContextSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  mobile: z.string().optional(),
  email: z.string().optional(),
  channels: channelToggles.optional(),
});
export type ResourceContext = z.infer<typeof resourceContextSchema>;

/** A site of the clinic. */
export const locationContextSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
});
export type LocationContext = z.infer<typeof locationContextSchema>;

/** A message already made for this patient, for the one-reminder-per-day limit. */
export const recentDeliverySchema = z.object({
  at: isoInstant,
  channel: channelSchema,
  purpose: z.string().optional(),
  idempotencyKey: z.string().optional(),
});
export type RecentDelivery = z.infer<typeof recentDeliverySchema>;

/** The event that started the run. */
export const eventContextSchema = z.looseObject({
  type: triggerEventSchema,
  at: isoInstant,
  minutes: z.number().int().optional(),
});
export type EventContext = z.infer<typeof eventContextSchema>;

/** Everything the evaluator may look at besides the flow, the run and `now`. */
export const evaluationContextSchema = z.object({
  clinic: clinicContextSchema,
  patient: patientContextSchema,
  appointment: appointmentContextSchema.optional(),
  service: serviceContextSchema.optional(),
  resource: resourceContextSchema.optional(),
  location: locationContextSchema.optional(),
  event: eventContextSchema,
  recentDeliveries: z.array(recentDeliverySchema).optional(),
});
export type EvaluationContext = z.infer<typeof evaluationContextSchema>;
