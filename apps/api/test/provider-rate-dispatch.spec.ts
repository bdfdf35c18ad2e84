import { ConfigService } from '@nestjs/config';
import type { INestApplication } from '@nestjs/common';
import { SLOT_PERIOD_MS } from '../src/modules/dispatcher/provider-rate-slots';
import { ClockRepository } from '../src/common/clock.repository';
import type { DeliveryDocument } from '../src/modules/deliveries/delivery.document';
import { EngineService, type TickReport } from '../src/modules/engine/engine.service';
import { startSmsc, type Smsc } from './engine-dispatch-peers';
import { collection, deliveryFactory, sendSmsThrough, smscProvider, until } from './engine-dispatch-fixtures';
import { busiestWindow } from './send-windows';
import { createTestApp, useTestContext } from './test-app';
import type { TestClock } from './test-clock';

/**
 * A clinic provider's sending rate held by the dispatcher across two API processes (issue 18, docs/engine.md
 * "Provider rates"): the SMS centre's own receive times show the rate. The rate is per real second, so this spec
 * runs on the real clock, with a count that takes about a dozen seconds at 5 a second.
 */
const ctx = useTestContext();
// The factory plans at "now": the application's (real) clock here.
const realClock = { now: () => ctx.app.get(ClockRepository).now() } as TestClock;
const { planMany, read } = deliveryFactory(() => ctx.app, realClock);
const clinic = ctx.clinic();

const RATE = 5;
const COUNT = 60;

let smsc: Smsc;
let second: INestApplication;

beforeAll(async () => {
  smsc = await startSmsc();
  second = await createTestApp({
    MONGODB_DB_NAME: ctx.app.get(ConfigService).get<string>('MONGODB_DB_NAME')!,
  });
  await sendSmsThrough(ctx, clinic, smscProvider(smsc, { ratePerSecond: RATE }), COUNT);
});
afterAll(async () => {
  await second?.close();
  await smsc?.close();
});

const idle = (report: TickReport) => Object.values(report.dispatch).every((n) => n === 0);

/** One process's engine ticking, as its timer would (a short pause when a tick found nothing), until told to stop. */
async function ticking(app: INestApplication, stop: () => boolean): Promise<void> {
  const engine = app.get(EngineService);
  while (!stop()) {
    if (idle(await engine.tick())) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('dispatcher: a provider rate across two processes', () => {
  it(`should send ${COUNT} messages due at once at most ${RATE} a second at the SMS centre, each once`, async () => {
    const deliveries = await planMany(clinic.clinicId, COUNT, {
      template: { byLanguage: { fr: { body: 'Rappel de votre RDV' } } },
    });
    const sentCount = () =>
      collection<DeliveryDocument>(ctx.app, 'deliveries').countDocuments({
        clinicId: clinic.clinicId,
        status: 'sent',
      });

    let stopped = false;
    const started = Date.now();
    const processes = [ctx.app, second].map((app) => ticking(app, () => stopped));
    try {
      // While the messages go out, one that waits for its second says so, in its history and in the report: the
      // one waiting longest (its second seconds away, so it stays put while it is read).
      const queue = collection<{ dueAt: Date; rateSlotAt?: Date }>(ctx.app, 'delivery_queue');
      let queued: { _id: string; dueAt: Date; rateSlotAt?: Date } | undefined;
      await until(
        async () => {
          // (an entry being sent keeps the slot it was given, due at its lease instead)
          const entries = await queue.find({ rateSlotAt: { $exists: true } }).toArray();
          queued = entries
            .filter((e) => e.dueAt.getTime() === e.rateSlotAt!.getTime())
            .sort((x, y) => y.dueAt.getTime() - x.dueAt.getTime())[0];
          return queued !== undefined && queued.dueAt.getTime() > Date.now() + 3000;
        },
        10_000,
        100,
      );
      const at = queued!.dueAt;
      expect(at.getTime() % SLOT_PERIOD_MS).toBe(0); // the start of its tenth of a second
      const waiting = deliveries.find((d) => d._id === queued!._id)!;
      const stored = await read(waiting);
      expect(stored.status).toBe('scheduled');
      const entry = stored.history.at(-1)!;
      expect(entry.why).toEqual({ code: 'provider-rate', params: { rate: RATE, at: at.toISOString() } });
      expect(entry.reason).toBe(
        `waiting for the provider's rate (${RATE} a second): goes at ${at.toISOString()}`,
      );
      const detail = await ctx.as(clinic).get(`/api/deliveries/${waiting._id}`).expect(200);
      expect(detail.body.history).toContainEqual(
        expect.objectContaining({
          status: 'scheduled',
          why: { code: 'provider-rate', params: { rate: RATE, at: at.toISOString() } },
        }),
      );

      await until(async () => (await sentCount()) === COUNT, 40_000, 100);
    } finally {
      stopped = true;
      await Promise.all(processes);
    }
    const elapsed = Date.now() - started;

    // Each message once at the SMS centre, and no more than the rate in any 10 s.
    expect(smsc.submits).toHaveLength(COUNT);
    const busiest = busiestWindow(smsc.receivedAt, 10_000);
    const span = Math.max(...smsc.receivedAt) - Math.min(...smsc.receivedAt);
    console.log(
      `provider rate ${RATE}/s, two processes: ${COUNT} sent in ${elapsed} ms (first to last submit ${span} ms), busiest 10 s: ${busiest.count} (${busiest.perSecond}/s), busiest 1 s: ${busiestWindow(smsc.receivedAt, 1000).count}`,
    );
    expect(busiest.perSecond).toBeLessThanOrEqual(5.5);
    const sent = await Promise.all(deliveries.map(read));
    expect(sent.every((d) => d.status === 'sent' && d.provider === 'smpp' && d.credits === 1)).toBe(true);
    expect(new Set(sent.map((d) => d.providerMessageId)).size).toBe(COUNT);
  }, 60_000);
});
