/** Send attempts a delivery gets for retryable refusals before it fails for good. */
export const MAX_SEND_ATTEMPTS = 5;

const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

/**
 * When to try again after the `attempt`-th refusal: 30 s, 1 min, 2 min… (doubling, at most an hour), each
 * spread by ±20 % so that messages refused together (a throttling SMS centre) do not come back together.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
