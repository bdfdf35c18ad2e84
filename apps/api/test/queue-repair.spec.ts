// The queue's consistency sweep (issue 22): a delivery whose status says it waits but whose queue entry is gone
// (a process or the database stopped between the two writes) gets its entry back and is sent; one changed a
// moment ago is left alone (its own process may still be writing the entry).
import { EngineService } from '../src/modules/engine/engine.service';
import { DeliveryQueueRepository } from '../src/modules/deliveries/delivery-queue.repository';
import { DeliveryQueueService } from '../src/modules/deliveries/delivery-queue.service';
import { collection, deliveryFactory, sandboxMessage } from './engine-dispatch-fixtures';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

describe('the queue consistency sweep', () => {
  const clock = new TestClock('2026-03-10T09:00:00Z');
  const ctx = useTestContext({}, { clock });
  const clinic = ctx.clinic();
  const { plan, read } = deliveryFactory(() => ctx.app, clock);
  const queue = () => collection<{ dueAt: Date }>(ctx.app, 'delivery_queue');

  beforeAll(async () => {
    await ctx
      .as(clinic)
      .put('/api/settings', { consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] } })
      .expect(200);
  });

  it('gives a waiting delivery that lost its queue entry its entry back, and it is sent', async () => {
    const later = new Date(clock.now().getTime() + 3_600_000);
    const lostScheduled = await plan(clinic.clinicId, { sendAt: later });
    const lostRetrying = await plan(clinic.clinicId);
    const fine = await plan(clinic.clinicId, { sendAt: later });
    // The process stopped after writing the status, before the entry: the entries are not there.
    await collection(ctx.app, 'deliveries').updateOne(
      { _id: lostRetrying._id },
      { $set: { status: 'retrying' } },
    );
    await queue().deleteMany({ _id: { $in: [lostScheduled._id, lostRetrying._id] } });
    const sweep = (from: Date | null) => ctx.app.get(DeliveryQueueService).repair(from, clock.now());

    // A minute later its process may still be writing: left alone.
    clock.advance(60_000);
    expect(await sweep(null)).toBe(0);
    clock.advance(2 * 60_000);
    expect(await sweep(null)).toBe(2);
    expect((await queue().findOne({ _id: lostScheduled._id }))?.dueAt).toEqual(later);
    expect((await queue().findOne({ _id: lostRetrying._id }))?.dueAt).toEqual(clock.now());
    // The entry that was there is untouched, and a second sweep finds nothing more.
    expect((await queue().findOne({ _id: fine._id }))?.dueAt).toEqual(later);
    expect(await sweep(null)).toBe(0);

    await ctx.app.get(EngineService).drain();
    expect((await read(lostRetrying)).status).toBe('sent');
    expect(await sandboxMessage(ctx.app, lostRetrying._id)).not.toBeNull();
    clock.set(later.toISOString());
    await ctx.app.get(EngineService).drain();
    expect((await read(lostScheduled)).status).toBe('sent');
  });

  it('looks only at the window it is given after its first sweep', async () => {
    const lost = await plan(clinic.clinicId);
    await queue().deleteOne({ _id: lost._id });
    clock.advance(10 * 60_000);
    const sweep = ctx.app.get(DeliveryQueueService);
    expect(await sweep.repair(new Date(clock.now().getTime() - 5 * 60_000), clock.now())).toBe(0);
    expect(await sweep.repair(new Date(clock.now().getTime() - 24 * 3_600_000), clock.now())).toBe(1);
  });
});

describe('the queue consistency sweep with a settle time of its own', () => {
  const clock = new TestClock('2026-03-10T09:00:00Z');
  const ctx = useTestContext({ QUEUE_REPAIR_SETTLE_SECONDS: '5' }, { clock });
  const clinic = ctx.clinic();
  const { plan } = deliveryFactory(() => ctx.app, clock);

  it('repairs a delivery changed longer ago than QUEUE_REPAIR_SETTLE_SECONDS, not sooner', async () => {
    const lost = await plan(clinic.clinicId);
    await collection(ctx.app, 'delivery_queue').deleteOne({ _id: lost._id });
    const sweep = () => ctx.app.get(DeliveryQueueService).repair(null, clock.now());
    clock.advance(4_000);
    expect(await sweep()).toBe(0);
    clock.advance(2_000);
    expect(await sweep()).toBe(1);
  });

  it('gives no entry to a delivery sent between its two reads (its entry was removed because it needs none)', async () => {
    const sent = await plan(clinic.clinicId);
    const queue = ctx.app.get(DeliveryQueueRepository);
    clock.advance(10_000);
    // The race, made to happen: the sweep has read the delivery as waiting; it is sent (and its entry removed)
    // before the sweep reads the entries.
    const existing = queue.existing.bind(queue);
    const spy = jest.spyOn(queue, 'existing').mockImplementationOnce(async (ids) => {
      await collection(ctx.app, 'deliveries').updateOne(
        { _id: sent._id },
        { $set: { status: 'sent', updatedAt: clock.now() } },
      );
      await collection(ctx.app, 'delivery_queue').deleteOne({ _id: sent._id });
      return existing(ids);
    });
    try {
      expect(await ctx.app.get(DeliveryQueueService).repair(null, clock.now())).toBe(0);
      expect(await collection(ctx.app, 'delivery_queue').findOne({ _id: sent._id })).toBeNull();
    } finally {
      spy.mockRestore();
    }
  });
});
