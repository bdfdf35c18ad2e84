import { Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { RateLimiterService } from './rate-limiter.service';

/**
 * The per-address limit of the routes anyone can call about accounts (login, forgot password, set password,
 * first run): `@nestjs/throttler`'s guard (429 with `Retry-After`), counting in the database so that the limit
 * holds across API processes. A route tightens it with `@Throttle({ default: { limit, ttl } })`.
 */
export const ACCOUNT_THROTTLE: ThrottlerModuleOptions = {
  throttlers: [{ name: 'default', ttl: 60_000, limit: 30 }],
  errorMessage: 'Too many requests from this address; try again later',
};

/** `@nestjs/throttler`'s storage over `RateLimiterService`: a sliding window per route and address. */
@Injectable()
export class DatabaseThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly limiter: RateLimiterService) {}

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const window = await this.limiter.hit(`throttle:${key}`, ttl);
    const isBlocked = window.hits > limit;
    return {
      totalHits: window.hits,
      timeToExpire: window.secondsUntilOldestExpires,
      isBlocked,
      // the next request passes once, with itself, the window holds no more than the limit
      timeToBlockExpire: isBlocked ? Math.max(1, window.secondsUntilUnder(limit - 1)) : 0,
    };
  }
}

/** The guard the account routes put on with `@UseGuards(AccountThrottlerGuard)`. */
@Injectable()
export class AccountThrottlerGuard extends ThrottlerGuard {}
