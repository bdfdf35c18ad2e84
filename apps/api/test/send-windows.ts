/**
 * The busiest stretch of a series of instants: for checking a provider's rate from what its peer received
 * (issue 18: "the SMPP server's receive timestamps show ≤ 5.5 per second over any 10 s window").
 */
export interface BusiestWindow {
  /** How many instants fall in the window. */
  count: number;
  /** Where it starts (ms): the first instant in it. */
  from: number;
  /** `count` per second of the window's length. */
  perSecond: number;
}

/**
 * The window of `windowMs` (from an instant, end excluded) holding the most of `instants` (ms, any order). The
 * busiest window of any start begins at an instant, so only those are tried.
 */
export function busiestWindow(instants: readonly number[], windowMs: number): BusiestWindow {
  const sorted = [...instants].sort((a, b) => a - b);
  let best = { count: 0, from: sorted[0] ?? 0 };
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    while (end < sorted.length && sorted[end] < sorted[start] + windowMs) end++;
    if (end - start > best.count) best = { count: end - start, from: sorted[start] };
  }
  return { ...best, perSecond: best.count / (windowMs / 1000) };
}
