import { final, retryable, type SendOutcome } from '@clinicflow/channels';
import { attemptOutcome, MAX_SEND_ATTEMPTS, retryDelayMs } from './retry-policy';

const now = new Date('2026-03-10T09:00:00Z');
const middle = () => 0.5;
const accepted = (providerMessageId: string): SendOutcome => ({ accepted: true, providerMessageId });

describe(retryDelayMs.name, () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [8, 3_600_000],
    [20, 3_600_000],
  ])('should wait, after refusal %i, %i ms (doubling, at most an hour)', (attempt, ms) => {
    expect(retryDelayMs(attempt, middle)).toBe(ms);
  });

  it('should spread the wait by ±20 %', () => {
    expect([retryDelayMs(2, () => 0), retryDelayMs(2, () => 1)]).toEqual([48_000, 72_000]);
  });
});

describe(attemptOutcome.name, () => {
  it.each([
    {
      title: 'an accepted message is sent, with the provider’s id',
      outcome: accepted('SM123'),
      attempt: 1,
      expected: { status: 'sent', providerMessageId: 'SM123' },
    },
    {
      title: 'a retryable refusal comes back after the backoff',
      outcome: retryable('timeout', 'The provider did not answer in time.'),
      attempt: 2,
      expected: {
        status: 'retrying',
        dueAt: new Date(now.getTime() + 60_000),
        code: 'timeout',
        reason: 'The provider did not answer in time.',
      },
    },
    {
      title: 'a retryable refusal at the last attempt fails, saying it gave up',
      outcome: retryable('throttled', 'Too many messages.'),
      attempt: MAX_SEND_ATTEMPTS,
      expected: {
        status: 'failed',
        code: 'throttled',
        reason: `Too many messages. (gave up after ${MAX_SEND_ATTEMPTS} attempts)`,
      },
    },
    {
      title: 'a final refusal fails at once with the provider’s reason',
      outcome: final('invalid-number', 'The number does not exist.'),
      attempt: 1,
      expected: { status: 'failed', code: 'invalid-number', reason: 'The number does not exist.' },
    },
  ])('$title', ({ outcome, attempt, expected }) => {
    expect(attemptOutcome(outcome, attempt, now, middle)).toEqual(expected);
  });
});
