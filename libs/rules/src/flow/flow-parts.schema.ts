import { z } from 'zod';

/** Where a React Flow node sits on the canvas. */
export const nodePositionSchema = z.object({ x: z.number(), y: z.number() });

/** A React Flow node of one type: its id, the type, its place on the canvas and the step's data. */
export function flowNodeSchemaOf<Type extends string, Data extends z.ZodType>(type: Type, data: Data) {
  return z.object({ id: z.string().min(1), type: z.literal(type), position: nodePositionSchema, data });
}

/** The channels a message can go out on (C1). */
export const channelSchema = z.enum(['sms', 'email', 'voice', 'whatsapp']);
export type Channel = z.infer<typeof channelSchema>;

/** The events about one appointment (resource alerts run once per affected appointment). */
export const appointmentTriggerEvents = [
  'appointment.booked',
  'appointment.rescheduled',
  'appointment.confirmed',
  'appointment.cancelled',
  'appointment.attended',
  'appointment.no_show',
  'resource.delayed',
  'resource.absent',
] as const;

/**
 * The time trigger "every day at HH:mm" (F10, the trigger's `dailyAt`): one run per practitioner (resource) with
 * appointments the next day, each with that day's list.
 */
export const DAILY_TRIGGER_EVENT = 'schedule.daily';

/** Every event that can start a run. */
export const triggerEventSchema = z.enum([
  ...appointmentTriggerEvents,
  'patient.created',
  'manual',
  DAILY_TRIGGER_EVENT,
]);
export type TriggerEvent = z.infer<typeof triggerEventSchema>;

/** Units of a wait: minutes and hours are elapsed time, days/weeks/months keep the wall-clock time. */
export const timeUnitSchema = z.enum(['minutes', 'hours', 'days', 'weeks', 'months']);
export type TimeUnit = z.infer<typeof timeUnitSchema>;

/** An amount of time such as "48 hours" or "6 months". */
export const durationSchema = z.object({
  amount: z.number().int().min(0).max(100_000),
  unit: timeUnitSchema,
});
export type Duration = z.infer<typeof durationSchema>;

/** A local time of day, "HH:mm". */
export const localTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time of day such as 18:00');

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const weekdaySchema = z.number().int().min(1).max(7);

/**
 * A WhatsApp template approved by Meta, referred to by its provider's content id (Twilio's `HX…` Content SID): a
 * business may start a conversation only with one, outside the 24 hours after the patient's last message. Its
 * numbered variables ({{1}}, {{2}}…) are filled, in order, from `variables`, each a text of our template language.
 */
export const whatsappTemplateSchema = z.object({
  contentSid: z
    .string()
    .regex(/^HX[0-9a-fA-F]{32}$/, 'must be a Content SID such as HX followed by 32 hex digits'),
  variables: z.array(z.string().max(1000)).max(20),
});
export type WhatsappTemplate = z.infer<typeof whatsappTemplateSchema>;

/** One language's version of a message (`whatsapp`: the approved template sent outside the 24-hour window). */
export const templateTextSchema = z.object({
  subject: z.string().optional(),
  body: z.string(),
  whatsapp: whatsappTemplateSchema.optional(),
});
export type TemplateText = z.infer<typeof templateTextSchema>;

/** A message: a reference to a saved template, or inline text per language (keys are language codes). */
export const messageTemplateSchema = z.object({
  templateId: z.string().min(1).optional(),
  byLanguage: z.record(z.string().min(2).max(10), templateTextSchema).optional(),
});
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;

/** Who receives a message (C5, F10). */
export const recipientTypeSchema = z.enum([
  'patient',
  'resource',
  'referring-doctor',
  'clinic-admin',
  'custom',
]);
export type RecipientType = z.infer<typeof recipientTypeSchema>;

/** The recipient of a send: a role, or a custom number/address. */
export const recipientSchema = z.object({ type: recipientTypeSchema, address: z.string().min(1).optional() });
export type Recipient = z.infer<typeof recipientSchema>;

/** Sender override of a message (C2); an SMS sender name has at most 11 characters. */
export const senderSchema = z.object({
  smsName: z.string().min(1).max(11).optional(),
  emailFromName: z.string().min(1).optional(),
  emailFromAddress: z.string().min(3).optional(),
  callerNumber: z.string().min(3).optional(),
});
export type Sender = z.infer<typeof senderSchema>;

/** What to do when a moment falls in quiet hours. */
export const quietHoursPolicySchema = z.enum(['shift-later', 'shift-earlier', 'skip', 'ignore']);
export type QuietHoursPolicy = z.infer<typeof quietHoursPolicySchema>;

/** Fields every node's data may have. */
export const nodeDataBase = { label: z.string().optional(), description: z.string().optional() };
