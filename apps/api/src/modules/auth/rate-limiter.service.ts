import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { ClockRepository } from '../../common/clock.repository';
import { RateLimitRepository } from './rate-limit.repository';

/** What a counted hit found: how many hits the window holds now, and when the oldest that matter expire. */
export interface Window {
  /** The id of this hit (to take it back). */
  id: string;
  /** Hits in the window, this one included. */
  hits: number;
  /** Seconds until the window holds `limit` hits or fewer again (0 when it does already). */
  secondsUntilUnder(limit: number): number;
  /** Seconds until the window's oldest hit expires. */
  secondsUntilOldestExpires: number;
}

const PRUNE_EVERY_MS = 60_000;

/**
 * Sliding-window counters in the database (`RateLimitRepository`), so that a limit holds across API processes:
 * the throttles of the account routes per address, and the lockout after wrong passwords per account.
 */
@Injectable()
export class RateLimiterService {
  private lastPrune = 0;

  constructor(
    private readonly hits: RateLimitRepository,
    private readonly clock: ClockRepository,
  ) {}

  /** Counts one hit under `key` in a window of `windowMs`; answers the window as it is with it. */
  async hit(key: string, windowMs: number): Promise<Window> {
    const now = this.clock.now();
    const id = randomUUID();
    await this.hits.add({
      _id: id,
      key: hashed(key),
      at: now,
      expiresAt: new Date(now.getTime() + windowMs),
    });
    const window = await this.read(key, windowMs, now);
    await this.pruneNow(now);
    return { id, ...window };
  }

  /** The window of `key` as it is, without counting a hit. */
  async peek(key: string, windowMs: number) {
    return this.read(key, windowMs, this.clock.now());
  }

  /** Takes back a hit that turned out not to count. */
  remove(id: string): Promise<void> {
    return this.hits.remove(id);
  }

  private async read(key: string, windowMs: number, now: Date) {
    const times = await this.hits.since(hashed(key), new Date(now.getTime() - windowMs));
    const expiry = (at: Date) => Math.max(0, Math.ceil((at.getTime() + windowMs - now.getTime()) / 1000));
    return {
      hits: times.length,
      // With n hits and a limit l, the window holds l again once its n - l oldest hits have expired.
      secondsUntilUnder: (limit: number) =>
        times.length <= limit ? 0 : expiry(times[times.length - limit - 1]),
      secondsUntilOldestExpires: times.length ? expiry(times[0]) : 0,
    };
  }

  private async pruneNow(now: Date) {
    if (now.getTime() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now.getTime();
    await this.hits.prune(now);
  }
}

/** Keys are stored hashed: an address or an e-mail never sits in the counters. */
function hashed(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
