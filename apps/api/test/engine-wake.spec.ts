// The engine ticking by itself (ENGINE_ENABLED=true) with a tick of a minute: a message planned to go now is
// sent at once, because planning announces it (DueWork) and the engine wakes up, instead of at the next tick.
import { ClockRepository } from '../src/common/clock.repository';
import { deliveryFactory, until } from './engine-dispatch-fixtures';
import { useTestContext } from './test-app';
import type { TestClock } from './test-clock';

const TICK_MS = 60_000;
const ctx = useTestContext({ ENGINE_ENABLED: 'true', ENGINE_TICK_MS: String(TICK_MS) });
const realClock = { now: () => new Date() } as TestClock;
const { plan, read } = deliveryFactory(() => ctx.app, realClock);

describe('engine: woken by due work', () => {
  const clinic = ctx.clinic();

  beforeAll(async () => {
    await ctx
      .as(clinic)
      .put('/api/settings', {
        consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
        quietHours: { windows: [], noSendWeekdays: [], holidays: [] },
        providers: { sms: { kind: 'sandbox', options: { receipts: false } } },
      })
      .expect(200);
    // The tick at start-up found nothing due: the next one is a minute away.
    await new Promise((resolve) => setTimeout(resolve, 200));
  });

  it('should send a message planned to go now before the next tick', async () => {
    expect(ctx.app.get(ClockRepository).now().getTime()).toBeGreaterThan(Date.now() - 5_000);
    const delivery = await plan(clinic.clinicId);
    // Well under a tick: only a wake-up can have sent it in time.
    await until(async () => (await read(delivery)).status === 'sent', TICK_MS / 4);
    expect(await read(delivery)).toMatchObject({ status: 'sent', attempt: 1 });
  });

  it('should leave a message due later to its time', async () => {
    const delivery = await plan(clinic.clinicId, { sendAt: new Date(Date.now() + 10 * TICK_MS) });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await read(delivery)).toMatchObject({ status: 'scheduled', attempt: 0 });
  });
});
