import { DeliveryReceiptService } from '../src/modules/dispatcher/delivery-receipt.service';
import { EngineService } from '../src/modules/engine/engine.service';
import { startSmsc, type Smsc } from './engine-dispatch-peers';
import { collection, deliveryFactory, sendSmsThrough, smscProvider, until } from './engine-dispatch-fixtures';
import { useTestContext, type TestClinic } from './test-app';
import { TestClock } from './test-clock';

/**
 * Provider message ids are linked to deliveries per clinic (issue 17): two clinics whose SMS centres number
 * their messages alike (both "msg-1") each get their own delivery receipt; links written before, without the
 * clinic in their key, are still read, and only for their own clinic.
 */
const clock = new TestClock('2026-03-02T08:00:00Z');
// the SMS centres of this test listen on 127.0.0.1, which the outbound host guard lets through only when listed
const ctx = useTestContext({ CLINICFLOW_ALLOWED_PROVIDER_HOSTS: '127.0.0.1' }, { clock });
const { plan, read } = deliveryFactory(() => ctx.app, clock);
const a = ctx.clinic();
const b = ctx.clinic();
let smscA: Smsc;
let smscB: Smsc;

function useSmsc(clinic: TestClinic, smsc: Smsc) {
  return sendSmsThrough(ctx, clinic, smscProvider(smsc), 10);
}

beforeAll(async () => {
  [smscA, smscB] = await Promise.all([startSmsc(), startSmsc()]);
  await useSmsc(a, smscA);
  await useSmsc(b, smscB);
});
afterAll(async () => {
  await Promise.all([smscA.close(), smscB.close()]);
});

describe('provider message links', () => {
  it('should give each of two clinics whose SMS centres answered the same message id its own receipt', async () => {
    smscA.receipts = true;
    smscB.receipts = true;
    const ofA = await plan(a.clinicId);
    const ofB = await plan(b.clinicId);
    await ctx.app.get(EngineService).drain();
    expect((await read(ofA)).providerMessageId).toBe('msg-1');
    expect((await read(ofB)).providerMessageId).toBe('msg-1');

    await until(
      async () => (await read(ofA)).status === 'delivered' && (await read(ofB)).status === 'delivered',
    );
    const links = collection<{ clinicId: string; deliveryId: string }>(ctx.app, 'provider_messages');
    expect(await links.find({ deliveryId: { $in: [ofA._id, ofB._id] } }).toArray()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          _id: `${a.clinicId}:smpp:msg-1`,
          clinicId: a.clinicId,
          deliveryId: ofA._id,
        }),
        expect.objectContaining({
          _id: `${b.clinicId}:smpp:msg-1`,
          clinicId: b.clinicId,
          deliveryId: ofB._id,
        }),
      ]),
    );
  });

  it('should still read a link written before links were per clinic, for its own clinic only', async () => {
    smscA.receipts = false;
    const older = await plan(a.clinicId);
    await ctx.app.get(EngineService).drain();
    const sent = await read(older);
    expect(sent).toMatchObject({ status: 'sent', providerMessageId: 'msg-2' });
    // the link as it was written before: `<provider>:<id>`, without the clinic
    const links = collection<{ clinicId: string; deliveryId: string; at: Date }>(
      ctx.app,
      'provider_messages',
    );
    await links.deleteOne({ _id: `${a.clinicId}:smpp:msg-2` });
    await links.insertOne({
      _id: 'smpp:msg-2',
      clinicId: a.clinicId,
      deliveryId: older._id,
      at: clock.now(),
    });

    const receipts = ctx.app.get(DeliveryReceiptService);
    const receipt = { providerMessageId: 'msg-2', status: 'delivered' as const, at: clock.now() };
    expect(await receipts.apply(b.clinicId, 'smpp', receipt)).toBe('unknown');
    expect(await receipts.apply(a.clinicId, 'smpp', receipt)).toMatchObject({
      _id: older._id,
      status: 'delivered',
    });
  });
});
