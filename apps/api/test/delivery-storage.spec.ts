import { NULLABLE_DELIVERY_FIELDS, type DeliveryDocument } from '../src/modules/deliveries/delivery.document';
import { DeliveryReportRepository } from '../src/modules/deliveries/delivery-report.repository';
import { DispatcherService } from '../src/modules/dispatcher/dispatcher.service';
import { collection, deliveryFactory, sendSmsThrough } from './engine-dispatch-fixtures';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

/** The top-level fields of a stored delivery whose value is null. */
const nullFieldsOf = (stored: object) =>
  Object.entries(stored)
    .filter(([, value]) => value === null)
    .map(([field]) => field);

describe('deliveries: stored without their null fields, read with them', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const { plan, read } = deliveryFactory(() => ctx.app, clock);
  const clinic = ctx.clinic();
  const stored = (id: string) => collection<DeliveryDocument>(ctx.app, 'deliveries').findOne({ _id: id });

  beforeAll(() => sendSmsThrough(ctx, clinic, { kind: 'sandbox', options: { receipts: false } }, 10));

  it('should store a planned delivery without a null field, and read every nullable field back as null', async () => {
    const planned = await plan(clinic.clinicId);
    expect(nullFieldsOf(planned).sort()).toEqual([...NULLABLE_DELIVERY_FIELDS].sort());
    expect(nullFieldsOf((await stored(planned._id))!)).toEqual([]);
    const asRead = await read(planned);
    for (const field of NULLABLE_DELIVERY_FIELDS) expect(asRead[field]).toBeNull();
    expect(asRead).toMatchObject({ status: 'scheduled', attempt: 0, channel: 'sms' });
  });

  it('should remove the fields a send sets back to null, and fill them in the report', async () => {
    const planned = await plan(clinic.clinicId);
    await ctx.app.get(DispatcherService).dispatchDue();
    const sent = (await stored(planned._id))!;
    expect(sent).toMatchObject({ status: 'sent', provider: 'sandbox', attempt: 1 });
    expect(sent).not.toHaveProperty('leaseUntil');
    expect(sent).not.toHaveProperty('error');
    expect(nullFieldsOf(sent)).toEqual([]);

    const { body } = await ctx.as(clinic).get(`/api/deliveries/${planned._id}`).expect(200);
    expect(body).toMatchObject({ status: 'sent', deliveredAt: null, error: null });
    const page = await ctx.app
      .get(DeliveryReportRepository)
      .page(clinic.clinicId, { statuses: ['sent'] }, { page: 1, pageSize: 10, sort: '-createdAt' });
    expect(page.items.find((d) => d._id === planned._id)).toMatchObject({
      answeredAt: null,
      leaseUntil: null,
    });
    const rows = await ctx.app
      .get(DeliveryReportRepository)
      .exportCursor(clinic.clinicId, { statuses: ['sent'] }, '-createdAt', { _id: 1, deliveredAt: 1 })
      .toArray();
    expect(rows.find((row) => row._id === planned._id)).toEqual({ _id: planned._id, deliveredAt: null });
  });
});
