import { z } from 'zod';
import type { ProviderKind } from './settings';

/** The fewest and the most messages per second a clinic may set for a provider. */
export const SENDING_RATE_LIMITS = { min: 0.01, max: 1000 } as const;

const RATE_RULE = `must be a number of messages per second from ${SENDING_RATE_LIMITS.min} to ${SENDING_RATE_LIMITS.max}`;

/**
 * A provider's sending rate in messages per second; fractional rates are fine (0.5: one message every two
 * seconds). Null or absent: the default of the provider's kind (`DEFAULT_SENDING_RATES`).
 */
export const sendingRateSchema = z
  .number({ error: RATE_RULE })
  .min(SENDING_RATE_LIMITS.min, RATE_RULE)
  .max(SENDING_RATE_LIMITS.max, RATE_RULE);

/**
 * What a clinic that never set a rate gets, per provider kind (null: no limit). Each is what the provider
 * accepts without queuing or refusing on an ordinary account; a clinic whose contract says more raises it.
 */
export const DEFAULT_SENDING_RATES: Record<ProviderKind, number | null> = {
  // Nothing leaves the building: no carrier to protect.
  sandbox: null,
  // A long code (an ordinary number): carriers take about one SMS a second from it, and Twilio queues beyond
  // (and fails what waits over 4 hours); its default for calls is also one a second per account.
  twilio: 1,
  // A Twilio-style API at its own address: what it fronts is unknown, so the same careful default as Twilio.
  http: 1,
  // An account with an SMS centre: operators grant a throughput per bind, commonly 50 to 100 a second.
  smpp: 50,
  // A mail relay: transactional services take 10 a second and more (Amazon SES's first quota is 14); a clinic
  // sending through an office mailbox (Microsoft 365 allows 30 a minute) sets 0.5.
  smtp: 10,
};

/** A provider's rate in force: the one the clinic set, or its kind's default; null means no limit. */
export function sendingRateOf(provider: { kind: string; ratePerSecond?: number | null }): number | null {
  if (provider.ratePerSecond !== undefined && provider.ratePerSecond !== null) return provider.ratePerSecond;
  return DEFAULT_SENDING_RATES[provider.kind as ProviderKind] ?? null;
}
