import { z } from 'zod';
import { instantSchema } from '../dates/dates';

/** An address or network a clinic's HL7 messages may come from: `192.0.2.10`, `10.0.0.0/24`, `2001:db8::1`. */
export const hl7PeerSchema = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], {
  error: 'must be an IP address or a network such as 10.0.0.0/24',
});

/**
 * A clinic's HL7 connection (`PUT /api/settings/hl7`): the sending facility its PMS writes in MSH-4, and the
 * addresses its messages may come from. A message is taken when its facility is the clinic's and it passes
 * every check the clinic set: the secret in MSH-8 (`POST /api/settings/hl7/secret`) and/or an allowed peer.
 */
export const hl7ConnectionSchema = z.object({
  sendingFacility: z
    .string()
    .trim()
    .min(1, 'is required: what the PMS writes in MSH-4')
    .max(180)
    .regex(/^[^|^~\\&\r\n]*$/, 'must not contain HL7 separators (| ^ ~ \\ &)'),
  allowedPeers: z.array(hl7PeerSchema).max(50).default([]),
  /** MSH-3 values of the clinic's online booking: bookings they send are `online` (the flows' source filter). */
  onlineApplications: z.array(z.string().trim().min(1).max(180)).max(20).default([]),
});
export type Hl7Connection = z.infer<typeof hl7ConnectionSchema>;

/** How an HL7 message ended: taken (AA), the same message again (AA), or refused with its reason (AE). */
export const HL7_OUTCOMES = ['accepted', 'duplicate', 'error'] as const;
export type Hl7Outcome = (typeof HL7_OUTCOMES)[number];

/** One message of the clinic's HL7 log: errors keep the message's text, for the clinic to see what came. */
export const hl7MessageEntrySchema = z.object({
  id: z.string(),
  receivedAt: instantSchema,
  controlId: z.string(),
  type: z.string(),
  outcome: z.enum(HL7_OUTCOMES),
  reason: z.string().nullable(),
  /** The event it became (`hl7:<MSH-10>`), or null when refused or when it changed nothing flows react to. */
  eventType: z.string().nullable(),
  text: z.string().nullable(),
});
export type Hl7MessageEntry = z.infer<typeof hl7MessageEntrySchema>;

/** `GET /api/settings/hl7`: the connection (null when none), whether a secret is set, where to send. */
export const hl7ConnectionViewSchema = z.object({
  connection: hl7ConnectionSchema.extend({ hasSecret: z.boolean() }).nullable(),
  listener: z.object({ port: z.number().int().nullable(), tls: z.boolean() }),
  messages: z.array(hl7MessageEntrySchema),
});
export type Hl7ConnectionView = z.infer<typeof hl7ConnectionViewSchema>;
