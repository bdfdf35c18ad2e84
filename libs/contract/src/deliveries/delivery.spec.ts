import { row } from '../testing/delivery-fixtures';
import { deliveryDetailSchema, deliveryRowSchema } from './delivery';

const detail = {
  ...row,
  runId: 'run_1',
  flowVersion: 3,
  sender: { smsName: 'CabLilas' },
  from: 'CabLilas',
  language: 'fr',
  purpose: 'reminder',
  expectsReply: false,
  answeredAt: null,
  provider: 'sandbox',
  providerMessageId: 'sandbox-1',
  attempt: 1,
  history: [{ status: 'scheduled', at: '2026-03-20T10:00:00.000Z', attempt: 0, reason: null, by: null }],
  updatedAt: '2026-03-24T08:30:02.000Z',
};

describe('deliveryRowSchema', () => {
  it('should read a row as the report answers it', () => {
    expect(deliveryRowSchema.parse(row)).toEqual(row);
  });

  it.each([
    ['an unknown status', { status: 'bounced' }],
    ['an unknown channel', { channel: 'fax' }],
    ['an unknown origin', { origin: 'pigeon' }],
    ['a time without zone', { createdAt: '2026-03-20T10:00:00' }],
  ])('should refuse %s', (_title, patch) => {
    expect(deliveryRowSchema.safeParse({ ...row, ...patch }).success).toBe(false);
  });
});

describe('deliveryDetailSchema', () => {
  it('should read a detail with or without its run', () => {
    expect(deliveryDetailSchema.parse(detail)).toEqual(detail);
    const run = {
      id: 'run_1',
      status: 'ended',
      flowVersion: 3,
      eventType: 'appointment.booked',
      endedReason: null,
      steps: [
        {
          at: '2026-03-20T10:00:00.000Z',
          nodeId: 'sms24',
          kind: 'send',
          outcome: 'planned',
          exit: null,
          reason: null,
        },
      ],
    };
    expect(deliveryDetailSchema.parse({ ...detail, run })).toEqual({ ...detail, run });
  });

  it('should refuse a history entry of an unknown status', () => {
    const history = [{ ...detail.history[0], status: 'lost' }];
    expect(deliveryDetailSchema.safeParse({ ...detail, history }).success).toBe(false);
  });
});
