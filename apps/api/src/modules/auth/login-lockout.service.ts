import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error';
import { RateLimiterService } from './rate-limiter.service';

/** Wrong passwords an account may take in `LOCKOUT_WINDOW_MS` before it is locked. */
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;

/** An attempt in progress: counted until it turns out right. */
export interface LoginAttempt {
  id: string;
}

/**
 * The lockout of an account (an e-mail as typed, whether or not it has a user: an unknown e-mail locks the same
 * way, so the lockout tells nothing): after 5 wrong passwords in 15 minutes every attempt, the right password
 * included, answers 429 with `Retry-After` until the oldest of them is 15 minutes old.
 *
 * Each attempt is counted before its password is checked and taken back when it was right, so that attempts
 * made at the same moment (from several processes too) cannot slip past the count: the sixth is refused whatever
 * order they reach the database in.
 */
@Injectable()
export class LoginLockoutService {
  constructor(private readonly limiter: RateLimiterService) {}

  /** Counts an attempt for this account; 429 when the account is locked (the attempt then counts for nothing). */
  async begin(email: string): Promise<LoginAttempt> {
    const key = keyOf(email);
    const window = await this.limiter.hit(key, LOCKOUT_WINDOW_MS);
    if (window.hits > LOCKOUT_FAILURES) {
      await this.limiter.remove(window.id);
      throw locked(window.secondsUntilUnder(LOCKOUT_FAILURES));
    }
    return { id: window.id };
  }

  /** The password was right: the attempt is not a failure. */
  succeeded(attempt: LoginAttempt): Promise<void> {
    return this.limiter.remove(attempt.id);
  }

  /** Whether the account is locked now (a reset request still goes: it changes nothing by itself). */
  async isLocked(email: string): Promise<boolean> {
    return (await this.limiter.peek(keyOf(email), LOCKOUT_WINDOW_MS)).hits >= LOCKOUT_FAILURES;
  }
}

function keyOf(email: string): string {
  return `login-failures:${email.trim().toLowerCase()}`;
}

function locked(seconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return AppError.tooManyRequests(
    `Too many wrong passwords for this account: try again in ${minutes} minute${minutes > 1 ? 's' : ''}, or reset the password`,
    seconds,
  );
}
