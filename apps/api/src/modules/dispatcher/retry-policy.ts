import type { SendOutcome } from '@clinicflow/channels';
import { backoffMs } from '../../common/backoff';

/** Send attempts a delivery gets for retryable refusals before it fails for good. */
export const MAX_SEND_ATTEMPTS = 5;

/** When to try again after the `attempt`-th refusal: 30 s, 1 min, 2 min… (doubling, at most an hour), ±20 %. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  return backoffMs(attempt, { firstMs: 30_000, maxMs: 60 * 60_000 }, random);
}

/** What becomes of an attempt the provider answered: sent, tried again later, or failed for good. */
export type AttemptOutcome =
  | { status: 'sent'; providerMessageId: string }
  | { status: 'retrying'; dueAt: Date; code: string; reason: string }
  | { status: 'failed'; code: string; reason: string };

/**
 * The retry policy: a refusal the provider calls retryable (timeout, 5xx, throttling) comes back after a
 * backoff until the `MAX_SEND_ATTEMPTS`-th attempt, then fails saying so; a final refusal (invalid number,
 * authentication, credits) fails at once with the provider's reason.
 */
export function attemptOutcome(
  outcome: SendOutcome,
  attempt: number,
  now: Date,
  random: () => number = Math.random,
): AttemptOutcome {
  if (outcome.accepted) return { status: 'sent', providerMessageId: outcome.providerMessageId };
  if (outcome.kind === 'retryable' && attempt < MAX_SEND_ATTEMPTS) {
    const dueAt = new Date(now.getTime() + retryDelayMs(attempt, random));
    return { status: 'retrying', dueAt, code: outcome.code, reason: outcome.reason };
  }
  const reason =
    outcome.kind === 'retryable' ? `${outcome.reason} (gave up after ${attempt} attempts)` : outcome.reason;
  return { status: 'failed', code: outcome.code, reason };
}
