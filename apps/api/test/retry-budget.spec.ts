// Retries by time, not by count (issue 22): an SMS centre down for ten minutes delays messages, fails none that
// could still go, and sends each once when it is back; a reminder whose time runs out fails before its
// appointment instead of going late; while the centre fails everything, its messages wait (the breaker) instead
// of hammering it. A real SMPP server, stopped and started again on its port; the engine's clock is the test's.
import type { DeliveryDocument } from '../src/modules/deliveries/delivery.document';
import { EngineService } from '../src/modules/engine/engine.service';
import { startSmsc, type Smsc } from './engine-dispatch-peers';
import { deliveryFactory, sendSmsThrough, smscProvider } from './engine-dispatch-fixtures';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

const MINUTE = 60_000;

describe('an SMS centre down for ten minutes', () => {
  const clock = new TestClock('2026-03-10T09:00:00Z');
  const ctx = useTestContext({}, { clock });
  const clinic = ctx.clinic();
  const { plan, read } = deliveryFactory(() => ctx.app, clock);
  const drain = () => ctx.app.get(EngineService).drain();
  let smsc: Smsc;

  beforeAll(async () => {
    smsc = await startSmsc();
    await sendSmsThrough(ctx, clinic, smscProvider(smsc), 100);
  });
  afterAll(() => smsc.close());

  it('sends every message once it is back, fails none that could still go, and none after its expiry', async () => {
    const inHours = (hours: number) => new Date(clock.now().getTime() + hours * 3_600_000);
    // Reminders for tomorrow's appointments (they expire at the appointment), each its own text, and one for an
    // appointment in 65 minutes: its retries stop an hour before it, while the centre is still down.
    const reminders: DeliveryDocument[] = [];
    for (let n = 1; n <= 6; n++) {
      const template = { byLanguage: { fr: { body: `Rappel ${n} : votre RDV est demain.` } } };
      reminders.push(await plan(clinic.clinicId, { purpose: 'reminder', expiresAt: inHours(24), template }));
    }
    const soonExpiry = inHours(65 / 60);
    const soon = await plan(clinic.clinicId, { purpose: 'reminder', expiresAt: soonExpiry });
    const all = [...reminders, soon];
    const port = smsc.port;
    await smsc.close();

    const seen = new Set<string>();
    const statuses = async (deliveries: DeliveryDocument[]) => {
      const now = await Promise.all(deliveries.map(read));
      for (const d of now) seen.add(d.status);
      for (const entry of now.flatMap((d) => d.history)) if (entry.why) seen.add(`why:${entry.why.code}`);
      return now;
    };
    // Ten minutes down, the engine ticking every 30 s.
    for (let elapsed = 0; elapsed < 10 * MINUTE; elapsed += MINUTE / 2) {
      await drain();
      const now = await statuses(reminders);
      expect(now.filter((d) => d.status === 'failed')).toEqual([]);
      clock.advance(MINUTE / 2);
    }
    expect(seen.has('retrying')).toBe(true);
    // Five failures in a row paused the provider: the others waited instead of connecting again.
    expect(seen.has('why:provider-paused')).toBe(true);

    // Back on its port: within the backoff (at most an hour), every reminder goes, each once.
    smsc = await startSmsc(port);
    for (let elapsed = 0; elapsed < 70 * MINUTE; elapsed += MINUTE) {
      await drain();
      const now = await statuses(all);
      if (now.every((d) => d.status !== 'retrying' && d.status !== 'scheduled' && d.status !== 'sending'))
        break;
      clock.advance(MINUTE);
    }
    const after = await Promise.all(reminders.map(read));
    expect(after.map((d) => d.status)).toEqual(reminders.map(() => 'sent'));
    expect(smsc.submits).toHaveLength(reminders.length);
    expect(new Set(smsc.submits.map((s) => s.text)).size).toBe(reminders.length);

    // The one whose appointment was 65 minutes away: failed before its deadline, never sent late.
    const late = await read(soon);
    expect(late.status).toBe('failed');
    expect(late.error?.reason).toMatch(/no time left to try again before/);
    expect(late.sentAt).toBeNull();
    const failedAt = late.history.find((entry) => entry.status === 'failed')!.at;
    expect(new Date(failedAt).getTime()).toBeLessThanOrEqual(soonExpiry.getTime() - 3_600_000);
  });
});
