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

/**
 * How many slots a second holds: `floor((s + 1) · r) − floor(s · r)`. Any run of seconds then holds the rate
 * times its length, within one: 0.5/s gives one slot every other second, 2.5/s gives 2 and 3 in turn.
 */
export function slotsInSecond(second: number, milliRate: number): number {
  return thousandths((second + 1) * milliRate) - thousandths(second * milliRate);
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
 * Whether a slot granted for the second starting at `at` may still be used at `now`: only within that second.
 * A message reached later reserves again, so that late messages never pile onto other messages' seconds.
 */
export function slotStillOpen(at: Date, now: Date): boolean {
  return now.getTime() >= at.getTime() && now.getTime() < at.getTime() + 1000;
}
