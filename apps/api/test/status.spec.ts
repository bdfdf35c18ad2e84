import { deliveryDocument, storeDeliveries } from './report-fixtures';
import { TestClock } from './test-clock';
import { useTestContext } from './test-app';

describe('service status', () => {
  const clock = new TestClock('2026-03-06T10:00:00Z');
  const ctx = useTestContext({}, { clock });
  const a = ctx.clinic();
  const b = ctx.clinic();
  const empty = ctx.clinic();

  beforeAll(async () => {
    const d = (id: string, fields: Parameters<typeof deliveryDocument>[2]) =>
      deliveryDocument(a.clinicId, id, fields);
    await storeDeliveries(ctx.app, [
      d('s1', { channel: 'sms', status: 'delivered', sentAt: '2026-03-06T09:00:00Z' }),
      d('s2', { channel: 'sms', status: 'delivered', sentAt: '2026-03-05T09:00:00Z' }),
      // 23:30 UTC on the 5th is 00:30 on the 6th in Paris: sent "today" for the clinic.
      d('s8', { channel: 'sms', status: 'sent', sentAt: '2026-03-05T23:30:00Z' }),
      d('s3', {
        channel: 'sms',
        status: 'failed',
        updatedAt: new Date('2026-03-06T08:00:00Z'),
        error: { code: 'credits-exhausted', reason: 'The clinic has no SMS credits left.' },
      }),
      d('s4', {
        channel: 'sms',
        status: 'failed',
        updatedAt: new Date('2026-03-05T08:00:00Z'),
        error: { code: 'authentication', reason: 'The provider refused the credentials.' },
      }),
      d('s5', { channel: 'sms', status: 'scheduled', sendAt: '2026-03-06T09:50:00Z' }),
      d('s6', { channel: 'email', status: 'scheduled', sendAt: '2026-03-07T09:00:00Z' }),
      d('s7', { channel: 'email', status: 'delivered', sentAt: '2026-03-06T00:00:00Z' }),
      deliveryDocument(b.clinicId, 'b1', {
        channel: 'sms',
        status: 'scheduled',
        sendAt: '2026-03-06T06:00:00Z',
      }),
      deliveryDocument(b.clinicId, 'b2', {
        channel: 'voice',
        status: 'sent',
        sentAt: '2026-03-06T09:30:00Z',
      }),
    ]);
  });

  it('should give per channel the last send, the last error, waiting and sent today, and the lag', async () => {
    const { body } = await ctx.as(a).get('/api/status').expect(200);
    expect(body).toMatchObject({
      at: '2026-03-06T10:00:00.000Z',
      waiting: 2,
      sentToday: 3,
      oldestDueAt: '2026-03-06T09:50:00.000Z',
      dispatcherLagSeconds: 600,
    });
    expect(body.channels.sms).toMatchObject({
      lastSentAt: '2026-03-06T09:00:00.000Z',
      lastError: {
        at: '2026-03-06T08:00:00.000Z',
        deliveryId: 's3',
        code: 'credits-exhausted',
        reason: 'The clinic has no SMS credits left.',
      },
      waiting: 1,
      sentToday: 2,
    });
    expect(body.channels.email).toMatchObject({
      lastSentAt: '2026-03-06T00:00:00.000Z',
      lastError: null,
      waiting: 1,
      sentToday: 1,
    });
    expect(body.channels.voice).toMatchObject({
      lastSentAt: null,
      lastError: null,
      waiting: 0,
      sentToday: 0,
    });
  });

  it('should answer for a clinic that never sent anything', async () => {
    const { body } = await ctx.as(empty).get('/api/status').expect(200);
    expect(body).toMatchObject({ waiting: 0, sentToday: 0, oldestDueAt: null, dispatcherLagSeconds: 0 });
    expect(body.channels.sms).toMatchObject({ enabled: true, provider: 'sandbox', lastSentAt: null });
  });

  it('should be open to staff and closed without a token', async () => {
    await ctx.as(a, a.staffToken).get('/api/status').expect(200);
    await ctx.http().get('/api/status').expect(401);
  });
});
