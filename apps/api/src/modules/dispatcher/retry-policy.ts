import type { SendOutcome } from '@clinicflow/channels';
import type { MessagePurpose } from '@clinicflow/rules';
import { backoffMs } from '../../common/backoff';

/**
 * How long a message may be retried (issue 22): a reminder until an hour before its appointment (it expires at
 * the appointment's start: `expiresAt`), any other message until its expiry, and one without an expiry for a day
 * after its planned time. A budget in time, not in attempts: a provider down ten minutes delays a message, it
 * does not fail it, and waits that are not failures (quiet hours, a provider's rate) use none of it.
 */
export const RETRY_BUDGET = {
  /** A reminder's retries stop this long before its appointment (its expiry). */
  reminderBeforeAppointmentMs: 60 * 60_000,
  /** A message without an expiry is retried this long after its planned time. */
  withoutExpiryMs: 24 * 60 * 60_000,
};

/** The last moment a retry of the message may be due. */
export function retryDeadline(delivery: {
  purpose: MessagePurpose | null;
  sendAt: Date;
  expiresAt: Date | null;
}): Date {
  if (!delivery.expiresAt)
    return new Date(new Date(delivery.sendAt).getTime() + RETRY_BUDGET.withoutExpiryMs);
  const expiry = new Date(delivery.expiresAt).getTime();
  return new Date(
    delivery.purpose === 'reminder' ? expiry - RETRY_BUDGET.reminderBeforeAppointmentMs : expiry,
  );
}

/** When to try again after the `failures`-th refusal: 30 s, 1 min, 2 min… (doubling, at most an hour), ±20 %. */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  return backoffMs(failures, { firstMs: 30_000, maxMs: 60 * 60_000 }, random);
}

/** What becomes of an attempt the provider answered: sent, tried again later, or failed for good. */
export type AttemptOutcome =
  | { status: 'sent'; providerMessageId: string }
  | { status: 'retrying'; dueAt: Date; code: string; reason: string }
  | { status: 'failed'; code: string; reason: string };

/**
 * The retry policy: a refusal the provider calls retryable (timeout, 5xx, throttling) comes back after a
 * backoff while the retry is due before `deadline` (`retryDeadline`), then fails saying so; a final refusal
 * (invalid number, authentication, credits) fails at once with the provider's reason. `failures` counts this
 * refusal and the retryable ones before it.
 */
export function attemptOutcome(
  outcome: SendOutcome,
  { failures, deadline }: { failures: number; deadline: Date },
  now: Date,
  random: () => number = Math.random,
): AttemptOutcome {
  if (outcome.accepted) return { status: 'sent', providerMessageId: outcome.providerMessageId };
  if (outcome.kind !== 'retryable') return { status: 'failed', code: outcome.code, reason: outcome.reason };
  const dueAt = new Date(now.getTime() + retryDelayMs(failures, random));
  if (dueAt.getTime() <= deadline.getTime()) {
    return { status: 'retrying', dueAt, code: outcome.code, reason: outcome.reason };
  }
  const reason = `${outcome.reason} (gave up after ${failures} ${failures === 1 ? 'try' : 'tries'}: ${noTimeLeft(deadline)})`;
  return { status: 'failed', code: outcome.code, reason };
}

/**
 * A retry its paused provider (`ProviderBreaker`) holds until `until`: the reason it fails now when the pause
 * would push it past its deadline (a message not yet refused waits, whatever the pause), else null.
 */
export function pausedRetryGivesUp(
  { failures, deadline }: { failures: number; deadline: Date },
  pause: { until: Date; failures: number },
): string | null {
  if (failures === 0 || pause.until.getTime() <= deadline.getTime()) return null;
  return `The provider failed ${pause.failures} times in a row (gave up: ${noTimeLeft(deadline)})`;
}

function noTimeLeft(deadline: Date): string {
  return `no time left to try again before ${deadline.toISOString()}`;
}

/** The retryable refusals a delivery met before this attempt (its history's `retrying` entries). */
export function failuresBefore(delivery: { history: readonly { status: string }[] }): number {
  return delivery.history.filter((entry) => entry.status === 'retrying').length;
}
