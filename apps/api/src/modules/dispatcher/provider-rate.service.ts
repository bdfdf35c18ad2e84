import { Injectable } from '@nestjs/common';
import { KeyedSerialiser } from '../../common/concurrently';
import { ProviderRateSlotRepository } from './provider-rate-slot.repository';
import {
  laterPosition,
  nextPosition,
  rateInThousandths,
  SLOT_PERIOD_MS,
  slotsFrom,
  type SlotPosition,
} from './provider-rate-slots';

/** How far ahead slots are reserved: further messages wait and ask again, so cancelled ones waste little. */
export const RATE_HORIZON_SECONDS = 10 * 60;
/** Slots of seconds older than this are pruned: a slot is only used within its own second (`slotStillOpen`). */
const KEEP_PAST_MS = 60_000;
/** Each process prunes at most this often. */
const PRUNE_EVERY_MS = 60_000;
/**
 * Insert rounds one reservation makes at most. A round only comes after another process took some of the
 * candidates (each round's slots are all taken once it answers), so this bounds the round trips under a
 * heavy race; what is left then asks again at the next free position.
 */
const MAX_ROUNDS = 16;
const PERIODS_PER_SECOND = 1000 / SLOT_PERIOD_MS;

/** When one message may go. */
export interface SendingSlot {
  /** The start of the second it may go in (now's second for those that may go now). */
  at: Date;
  /**
   * True: it may be sent at `at` without asking again (a slot is held for it, or its provider has no rate).
   * False: no slot could be held for it (past the horizon, or lost to other processes): wait until `at`, then
   * reserve again.
   */
  granted: boolean;
}

/**
 * A clinic provider's sending rate, honoured across every API process (docs/engine.md, "Provider rates"): each
 * second holds `rate` slots (fractional rates: one every few seconds), and a message may go in a second once its
 * process has inserted one of that second's slots. The insert of a deterministic `_id` is the one thing every
 * server decides atomically, so two processes never hold the same slot and no second holds more than its slots.
 */
@Injectable()
export class ProviderRateService {
  /**
   * Per provider and rate, a position before which this process saw every slot taken. Slots are only removed
   * once past, so what was taken stays taken: later reservations start there rather than at now's second.
   */
  private readonly takenBefore = new Map<string, SlotPosition>();
  private lastPrune = 0;
  /** One reservation at a time per provider in this process: its own requests never race each other. */
  private readonly serial = new KeyedSerialiser();

  constructor(private readonly slots: ProviderRateSlotRepository) {}

  /**
   * Reserves sending slots for `count` messages of a clinic's provider (`providerKey`: one per provider of the
   * clinic, e.g. its channel) at `ratePerSecond` (null: no limit, nothing is asked of the database). Answers one
   * slot per message, earliest first: the first go now or at the earliest free seconds, in a few round trips
   * (one insert of all candidates, again only for those another process took first).
   */
  async reserve(
    clinicId: string,
    providerKey: string,
    ratePerSecond: number | null,
    count: number,
    now: Date,
  ): Promise<SendingSlot[]> {
    if (ratePerSecond === null || count <= 0) {
      return Array.from({ length: Math.max(0, count) }, () => ({ at: now, granted: true }));
    }
    return this.serial.run(`${clinicId}:${providerKey}`, () =>
      this.reserveNow(clinicId, providerKey, ratePerSecond, count, now),
    );
  }

  private async reserveNow(
    clinicId: string,
    providerKey: string,
    ratePerSecond: number,
    count: number,
    now: Date,
  ): Promise<SendingSlot[]> {
    // Positions count periods of SLOT_PERIOD_MS (the slot functions' "seconds"), at the rate per period.
    const milliRate = rateInThousandths(ratePerSecond / PERIODS_PER_SECOND);
    const nowSecond = Math.floor(now.getTime() / SLOT_PERIOD_MS);
    const horizon = nowSecond + RATE_HORIZON_SECONDS * PERIODS_PER_SECOND;
    const key = `${clinicId}:${providerKey}:${milliRate}`;
    let from = laterPosition({ second: nowSecond, n: 0 }, this.takenBefore.get(key) ?? { second: 0, n: 0 });
    const held: SlotPosition[] = [];
    for (let round = 0; round < MAX_ROUNDS && held.length < count; round++) {
      const candidates = slotsFrom(from, count - held.length, milliRate, horizon);
      if (candidates.length === 0) break;
      const lost = await this.slots.take(
        candidates.map((slot) => ({
          _id: `${clinicId}:${providerKey}:${slot.second}:${slot.n}`,
          at: new Date(slot.second * SLOT_PERIOD_MS),
        })),
      );
      candidates.forEach((slot, index) => lost.has(index) || held.push(slot));
      from = nextPosition(candidates[candidates.length - 1]);
    }
    this.takenBefore.set(key, from);
    await this.pruneNow(now);
    // Not held: past the horizon (ask again when it is nearer), or out of rounds (ask again from where they ended).
    const askAgainAt = new Date(Math.min(from.second, horizon) * SLOT_PERIOD_MS);
    return Array.from({ length: count }, (_, index) =>
      index < held.length
        ? { at: new Date(held[index].second * SLOT_PERIOD_MS), granted: true }
        : { at: askAgainAt, granted: false },
    );
  }

  private async pruneNow(now: Date) {
    if (now.getTime() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now.getTime();
    const before = now.getTime() - KEEP_PAST_MS;
    for (const [key, position] of this.takenBefore) {
      if (position.second * SLOT_PERIOD_MS < before) this.takenBefore.delete(key);
    }
    await this.slots.pruneBefore(new Date(before));
  }
}
