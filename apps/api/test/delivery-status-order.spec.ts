import type { DeliveryReport } from '@clinicflow/channels';
import type { DeliveryDocument } from '../src/modules/deliveries/delivery.document';
import { DeliveryStatusService } from '../src/modules/deliveries/delivery-status.service';
import { DeliveryReceiptService } from '../src/modules/dispatcher/delivery-receipt.service';
import { deliveryFactory } from './engine-dispatch-fixtures';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

/**
 * A sent message's status only moves forward (issue 18, docs/engine.md): receipts are written with the
 * status order and the attempt that sent them in the update's filter, so the database decides whichever
 * write comes first: a late "delivered" leaves "answered", "failed" and "delivered" together end delivered,
 * and a receipt for an older attempt leaves the newer attempt's status alone.
 */
const clock = new TestClock('2026-03-02T08:00:00Z');
const ctx = useTestContext({}, { clock });
const { plan, read } = deliveryFactory(() => ctx.app, clock);
const clinic = ctx.clinic();
const PROVIDER = 'sandbox';
let counter = 0;

const status = () => ctx.app.get(DeliveryStatusService);
const receipt = (providerMessageId: string, report: Omit<DeliveryReport, 'providerMessageId' | 'at'>) =>
  ctx.app
    .get(DeliveryReceiptService)
    .apply(clinic.clinicId, PROVIDER, { providerMessageId, at: clock.now(), ...report });

/** A delivery whose attempt `attempt` was sent under a new provider id. */
async function sent(delivery?: DeliveryDocument, attempt = 1) {
  const current = delivery ?? (await plan(clinic.clinicId));
  const providerMessageId = `pm-${++counter}`;
  const claimed = await status().record(current, {
    status: 'sending',
    at: clock.now(),
    set: { attempt, leaseUntil: new Date(clock.now().getTime() + 60_000) },
  });
  const done = await status().recordSent(claimed, { at: clock.now() }, PROVIDER, providerMessageId);
  return { delivery: done, providerMessageId };
}

const statusesOf = (delivery: DeliveryDocument) => delivery.history.map((entry) => entry.status);

describe('delivery status order', () => {
  it('should leave an answered message answered when its delivered receipt comes late', async () => {
    const { delivery, providerMessageId } = await sent();
    await status().record(delivery, { status: 'answered', at: clock.now(), by: 'patient' });

    expect(await receipt(providerMessageId, { status: 'delivered' })).toBeNull();
    expect((await read(delivery)).status).toBe('answered');
  });

  it('should let the database refuse a delivered receipt read before the answer was written', async () => {
    const { delivery, providerMessageId } = await sent();
    const readByTheReceipt = await read(delivery);
    await status().record(delivery, { status: 'answered', at: clock.now(), by: 'patient' });

    const written = await status().recordReceipt(
      readByTheReceipt,
      { status: 'delivered', at: clock.now(), set: { deliveredAt: clock.now() } },
      { providerMessageId, attempt: 1 },
    );

    expect(written).toBeNull();
    const stored = await read(delivery);
    expect(stored.status).toBe('answered');
    expect(statusesOf(stored)).not.toContain('delivered');
  });

  it('should end delivered when failed and delivered receipts arrive together', async () => {
    const messages = await Promise.all(Array.from({ length: 12 }, () => sent()));
    await Promise.all(
      messages.flatMap(({ providerMessageId }, i) => {
        const failed = () => receipt(providerMessageId, { status: 'failed', errorCode: 'X' });
        const delivered = () => receipt(providerMessageId, { status: 'delivered' });
        return i % 2 ? [failed(), delivered()] : [delivered(), failed()];
      }),
    );

    const stored = await Promise.all(messages.map(({ delivery }) => read(delivery)));
    expect(stored.map((d) => d.status)).toEqual(messages.map(() => 'delivered'));
    expect(stored.map((d) => d.error)).toEqual(messages.map(() => null));
  });

  it('should end delivered whichever of failed and delivered is written first', async () => {
    const first = await sent();
    await receipt(first.providerMessageId, { status: 'failed', errorCode: 'X' });
    await receipt(first.providerMessageId, { status: 'delivered' });
    const second = await sent();
    await receipt(second.providerMessageId, { status: 'delivered' });
    await receipt(second.providerMessageId, { status: 'failed', errorCode: 'X' });

    expect((await read(first.delivery)).status).toBe('delivered');
    const stored = await read(second.delivery);
    expect(stored.status).toBe('delivered');
    expect(statusesOf(stored)).not.toContain('failed');
  });

  it("should not change a newer attempt's status on a receipt for an older attempt", async () => {
    const old = await sent();
    const renewed = await sent(old.delivery, 2);

    expect(await receipt(old.providerMessageId, { status: 'failed', errorCode: 'X' })).toBeNull();
    expect((await read(old.delivery)).status).toBe('sent');
    await receipt(renewed.providerMessageId, { status: 'delivered' });
    expect((await read(old.delivery)).status).toBe('delivered');
  });

  it('should not turn a newer attempt that failed to send into delivered on the older attempt receipt', async () => {
    const old = await sent();
    // Attempt 2 is refused by the provider: it fails without a provider id of its own.
    const claimed = await status().record(old.delivery, {
      status: 'sending',
      at: clock.now(),
      set: { attempt: 2 },
    });
    await status().record(claimed, {
      status: 'failed',
      at: clock.now(),
      set: { error: { code: 'refused', reason: 'refused' } },
    });

    expect(await receipt(old.providerMessageId, { status: 'delivered' })).toBeNull();
    const stored = await read(old.delivery);
    expect(stored.status).toBe('failed');
    expect(stored.attempt).toBe(2);
  });
});
