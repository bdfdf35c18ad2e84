import { SettingsRepository } from '../src/modules/settings/settings.repository';
import { sandboxMessage } from './engine-dispatch-fixtures';
import { engineDriver } from './engine-fixtures';
import { deliveryDocument, storeDeliveries } from './report-fixtures';
import { useTestContext, type TestClinic } from './test-app';
import { TestClock } from './test-clock';

/**
 * S7: "retry all failed for credits". After a top-up, one action sends again every message of the clinic that
 * failed with `credits-exhausted`, through the same retry as one message; the engine sends them at its pace and
 * the progress says how many are left. While the balance is still empty the action is refused.
 */
describe('credits: retry all failed for credits', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  const perPractitioner = ctx.clinic();

  const settings = (of: TestClinic, update: object) =>
    ctx
      .as(of)
      .put('/api/settings', {
        consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
        testMode: false,
        providers: { sms: { kind: 'sandbox', options: { receipts: false } } },
        ...update,
      })
      .expect(200);
  const topUp = (of: TestClinic, credits: number, resourceId?: string) =>
    ctx
      .as(of)
      .post('/api/settings/credits/top-ups', { credits, ...(resourceId ? { resourceId } : {}) })
      .expect(200);
  const progress = async (of: TestClinic) =>
    (await ctx.as(of, of.staffToken).get('/api/deliveries/credits-retries').expect(200)).body;
  const detail = async (of: TestClinic, id: string) =>
    (await ctx.as(of).get(`/api/deliveries/${id}`).expect(200)).body;

  let sent: string[] = [];

  beforeAll(async () => {
    await settings(clinic, {});
    await topUp(clinic, 2);
    for (const to of [
      '06 11 11 11 11',
      '06 22 22 22 22',
      '06 33 33 33 33',
      '06 44 44 44 44',
      '06 55 55 55 55',
    ]) {
      const answer = await ctx
        .as(clinic, clinic.staffToken)
        .post('/api/sends', { channel: 'sms', to, template: { body: 'Votre RDV est confirmé.' } })
        .expect(201);
      sent.push(answer.body.id);
    }
    // a message that failed for another reason: never sent again by this action
    await storeDeliveries(ctx.app, [
      deliveryDocument(clinic.clinicId, 'd-bad-number', {
        status: 'failed',
        error: { code: 'invalid-number', reason: 'The number does not exist' },
      }),
    ]);
    await engine.at('2026-03-02T08:00:30Z');
    sent = sent.sort();
  });

  it('should count the messages that failed for want of credits', async () => {
    const statuses = await Promise.all(sent.map(async (id) => (await detail(clinic, id)).status));
    expect(statuses.filter((status) => status === 'sent')).toHaveLength(2);
    expect(await progress(clinic)).toEqual({ failed: 3, left: 0 });
  });

  it('should refuse while the balance is still empty, saying why, and change nothing', async () => {
    const { body } = await ctx
      .as(clinic, clinic.staffToken)
      .post('/api/deliveries/credits-retries')
      .expect(409);
    expect(body).toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('credits are still empty'),
      errors: [{ path: 'credits.balance', message: expect.stringContaining('top up') }],
    });
    expect(await progress(clinic)).toEqual({ failed: 3, left: 0 });
  });

  it('should send them all again in one action after a top-up, and count down what is left', async () => {
    await topUp(clinic, 10);
    const failed = (await ctx.as(clinic).get('/api/deliveries?status=failed').expect(200)).body.items.filter(
      (item: { error: { code: string } }) => item.error.code === 'credits-exhausted',
    );
    const { body } = await ctx
      .as(clinic, clinic.staffToken)
      .post('/api/deliveries/credits-retries')
      .expect(200);
    expect(body).toEqual({ retried: 3, unpaid: 0, failed: 0, left: 3 });
    expect(await progress(clinic)).toEqual({ failed: 0, left: 3 });
    for (const { id } of failed) {
      expect(await detail(clinic, id)).toMatchObject({
        status: 'scheduled',
        error: null,
        history: expect.arrayContaining([
          expect.objectContaining({
            status: 'scheduled',
            reason: 'retried',
            by: expect.stringMatching(/^staff-/),
          }),
        ]),
      });
    }

    await engine.at('2026-03-02T08:01:00Z');
    expect(await progress(clinic)).toEqual({ failed: 0, left: 0 });
    for (const { id } of failed) {
      expect(await detail(clinic, id)).toMatchObject({ status: 'sent', credits: 1 });
      expect((await sandboxMessage(ctx.app, id))?.sendCalls).toBe(1);
    }
    const stored = await ctx.app.get(SettingsRepository).findForClinic(clinic.clinicId);
    expect(stored!.credits.balance).toBe(7);
    expect((await detail(clinic, 'd-bad-number')).status).toBe('failed');
    // nothing left to send again: a count of zero, not an error
    expect((await ctx.as(clinic).post('/api/deliveries/credits-retries').expect(200)).body).toMatchObject({
      retried: 0,
      failed: 0,
    });
  });

  it('should send again only the messages whose practitioner has credits when credits are kept per practitioner', async () => {
    await settings(perPractitioner, { creditsScope: 'practitioner' });
    const failedFor = (id: string, resourceId: string) =>
      deliveryDocument(perPractitioner.clinicId, id, {
        status: 'failed',
        resourceId,
        sendAt: '2026-03-02T07:00:00Z',
        template: { byLanguage: { fr: { body: 'Rappel' } } },
        recipient: { type: 'patient', name: 'Léa Martin', address: '+33612345678' },
        error: { code: 'credits-exhausted', reason: 'credits exhausted' },
      });
    await storeDeliveries(ctx.app, [
      failedFor('pp-martin', 'res-martin'),
      failedFor('pp-dupont', 'res-dupont'),
    ]);
    const refused = await ctx.as(perPractitioner).post('/api/deliveries/credits-retries').expect(409);
    expect(refused.body.errors[0].path).toBe('credits.balance');

    await topUp(perPractitioner, 5, 'res-martin');
    const { body } = await ctx.as(perPractitioner).post('/api/deliveries/credits-retries').expect(200);
    expect(body).toEqual({ retried: 1, unpaid: 1, failed: 1, left: 1 });
    await engine.at('2026-03-02T08:02:00Z');
    expect((await detail(perPractitioner, 'pp-martin')).status).toBe('sent');
    expect(await detail(perPractitioner, 'pp-dupont')).toMatchObject({
      status: 'failed',
      error: { code: 'credits-exhausted' },
    });
    expect(await progress(perPractitioner)).toEqual({ failed: 1, left: 0 });
  });

  it('should keep one clinic’s failed messages out of another’s retry', async () => {
    expect(await progress(perPractitioner)).toEqual({ failed: 1, left: 0 });
    await ctx.as(clinic).post('/api/deliveries/credits-retries').expect(200);
    expect((await detail(perPractitioner, 'pp-dupont')).status).toBe('failed');
  });
});
