import { z } from 'zod';
import { channelSchema, flowNodeSchemaOf, nodeDataBase, weekdaySchema } from './flow-parts.schema';

/** The built-in checks, named in the clinic's words, plus a general expression (JSON Logic) for the rest. */
export const conditionCheckSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('has-consent'), channel: channelSchema }),
  z.object({ kind: z.literal('channel-enabled'), channel: channelSchema }),
  z.object({ kind: z.literal('patient-unreliable'), minimumVisits: z.number().int().min(0).optional() }),
  z.object({ kind: z.literal('booked-online') }),
  z.object({
    kind: z.literal('appointment-status'),
    statuses: z.array(z.enum(['booked', 'confirmed', 'cancelled', 'attended', 'no_show'])).min(1),
  }),
  z.object({ kind: z.literal('appointment-confirmed') }),
  z.object({ kind: z.literal('lead-time-at-least'), hours: z.number().min(0) }),
  z.object({ kind: z.literal('has-future-appointment') }),
  z.object({ kind: z.literal('service-in'), serviceIds: z.array(z.string()).min(1) }),
  z.object({ kind: z.literal('resource-in'), resourceIds: z.array(z.string()).min(1) }),
  z.object({ kind: z.literal('weekday-in'), weekdays: z.array(weekdaySchema).min(1) }),
  z.object({
    kind: z.literal('patient-age'),
    min: z.number().int().min(0).optional(),
    max: z.number().int().min(0).optional(),
  }),
  z.object({ kind: z.literal('expression'), logic: z.record(z.string(), z.unknown()) }),
]);
export type ConditionCheck = z.infer<typeof conditionCheckSchema>;
export type ConditionKind = ConditionCheck['kind'];

/** A yes/no question about the patient, the appointment or the clinic. Exits: `yes`, `no`. */
export const conditionNodeSchema = flowNodeSchemaOf(
  'condition',
  z.object({ ...nodeDataBase, check: conditionCheckSchema }),
);
export type ConditionNode = z.infer<typeof conditionNodeSchema>;
