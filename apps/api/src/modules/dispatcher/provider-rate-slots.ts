/**
 * The arithmetic of a provider's sending slots (docs/engine.md, "Provider rates"): which slots each second
 * holds at a rate, and the next slots from a position. Pure, so that every process numbers the same slots.
 */

/** A slot: the `n`-th (from 0) of its Unix second. */
export interface SlotPosition {
  second: number;
  n: number;
}

/**
 * A rate in thousandths of a message per second, at least 1. Counting in whole numbers keeps every process's
 * slots identical (no floating-point drift between two machines' sums) and exact for any rate the settings take.
 */
export function rateInThousandths(ratePerSecond: number): number {
  return Math.max(1, Math.round(ratePerSecond * 1000));
}

/** `floor(value / 1000)` for a non-negative whole number, exact up to 2^53. */
const thousandths = (value: number) => (value - (value % 1000)) / 1000;

/** `ceil(value / 1000)` for a non-negative whole number. */
const thousandthsUp = (value: number) => thousandths(value + 999);

/**
 * How many slots a second holds: `ceil((s + 1) · r) − ceil(s · r)`. Any run of seconds then holds the rate
 * times its length, within one: 0.5/s gives one slot every other second, 2.5/s gives 3 and 2 in turn. Rounding
 * up puts a slow rate's slot at the start of its span (a whole second's first tenth at 1/s), not at its end.
 */
export function slotsInSecond(second: number, milliRate: number): number {
  return thousandthsUp((second + 1) * milliRate) - thousandthsUp(second * milliRate);
}

/** The position right after a slot. */
export function nextPosition(slot: SlotPosition): SlotPosition {
  return { second: slot.second, n: slot.n + 1 };
}

/** The later of two positions. */
export function laterPosition(a: SlotPosition, b: SlotPosition): SlotPosition {
  return a.second > b.second || (a.second === b.second && a.n >= b.n) ? a : b;
}

/**
 * The next `count` slots at or after `from`, in order, moving to later seconds as each fills up, and stopping
 * before `untilSecond` (fewer than `count` then).
 */
export function slotsFrom(
  from: SlotPosition,
  count: number,
  milliRate: number,
  untilSecond: number,
): SlotPosition[] {
  const slots: SlotPosition[] = [];
  let { second, n } = from;
  while (slots.length < count && second < untilSecond) {
    const inSecond = slotsInSecond(second, milliRate);
    for (; n < inSecond && slots.length < count; n++) slots.push({ second, n });
    if (slots.length < count) {
      second += 1;
      n = 0;
    }
  }
  return slots;
}

/**
 * Slots are numbered per period of this many milliseconds (a tenth of a second; the functions above call a
 * period a "second"): a message's slot says in which tenth of a second it may go, so a rate's messages are spread
 * over each second instead of leaving together at its start.
 */
export const SLOT_PERIOD_MS = 100;

/**
 * How long after its period starts a granted slot may still be used. Every message then goes within
 * `SLOT_PERIOD_MS + SLOT_USE_MS` of its period's start, so any window of W seconds sees at most the rate times
 * (W + 0.6 s), plus one for rounding: 54 in 10 s at 5/s, within the 10 % allowed (docs/engine.md).
 */
export const SLOT_USE_MS = 500;

/**
 * Whether a slot granted for the period starting at `at` may still be used at `now` (see `SLOT_USE_MS`). A
 * message reached later reserves again, so that late messages never pile onto other messages' periods.
 */
export function slotStillOpen(at: Date, now: Date): boolean {
  return now.getTime() >= at.getTime() && now.getTime() < at.getTime() + SLOT_USE_MS;
}
