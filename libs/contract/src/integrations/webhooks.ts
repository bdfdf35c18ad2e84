import { z } from 'zod';
import { instantSchema } from '../dates/dates';

/**
 * What a clinic's systems may subscribe to (`webhook-event` types): a message's status changed (sent,
 * delivered, failed, answered, cancelled, expired…), a patient replied, confirmed or declined an appointment by
 * reply, a patient's consent changed, a flow's run ended.
 */
export const WEBHOOK_EVENT_TYPES = [
  'delivery.status_changed',
  'reply.received',
  'appointment.confirmed',
  'appointment.declined',
  'consent.changed',
  'run.ended',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * How an endpoint hears: `webhook` signed JSON POSTs of the events; `fhir` the patient's answers as FHIR
 * `AppointmentResponse`s POSTed to its FHIR server (`url` its base); `hl7` the answers as SIU^S14 over MLLP
 * (`url` `mllp://host:port` or `mllps://…`, its path the PMS's facility for MSH-6).
 */
export const WEBHOOK_KINDS = ['webhook', 'fhir', 'hl7'] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];
/** What a PMS's FHIR server or MLLP endpoint is told: the patient's answers (write-back). */
export const WRITE_BACK_EVENTS: readonly WebhookEventType[] = [
  'appointment.confirmed',
  'appointment.declined',
];

const URL_SCHEMES: Record<WebhookKind, RegExp> = {
  webhook: /^https?:$/,
  fhir: /^https?:$/,
  hl7: /^mllps?:$/,
};

/** An endpoint as a manager registers it (`POST /api/settings/webhooks`, `PUT …/{id}`). */
export const webhookEndpointInputSchema = z
  .object({
    kind: z.enum(WEBHOOK_KINDS).default('webhook'),
    url: z.string().trim().max(2000),
    events: z
      .array(z.enum(WEBHOOK_EVENT_TYPES))
      .min(1, 'choose at least one event')
      .max(WEBHOOK_EVENT_TYPES.length),
    description: z.string().trim().max(200).default(''),
    /** Off: nothing is sent to it; on again after it was disabled for failing: it takes events again. */
    enabled: z.boolean().default(true),
    /** A FHIR server's `Authorization` header (`Bearer …`), kept sealed and never shown; left out: kept. */
    authorization: z.string().trim().min(1).max(4000).optional(),
  })
  .superRefine((input, ctx) => {
    const url = URL.canParse(input.url) ? new URL(input.url) : null;
    if (!url || !URL_SCHEMES[input.kind].test(url.protocol) || !url.hostname) {
      const schemes = input.kind === 'hl7' ? 'an mllp:// or mllps:// address' : 'an http or https URL';
      ctx.addIssue({ code: 'custom', path: ['url'], message: `must be ${schemes}` });
    }
    if (input.kind !== 'webhook') {
      input.events.forEach((event, i) => {
        if (!WRITE_BACK_EVENTS.includes(event))
          ctx.addIssue({
            code: 'custom',
            path: ['events', i],
            message: `a ${input.kind} endpoint hears the patient's answers only (${WRITE_BACK_EVENTS.join(', ')})`,
          });
      });
    }
    if (input.authorization && input.kind !== 'fhir')
      ctx.addIssue({ code: 'custom', path: ['authorization'], message: 'is for a FHIR server only' });
  });
export type WebhookEndpointInput = z.infer<typeof webhookEndpointInputSchema>;

/** An endpoint as the settings show it (its secret only once, when made or replaced). */
export const webhookEndpointViewSchema = z.object({
  id: z.string(),
  kind: z.enum(WEBHOOK_KINDS),
  /** Whether a FHIR server's Authorization header is kept (never shown). */
  hasAuthorization: z.boolean(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  description: z.string(),
  enabled: z.boolean(),
  /** Why it was turned off by itself (its messages failed for 24 hours), or null. */
  disabledReason: z.string().nullable(),
  createdAt: instantSchema,
});
export type WebhookEndpointView = z.infer<typeof webhookEndpointViewSchema>;

/** How a webhook message ended up: waiting for its (next) attempt, taken by the receiver, or given up. */
export const WEBHOOK_MESSAGE_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookMessageStatus = (typeof WEBHOOK_MESSAGE_STATUSES)[number];

/** One attempt to send a message: when, the receiver's HTTP status (null: no answer), how long it took. */
export const webhookAttemptSchema = z.object({
  at: instantSchema,
  statusCode: z.number().int().nullable(),
  latencyMs: z.number().int(),
  error: z.string().nullable(),
});

/** A message of an endpoint's delivery log (`GET /api/settings/webhooks/{id}/messages`), newest first. */
export const webhookMessageViewSchema = z.object({
  id: z.string(),
  /** The `webhook-id` header: the receiver's idempotency key (the same on every attempt and resend). */
  eventId: z.string(),
  type: z.string(),
  status: z.enum(WEBHOOK_MESSAGE_STATUSES),
  createdAt: instantSchema,
  nextAttemptAt: instantSchema.nullable(),
  attempts: z.array(webhookAttemptSchema),
});
export type WebhookMessageView = z.infer<typeof webhookMessageViewSchema>;

/**
 * What a webhook endpoint receives (the body of each POST), with the Standard Webhooks headers `webhook-id`,
 * `webhook-timestamp` and `webhook-signature`; a flow's webhook step sends `flow.webhook` to its own URL.
 */
export const webhookEventSchema = z
  .object({
    type: z.enum([...WEBHOOK_EVENT_TYPES, 'flow.webhook']),
    timestamp: instantSchema,
    data: z.record(z.string(), z.unknown()),
  })
  .meta({
    description:
      'The body of a webhook POST (docs/integrations.md), signed per the Standard Webhooks spec: headers ' +
      'webhook-id (the same on every attempt), webhook-timestamp, webhook-signature (v1,<base64 HMAC-SHA256>).',
  });
export type WebhookEvent = z.infer<typeof webhookEventSchema>;
