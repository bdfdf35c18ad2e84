// An event the engine cannot process (issue 22): tried again with a growing wait, set aside after its attempts
// (never dropped), shown on the service status, told to the admin by a real e-mail, and processed again when a
// manager asks.
import { bookingConfirmationFlow } from '@clinicflow/rules';
import { MongoServerError } from 'mongodb';
import { externalDocumentId } from '../src/common/ids';
import { EngineService } from '../src/modules/engine/engine.service';
import { EVENT_ATTEMPTS } from '../src/modules/intake/event-intake.service';
import { EventEngineService } from '../src/modules/runs/event-engine.service';
import { smtpTo, startMailbox, type Mailbox } from './engine-dispatch-peers';
import { until } from './engine-dispatch-fixtures';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

const MINUTE = 60_000;

describe('events the engine cannot process: backoff, set aside, process again', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  const admin = 'admin@cabinet.example';
  let mailbox: Mailbox;

  const status = async () => (await ctx.as(clinic).get('/api/status').expect(200)).body;
  const tick = () => ctx.app.get(EngineService).drain();
  const appointmentId = (key: string) => externalDocumentId('apt', clinic.clinicId, `A-${key}`);

  beforeAll(async () => {
    mailbox = await startMailbox();
    await engine.settings(clinic, {
      consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
      adminEmail: admin,
      providers: { email: smtpTo(mailbox, 'Cabinet <rdv@cabinet.example>') },
      testMode: false,
    });
    await engine.publish(clinic, bookingConfirmationFlow);
  });
  afterAll(() => mailbox.close());
  afterEach(() => jest.restoreAllMocks());

  it('should try a failing event again with a growing wait, set it aside after its attempts, and tell the admin', async () => {
    // The engine refuses this event every time (a write the database refuses: it would recur); the others go.
    const events = ctx.app.get(EventEngineService);
    const process = events.process.bind(events);
    const stuckId = externalDocumentId('evt', clinic.clinicId, 'stuck');
    const attempts: string[] = [];
    jest.spyOn(events, 'process').mockImplementation(async (clinicId, id) => {
      if (id !== stuckId) return process(clinicId, id);
      attempts.push(clock.now().toISOString());
      throw new MongoServerError({ message: 'Document failed validation', code: 121 });
    });
    const processing = { calls: () => attempts.length };
    await engine.post(clinic, bookingEvent('stuck', 'A-stuck', '2026-03-09T10:00')).expect(202);
    expect(processing.calls()).toBe(1);
    expect(await engine.runs(clinic, { appointmentId: appointmentId('stuck') })).toEqual([]);

    // The sweep takes it over after 15 s; a failure waits 30 s (±20 %) before the next attempt, not the next tick.
    clock.advance(20_000);
    await tick();
    expect(processing.calls()).toBe(2);
    clock.advance(20_000);
    await tick();
    expect(processing.calls()).toBe(2);
    clock.advance(20_000);
    await tick();
    expect(processing.calls()).toBe(3);

    // The waits double (at most 30 min): the attempts are spent after about two hours, not seconds.
    let minutes = 1;
    while (processing.calls() < EVENT_ATTEMPTS + 1 && minutes < 6 * 60) {
      clock.advance(MINUTE);
      minutes++;
      await tick();
    }
    expect(processing.calls()).toBe(EVENT_ATTEMPTS + 1);
    expect(minutes).toBeGreaterThan(90);

    // Set aside: kept, listed on the service status, tried no more.
    const { eventsSetAside } = await status();
    expect(eventsSetAside).toEqual({
      count: 1,
      items: [
        {
          id: 'stuck',
          type: 'appointment.booked',
          receivedAt: expect.any(String),
          attempts: EVENT_ATTEMPTS,
          lastError: 'MongoServerError (code 121): message withheld from the log',
          setAsideAt: clock.now().toISOString(),
        },
      ],
    });
    clock.advance(60 * MINUTE);
    await tick();
    expect(processing.calls()).toBe(EVENT_ATTEMPTS + 1);

    // The admin was told once, by e-mail, without the event's details.
    await until(() => mailbox.received.some((mail) => mail.to.includes(admin)));
    const alerts = mailbox.received.filter((mail) => mail.to.includes(admin));
    expect(alerts).toHaveLength(1);
    expect(alerts[0].mail.text).toContain('mis de côté');
    expect(alerts[0].mail.text).not.toContain('stuck');
  });

  it('should process an event set aside again when a manager asks, and refuse staff and unknown ids', async () => {
    await ctx.as(clinic, clinic.staffToken).post('/api/events/stuck/process-again', {}).expect(403);
    const unknown = await ctx.as(clinic).post('/api/events/nobody/process-again', {}).expect(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, message: 'No event set aside has this id' });

    const again = await ctx.as(clinic).post('/api/events/stuck/process-again', {}).expect(200);
    expect(again.body).toEqual({ id: 'stuck', status: 'pending' });
    expect((await status()).eventsSetAside).toEqual({ count: 0, items: [] });
    // A second ask finds nothing set aside any more.
    await ctx.as(clinic).post('/api/events/stuck/process-again', {}).expect(404);
    // The manager's act is in the audit trail (once: the refused asks did nothing).
    const trail = await ctx.as(clinic).get('/api/audit?action=event.processed-again').expect(200);
    expect(trail.body.items).toEqual([
      expect.objectContaining({
        action: 'event.processed-again',
        target: { type: 'event', id: 'stuck', label: null },
        actor: expect.objectContaining({ kind: 'user' }),
      }),
    ]);

    clock.advance(20_000);
    await tick();
    const runs = await engine.runs(clinic, { appointmentId: appointmentId('stuck') });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ flowId: expect.any(String), status: 'ended' });
    expect(await engine.deliveries(clinic, { appointmentId: appointmentId('stuck') })).toHaveLength(1);
  });
});
