import {
  CANCELLABLE_STATUSES,
  DELIVERY_OUTCOMES,
  DELIVERY_STATUSES,
  deliveryOutcomeOf,
  QUEUED_STATUSES,
  RETRYABLE_STATUSES,
  statusesBelow,
  type DeliveryStatus,
} from './delivery-status';

describe('DELIVERY_STATUSES', () => {
  it('should be the statuses of api.md', () => {
    expect(DELIVERY_STATUSES).toEqual([
      'scheduled',
      'sending',
      'sent',
      'delivered',
      'read',
      'answered',
      'failed',
      'retrying',
      'cancelled',
      'expired',
      'skipped',
    ]);
  });
});

describe('DELIVERY_OUTCOMES', () => {
  it('should count every status under exactly one outcome', () => {
    const grouped = Object.values(DELIVERY_OUTCOMES).flat();
    expect([...grouped].sort()).toEqual([...DELIVERY_STATUSES].sort());
  });

  it('should count the queued statuses as pending', () => {
    expect(DELIVERY_OUTCOMES.pending).toEqual(QUEUED_STATUSES);
  });
});

describe(deliveryOutcomeOf.name, () => {
  it.each<[DeliveryStatus, string]>([
    ['scheduled', 'pending'],
    ['sending', 'pending'],
    ['retrying', 'pending'],
    ['sent', 'sent'],
    ['delivered', 'sent'],
    ['answered', 'sent'],
    ['failed', 'failed'],
    ['expired', 'failed'],
    ['cancelled', 'stopped'],
    ['skipped', 'stopped'],
  ])('should count %s as %s', (status, outcome) => {
    expect(deliveryOutcomeOf(status)).toBe(outcome);
  });
});

describe('actions', () => {
  it('should retry only what did not go out and cancel only what waits', () => {
    expect(RETRYABLE_STATUSES).toEqual(DELIVERY_OUTCOMES.failed);
    expect(CANCELLABLE_STATUSES.every((s) => QUEUED_STATUSES.includes(s))).toBe(true);
    expect(CANCELLABLE_STATUSES).not.toContain('sending');
  });
});

describe(statusesBelow.name, () => {
  it.each([
    ['sent', []],
    ['failed', ['sent']],
    ['delivered', ['sent', 'failed']],
    ['read', ['sent', 'failed', 'delivered']],
    ['answered', ['sent', 'failed', 'delivered', 'read']],
  ] as const)('should let %s follow only %p', (next, below) => {
    expect(statusesBelow(next)).toEqual(below);
  });

  it.each([
    ['delivered', 'answered'],
    ['failed', 'delivered'],
    ['failed', 'answered'],
    ['sent', 'failed'],
  ] as const)('should never let %s replace %s', (late, current) => {
    expect(statusesBelow(late)).not.toContain(current);
  });
});
