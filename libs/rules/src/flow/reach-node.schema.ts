import { z } from 'zod';
import {
  channelSchema,
  type Channel,
  durationSchema,
  flowNodeSchemaOf,
  messageTemplateSchema,
  nodeDataBase,
} from './flow-parts.schema';
import { messagePurposeSchema } from './send-node.schema';

/**
 * What counts as reaching the patient on a rung: the message delivered to the phone or mailbox, or read (only
 * WhatsApp tells when a message was read).
 */
export const rungGoalSchema = z.enum(['delivered', 'read']);
export type RungGoal = z.infer<typeof rungGoalSchema>;

/** Whether a channel's receipts say when a message was read: only WhatsApp's do. */
export const reportsRead = (channel: Channel): boolean => channel === 'whatsapp';

/** One rung of the ladder: a message on one channel, and how long to wait for it to reach the patient. */
export const ladderRungSchema = z.object({
  channel: channelSchema,
  template: messageTemplateSchema,
  until: rungGoalSchema,
  within: durationSchema,
});
export type LadderRung = z.infer<typeof ladderRungSchema>;

/** The most rungs a "Reach the patient" step holds: one per channel. */
export const MAX_RUNGS = 4;

/**
 * "Reach the patient" (B11): tries each rung in order (e.g. WhatsApp, if not read within 2 hours SMS, if not
 * delivered within 30 minutes a call, else e-mail), skipping a channel without consent or address. Exits:
 * `reached` (a rung's message reached its goal in time) and `not-reached` (every rung tried or skipped).
 */
export const reachDataSchema = z
  .object({
    ...nodeDataBase,
    purpose: messagePurposeSchema.optional(),
    rungs: z.array(ladderRungSchema).min(1).max(MAX_RUNGS),
  })
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    data.rungs.forEach((rung, index) => {
      if (seen.has(rung.channel))
        ctx.addIssue({
          code: 'custom',
          path: ['rungs', index, 'channel'],
          message: 'each channel once in a ladder',
        });
      seen.add(rung.channel);
      if (rung.until === 'read' && !reportsRead(rung.channel))
        ctx.addIssue({
          code: 'custom',
          path: ['rungs', index, 'until'],
          message: 'only WhatsApp says when a message was read: wait for delivered',
        });
    });
  });
export type ReachData = z.infer<typeof reachDataSchema>;

export const reachNodeSchema = flowNodeSchemaOf('reach', reachDataSchema);
export type ReachNode = z.infer<typeof reachNodeSchema>;
