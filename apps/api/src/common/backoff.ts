/** How a retried piece of work waits: the first wait, and the longest. */
export interface Backoff {
  firstMs: number;
  maxMs: number;
}

/**
 * The wait before the next try after the `attempt`-th failure: `firstMs`, doubling each time, at most `maxMs`,
 * each spread by ±20 % so that work that failed together (a provider throttling, a database away) does not
 * come back together.
 */
export function backoffMs(
  attempt: number,
  { firstMs, maxMs }: Backoff,
  random: () => number = Math.random,
): number {
  const base = Math.min(maxMs, firstMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
