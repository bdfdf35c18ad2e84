import { EngineService } from '../src/modules/engine/engine.service';
import { deliveryDocument, storeDeliveries } from './report-fixtures';
import { startReplyingSmsc, type ReplyingSmsc } from './replies-smsc';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

describe('deliveries report: status on demand (S2)', () => {
  const clock = new TestClock('2026-03-10T09:00:00Z');
  const ctx = useTestContext({}, { clock });
  const clinic = ctx.clinic();
  let smsc: ReplyingSmsc;

  beforeAll(async () => {
    smsc = await startReplyingSmsc();
    await ctx
      .as(clinic)
      .put('/api/settings', {
        testMode: false,
        consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
        providers: {
          sms: {
            kind: 'smpp',
            options: { host: '127.0.0.1', port: smsc.port, systemId: 'clinic', defaultFrom: 'Cabinet' },
            credentials: { password: 'secret' },
          },
        },
      })
      .expect(200);
    await ctx.as(clinic).post('/api/settings/credits/top-ups', { credits: 10 }).expect(200);
    await storeDeliveries(ctx.app, [
      deliveryDocument(clinic.clinicId, 'dlv-refresh', {
        sendAt: clock.now(),
        createdAt: clock.now(),
        template: { byLanguage: { fr: { body: 'Votre RDV est demain.' } } },
      }),
      deliveryDocument(clinic.clinicId, 'dlv-later', {
        sendAt: '2026-03-12T09:00:00Z',
        createdAt: clock.now(),
        template: { byLanguage: { fr: { body: 'Plus tard.' } } },
      }),
    ]);
    await ctx.app.get(EngineService).drain();
  });
  afterAll(() => smsc.close());

  const refresh = (id: string) => ctx.as(clinic, clinic.staffToken).post(`/api/deliveries/${id}/refresh`);

  it('should ask the SMS centre and keep a message on its way as sent', async () => {
    const { body } = await refresh('dlv-refresh').expect(200);
    expect(body).toMatchObject({ status: 'sent', providerAnswered: true, provider: expect.any(String) });
  });

  it('should mark it delivered once the SMS centre says so', async () => {
    smsc.queryState = 2;
    const { body } = await refresh('dlv-refresh').expect(200);
    expect(body).toMatchObject({ status: 'delivered', deliveredAt: '2026-03-10T09:00:00.000Z' });
    expect(body.history.map((h: { status: string }) => h.status)).toEqual([
      'scheduled',
      'sending',
      'sent',
      'delivered',
    ]);
  });

  it.each([
    ['dlv-refresh', 'delivered'],
    ['dlv-later', 'scheduled'],
  ])('should answer 409 for %s (%s)', async (id) => {
    await refresh(id).expect(409);
  });
});
