import { bookingEvent, engineDriver } from './engine-fixtures';
import { bookingChain, patientMessage, waitBefore } from './engine-scenario-flows';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

/** The live overlay's numbers, from real runs and deliveries made by the engine (issue 7 item 7). */
describe('GET /api/flows/:id/activity', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const everyone = { consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] } };
  const reminderFlow = bookingChain('Reminder 24 h before', [
    waitBefore('wait24', 1, 24, 'hours'),
    patientMessage('sms24', 2, 'sms', 'reminder'),
  ]);
  const zero = { entered: 0, waiting: 0, sent: 0, skipped: 0, failed: 0 };

  const clinic = ctx.clinic();
  const other = ctx.clinic();
  let flowId = '';

  it('counts the runs that entered each step today and those waiting, then the SMS sent when the wait ends', async () => {
    await engine.settings(clinic, everyone);
    flowId = await engine.publish(clinic, reminderFlow);
    // Paris: A1 is tomorrow 10:00 (its reminder is due at 09:00Z today), A2 in four days.
    await engine.post(clinic, bookingEvent('a1', 'A1', '2026-03-03T10:00')).expect(202);
    await engine.post(clinic, bookingEvent('a2', 'A2', '2026-03-06T10:00')).expect(202);
    await engine.at('2026-03-02T08:00:00Z');

    const before = await ctx.as(clinic).get(`/api/flows/${flowId}/activity`).expect(200);
    expect(before.body).toMatchObject({ day: '2026-03-02', timeZone: 'Europe/Paris' });
    expect(before.body.nodes).toEqual({
      booked: { ...zero, entered: 2 },
      wait24: { ...zero, entered: 2, waiting: 2 },
      sms24: zero,
      end: zero,
    });
    expect(before.body.latest).toHaveLength(2);
    expect(before.body.latest[0]).toMatchObject({
      nodeId: 'wait24',
      status: 'waiting',
      patientInitials: expect.stringMatching(/^[A-Z]\. [A-Z]\.$/),
    });

    await engine.at('2026-03-02T09:00:00Z');
    const after = await ctx.as(clinic).get(`/api/flows/${flowId}/activity`).expect(200);
    expect(after.body.nodes).toEqual({
      booked: { ...zero, entered: 2 },
      wait24: { ...zero, entered: 2, waiting: 1 },
      sms24: { ...zero, entered: 1, sent: 1 },
      end: { ...zero, entered: 1 },
    });
    const [sms] = await engine.deliveries(clinic, { nodeId: 'sms24' });
    expect(after.body.latest).toContainEqual({
      at: sms.updatedAt.toISOString(),
      nodeId: 'sms24',
      deliveryId: sms._id,
      runId: sms.runId,
      status: sms.status,
      recipientName: 'Léa Martin',
      patientInitials: 'L. M.',
    });
    expect(['sent', 'delivered']).toContain(sms.status);
  });

  it('reads another clinic day when asked, and starts the next day from zero except the runs still waiting', async () => {
    const yesterday = await ctx.as(clinic).get(`/api/flows/${flowId}/activity?day=2026-03-01`).expect(200);
    expect(yesterday.body.nodes.booked).toEqual(zero);
    expect(yesterday.body.latest).toEqual([]);

    clock.set('2026-03-03T07:00:00Z');
    const nextDay = await ctx.as(clinic).get(`/api/flows/${flowId}/activity`).expect(200);
    expect(nextDay.body.day).toBe('2026-03-03');
    expect(nextDay.body.nodes).toEqual({
      booked: zero,
      wait24: { ...zero, waiting: 1 },
      sms24: zero,
      end: zero,
    });
  });

  it('lets staff read it, answers 404 for another clinic’s flow and 400 naming a bad day', async () => {
    await ctx.as(clinic, clinic.staffToken).get(`/api/flows/${flowId}/activity`).expect(200);
    await ctx.as(other).get(`/api/flows/${flowId}/activity`).expect(404);
    const bad = await ctx.as(clinic).get(`/api/flows/${flowId}/activity?day=tomorrow`).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: expect.stringContaining('day') })]);
  });

  const broke = ctx.clinic();
  it('counts a failed SMS with its reason, the same one the deliveries report lists for the failed count', async () => {
    clock.set('2026-03-04T08:00:00Z');
    // out of test mode and with no credits bought, the SMS fails with "credits exhausted"
    await ctx
      .as(broke)
      .put('/api/settings', { ...everyone, testMode: false })
      .expect(200);
    const noticeId = await engine.publish(
      broke,
      bookingChain('Booked notice', [patientMessage('sms-now', 1, 'sms')]),
    );
    await engine.post(broke, bookingEvent('b1', 'B1', '2026-03-10T10:00')).expect(202);
    await engine.at('2026-03-04T08:00:00Z');

    const activity = await ctx.as(broke).get(`/api/flows/${noticeId}/activity`).expect(200);
    expect(activity.body.nodes['sms-now']).toEqual({ ...zero, entered: 1, failed: 1 });
    expect(activity.body.latest[0]).toMatchObject({
      nodeId: 'sms-now',
      status: 'failed',
      reason: 'credits exhausted',
      recipientName: 'Léa Martin',
    });
    const failed = await ctx
      .as(broke)
      .get(`/api/deliveries?flowId=${noticeId}&status=failed&sendFrom=2026-03-04&sendTo=2026-03-04`)
      .expect(200);
    expect(failed.body.items.map((d: { id: string }) => d.id)).toEqual([activity.body.latest[0].deliveryId]);
  });
});
