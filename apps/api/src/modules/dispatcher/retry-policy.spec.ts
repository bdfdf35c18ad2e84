import { final, retryable, type SendOutcome } from '@clinicflow/channels';
import {
  attemptOutcome,
  failuresBefore,
  pausedRetryGivesUp,
  retryDeadline,
  retryDelayMs,
} from './retry-policy';

const now = new Date('2026-03-10T09:00:00Z');
const middle = () => 0.5;
const accepted = (providerMessageId: string): SendOutcome => ({ accepted: true, providerMessageId });
const inHours = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

describe(retryDelayMs.name, () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [8, 3_600_000],
    [20, 3_600_000],
  ])('should wait, after refusal %i, %i ms (doubling, at most an hour)', (failures, ms) => {
    expect(retryDelayMs(failures, middle)).toBe(ms);
  });

  it('should spread the wait by ±20 %', () => {
    expect([retryDelayMs(2, () => 0), retryDelayMs(2, () => 1)]).toEqual([48_000, 72_000]);
  });
});

describe(retryDeadline.name, () => {
  it('should retry a reminder until an hour before its appointment (its expiry)', () => {
    expect(retryDeadline({ purpose: 'reminder', sendAt: now, expiresAt: inHours(24) })).toEqual(inHours(23));
  });

  it('should retry another message until its expiry, and one without expiry for a day', () => {
    expect(retryDeadline({ purpose: 'notice', sendAt: now, expiresAt: inHours(5) })).toEqual(inHours(5));
    expect(retryDeadline({ purpose: null, sendAt: now, expiresAt: null })).toEqual(inHours(24));
  });
});

describe(attemptOutcome.name, () => {
  const budget = { failures: 2, deadline: inHours(24) };

  it.each([
    {
      title: 'an accepted message is sent, with the provider’s id',
      outcome: accepted('SM123'),
      expected: { status: 'sent', providerMessageId: 'SM123' },
    },
    {
      title: 'a retryable refusal comes back after the backoff',
      outcome: retryable('timeout', 'The provider did not answer in time.'),
      expected: {
        status: 'retrying',
        dueAt: new Date(now.getTime() + 60_000),
        code: 'timeout',
        reason: 'The provider did not answer in time.',
      },
    },
    {
      title: 'a final refusal fails at once with the provider’s reason',
      outcome: final('invalid-number', 'The number does not exist.'),
      expected: { status: 'failed', code: 'invalid-number', reason: 'The number does not exist.' },
    },
  ])('$title', ({ outcome, expected }) => {
    expect(attemptOutcome(outcome, budget, now, middle)).toEqual(expected);
  });

  it('should keep retrying a provider down for ten minutes, however many refusals that makes', () => {
    const outcome = retryable('connection', 'The SMS centre could not be reached.');
    expect(attemptOutcome(outcome, { failures: 12, deadline: inHours(24) }, now, middle).status).toBe(
      'retrying',
    );
  });

  it('should fail, saying why, when the next try would come after the deadline', () => {
    const outcome = retryable('throttled', 'Too many messages.');
    expect(attemptOutcome(outcome, { failures: 3, deadline: inHours(0.01) }, now, middle)).toEqual({
      status: 'failed',
      code: 'throttled',
      reason: `Too many messages. (gave up after 3 tries: no time left to try again before ${inHours(0.01).toISOString()})`,
    });
  });
});

describe(pausedRetryGivesUp.name, () => {
  const pause = { until: inHours(2), failures: 5 };

  it('should give up a retry the pause pushes past its deadline, saying so', () => {
    expect(pausedRetryGivesUp({ failures: 1, deadline: inHours(1) }, pause)).toBe(
      `The provider failed 5 times in a row (gave up: no time left to try again before ${inHours(1).toISOString()})`,
    );
  });

  it('should let a retry wait that the pause leaves before its deadline, and a message never refused', () => {
    expect(pausedRetryGivesUp({ failures: 1, deadline: inHours(3) }, pause)).toBeNull();
    expect(pausedRetryGivesUp({ failures: 0, deadline: inHours(1) }, pause)).toBeNull();
  });
});

describe(failuresBefore.name, () => {
  it('should count the retryable refusals, not the waits for quiet hours or a rate', () => {
    const history = ['scheduled', 'sending', 'retrying', 'sending', 'scheduled', 'sending', 'retrying'].map(
      (status) => ({ status }),
    );
    expect(failuresBefore({ history })).toBe(2);
  });
});
