import { z } from 'zod';

/** The statuses of api.md; a delivery only moves forward (docs/engine.md has the transitions). */
export const deliveryStatusSchema = z.enum([
  'scheduled',
  'sending',
  'sent',
  'delivered',
  'read',
  'answered',
  'failed',
  'retrying',
  'cancelled',
  'expired',
  'skipped',
]);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

/** Every status, in the order of api.md (the order screens list them). */
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = deliveryStatusSchema.options;

/** Statuses in which a delivery still has a `delivery_queue` entry: the dispatcher will look at it again. */
export const QUEUED_STATUSES: readonly DeliveryStatus[] = ['scheduled', 'retrying', 'sending'];

/** Statuses of a message that reached the patient (or their phone) and was not answered yet. */
export const UNANSWERED_SENT_STATUSES = [
  'sent',
  'delivered',
  'read',
] as const satisfies readonly DeliveryStatus[];

/** What became of a message, as the screens count it: still to go out, went out, failed, or stopped. */
export const DELIVERY_OUTCOMES = {
  pending: QUEUED_STATUSES,
  sent: [...UNANSWERED_SENT_STATUSES, 'answered'],
  failed: ['failed', 'expired'],
  stopped: ['cancelled', 'skipped'],
} as const satisfies Record<string, readonly DeliveryStatus[]>;
export type DeliveryOutcome = keyof typeof DELIVERY_OUTCOMES;

/** The outcome a status counts as (every status has exactly one). */
export function deliveryOutcomeOf(status: DeliveryStatus): DeliveryOutcome {
  const outcomes = Object.keys(DELIVERY_OUTCOMES) as DeliveryOutcome[];
  return outcomes.find((o) => (DELIVERY_OUTCOMES[o] as readonly DeliveryStatus[]).includes(status))!;
}

/**
 * The order a sent message's status only moves forward in (docs/engine.md); `read` is a WhatsApp read receipt: a receipt or a reply never
 * moves it back, so a late "delivered" leaves "answered", and "failed" then "delivered" ends delivered.
 */
export const SENT_STATUS_RANK = {
  sent: 1,
  failed: 2,
  delivered: 3,
  read: 4,
  answered: 5,
} as const satisfies Partial<Record<DeliveryStatus, number>>;
export type SentStatus = keyof typeof SENT_STATUS_RANK;

/** The statuses a sent message may move to `next` from: those ranked below it. */
export function statusesBelow(next: SentStatus): SentStatus[] {
  const ranked = Object.keys(SENT_STATUS_RANK) as SentStatus[];
  return ranked.filter((status) => SENT_STATUS_RANK[status] < SENT_STATUS_RANK[next]);
}

/** Statuses from which `POST /api/deliveries/:id/retry` sends a delivery again (409 from any other). */
export const RETRYABLE_STATUSES: readonly DeliveryStatus[] = ['failed', 'expired'];

/** Statuses from which `POST /api/deliveries/:id/cancel` cancels a delivery (409 once it is being sent). */
export const CANCELLABLE_STATUSES: readonly DeliveryStatus[] = ['scheduled', 'retrying'];

/**
 * Where a delivery came from: a flow's send/ask step, a one-off send (F12), a batch (F11), a notice (F10), or an
 * account e-mail to a user (an invitation or a password reset, docs/accounts.md).
 */
export const deliveryOriginSchema = z.enum(['flow', 'one-off', 'batch', 'notice', 'account']);
export type DeliveryOrigin = z.infer<typeof deliveryOriginSchema>;
export const DELIVERY_ORIGINS: readonly DeliveryOrigin[] = deliveryOriginSchema.options;
