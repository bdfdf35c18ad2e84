import { row } from '../testing/delivery-fixtures';
import { deliveryPageSchema } from './delivery-page';
import { deliverySummarySchema } from './delivery-summary';

describe('deliveryPageSchema', () => {
  it('should read a page with its totals', () => {
    const page = {
      items: [row],
      total: 1,
      page: 1,
      pageSize: 50,
      totals: { byStatus: { sent: 1 }, byChannel: { sms: 1 } },
    };
    expect(deliveryPageSchema.parse(page)).toEqual(page);
  });

  it('should refuse totals of an unknown status', () => {
    const page = {
      items: [],
      total: 0,
      page: 1,
      pageSize: 50,
      totals: { byStatus: { lost: 1 }, byChannel: {} },
    };
    expect(deliveryPageSchema.safeParse(page).success).toBe(false);
  });
});

describe('deliverySummarySchema', () => {
  const day = {
    day: '2026-03-24',
    total: 3,
    byStatus: { delivered: 2, failed: 1 },
    byChannel: { sms: 2, email: 1 },
    byStatusAndChannel: { delivered: { sms: 1, email: 1 }, failed: { sms: 1 } },
    credits: 2,
  };

  it('should read the days and the totals', () => {
    const { day: _day, ...totals } = day;
    const summary = { from: '2026-03-24', to: '2026-03-24', days: [day], totals };
    expect(deliverySummarySchema.parse(summary)).toEqual(summary);
  });

  it('should refuse a day that is not a day', () => {
    const summary = { from: '2026-03-24', to: '2026-03-24', days: [{ ...day, day: 'Tuesday' }], totals: day };
    expect(deliverySummarySchema.safeParse(summary).success).toBe(false);
  });
});
