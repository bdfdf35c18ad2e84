import { z } from 'zod';
import { channelSchema, triggerEventSchema } from '../flow/flow-parts.schema';

const instant = z.iso.datetime({ offset: true });

/** A change during the simulation: a later event (moved, cancelled, …) and/or new data (e.g. a new booking). */
export const simulatedChangeSchema = z.object({
  at: instant,
  type: triggerEventSchema.optional(),
  minutes: z.number().int().optional(),
  context: z.record(z.string(), z.unknown()).optional(),
});
export type SimulatedChange = z.infer<typeof simulatedChangeSchema>;

/** What a provider's receipt may say of a message, as far as a ladder ("Reach the patient") cares. */
export const RECEIPT_STATUSES = ['delivered', 'read', 'failed'] as const;

/**
 * A receipt of the message a ladder sent on `channel`: delivered, read (WhatsApp) or failed at `at`, as the
 * provider would report it; the simulation otherwise assumes none ever comes.
 */
export const simulatedReceiptSchema = z.object({
  at: instant,
  channel: channelSchema,
  status: z.enum(RECEIPT_STATUSES),
});
export type SimulatedReceipt = z.infer<typeof simulatedReceiptSchema>;

/** The simulation request of api.md, plus optional extra flows, later changes and ladder receipts. */
export const simulationRequestSchema = z.object({
  flow: z.unknown(),
  flows: z.array(z.unknown()).max(20).optional(),
  context: z.record(z.string(), z.unknown()).optional(),
  event: z.object({ type: triggerEventSchema, at: instant, minutes: z.number().int().optional() }),
  replies: z
    .array(z.object({ at: instant, text: z.string().max(1600) }))
    .max(100)
    .optional(),
  changes: z.array(simulatedChangeSchema).max(100).optional(),
  receipts: z.array(simulatedReceiptSchema).max(100).optional(),
  until: instant.optional(),
});
export type SimulationRequest = z.infer<typeof simulationRequestSchema>;
