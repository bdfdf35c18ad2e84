import { z } from 'zod';
import { channelSchema, triggerEventSchema, weekdaySchema } from '../flow/flow-parts.schema';

const isoInstant = z.string().min(10);
/** On or off per channel; a channel left out is on (the API fills in the clinic's channels it has not set). */
const channelToggles = z.partialRecord(channelSchema, z.boolean());

/** What a patient's consent may cover (T3): a reminder needs `reminders`, a recall `recall`, a survey `surveys`. */
export const consentPurposeSchema = z.enum(['reminders', 'recall', 'surveys']);
export type ConsentPurpose = z.infer<typeof consentPurposeSchema>;
const purposeList = z.array(consentPurposeSchema);

/** One pause in sending, clinic-local "HH:mm" to "HH:mm"; one that ends before it starts goes over midnight. */
export const quietWindowSchema = z.object({
  start: z.string().regex(/^\d\d:\d\d$/),
  end: z.string().regex(/^\d\d:\d\d$/),
});
export type QuietWindow = z.infer<typeof quietWindowSchema>;

/**
 * Quiet hours of a clinic: its pauses (`windows`, as the settings hold them, every one applied; `nightly` is the
 * older form of one pause and applies too), no-send weekdays and holidays (local dates).
 */
export const quietHoursSettingsSchema = z.object({
  nightly: z
    .object({ from: z.string().regex(/^\d\d:\d\d$/), to: z.string().regex(/^\d\d:\d\d$/) })
    .nullable()
    .optional(),
  windows: z.array(quietWindowSchema).optional(),
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
  /** What the consent the clinic collects covers (opt-in mode); empty or absent: every purpose. */
  consentPurposes: purposeList.optional(),
  quietHours: quietHoursSettingsSchema.optional(),
  limits: z
    .object({
      minimumLeadTimeHours: z.number().min(0).optional(),
      oneReminderPerDay: z.boolean().optional(),
      /**
       * One message per patient per day: a reminder names the patient's other appointments of its day, and
       * their own reminders, once named, are not sent.
       */
      mergeSameDayReminders: z.boolean().optional(),
    })
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
  /** Per channel, what the patient's consent covers; empty or absent: every purpose. */
  consentPurposes: z.partialRecord(channelSchema, purposeList).optional(),
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
  /** When the last event the PMS sent about it happened: a calendar keeps the file of the latest. */
  changedAt: isoInstant.optional(),
  serviceId: z.string().optional(),
  resourceId: z.string().optional(),
  locationId: z.string().optional(),
  /** The recall interval the PMS gave this appointment (F7): before the service's and a wait's own amount. */
  recallMonths: z.number().int().min(1).optional(),
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
  /** The language messages to the practitioner are written in (the day list, F10). */
  language: z.string().optional(),
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
  /** The appointment it is about, if any. */
  appointmentId: z.string().optional(),
  /**
   * The appointments its text named: its own, and the patient's others of that day when the clinic sends one
   * message per patient per day (written when it was sent).
   */
  appointmentIds: z.array(z.string()).optional(),
});
export type RecentDelivery = z.infer<typeof recentDeliverySchema>;

/** The event that started the run. */
export const eventContextSchema = z.looseObject({
  type: triggerEventSchema,
  at: isoInstant,
  minutes: z.number().int().optional(),
  /** `schedule.daily`: the time of day that fired ("HH:mm"). */
  dailyAt: z.string().optional(),
});
export type EventContext = z.infer<typeof eventContextSchema>;

/** One appointment of a practitioner's day list: when, who, what and where. */
export const dayListAppointmentSchema = z.object({
  start: isoInstant,
  end: isoInstant.optional(),
  patientName: z.string().optional(),
  serviceName: z.string().optional(),
  locationName: z.string().optional(),
});
export type DayListAppointment = z.infer<typeof dayListAppointmentSchema>;

/**
 * F10: a practitioner's appointments of one clinic-local day, in start order (runs of the daily trigger).
 * `date` is that day's local midnight as an instant, for the date helpers.
 */
export const dayListContextSchema = z.object({
  date: isoInstant,
  count: z.number().int().min(0),
  appointments: z.array(dayListAppointmentSchema),
});
export type DayListContext = z.infer<typeof dayListContextSchema>;

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
  dayList: dayListContextSchema.optional(),
});
export type EvaluationContext = z.infer<typeof evaluationContextSchema>;
