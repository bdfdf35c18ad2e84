import { ConfigService } from '@nestjs/config';
import type { INestApplication } from '@nestjs/common';
import { withNulls, type DeliveryDocument } from '../src/modules/deliveries/delivery.document';
import type { DispatchReport } from '../src/modules/dispatcher/dispatch-report';
import { DispatcherService } from '../src/modules/dispatcher/dispatcher.service';
import type { SandboxMessageDocument } from '../src/modules/dispatcher/sandbox-message.repository';
import { EngineService } from '../src/modules/engine/engine.service';
import { SettingsRepository } from '../src/modules/settings/settings.repository';
import { collection, deliveryFactory, sendSmsThrough, until } from './engine-dispatch-fixtures';
import { startHungProvider, type HungProvider } from './hung-provider';
import { createTestApp, useTestContext, type TestClinic } from './test-app';
import { TestClock } from './test-clock';

/**
 * The dispatcher's pool is shared by the clinics (issue 18, docs/engine.md "The pool"): one clinic holds at most
 * three quarters of it, so when its provider hangs (each wait capped at 10 s) the other clinics' messages go out
 * meanwhile, from both API processes. The clock stands still: a retry's backoff never comes due in the test.
 */
const clock = new TestClock('2026-03-02T08:00:00Z');
const ctx = useTestContext({}, { clock });
const { plan, planMany, read } = deliveryFactory(() => ctx.app, clock);
const hungClinic = ctx.clinic();
const otherClinic = ctx.clinic();

/**
 * Clinic A's messages (each with a text of its own, to tell its requests apart), clinic B's. B's must all go out
 * before A's first wait ends (10 s after it began): 200 takes 5 to 9 s with two processes on this 2-core machine
 * (the 1 000 took about 30 s, past A's waits).
 */
const HUNG_COUNT = 50;
const OTHER_COUNT = 200;

let hung: HungProvider;
let second: INestApplication;

beforeAll(async () => {
  hung = await startHungProvider();
  second = await createTestApp(
    { MONGODB_DB_NAME: ctx.app.get(ConfigService).get<string>('MONGODB_DB_NAME')! },
    { clock },
  );
  await configureClinics(hungClinic, otherClinic, OTHER_COUNT);
});
afterAll(async () => {
  await second?.close();
  await hung?.close();
});

/** A clinic's SMS go to a hung provider, all in the same second (not its kind's 1/s); 100 credits. */
function sendThroughHung(clinic: TestClinic, provider: HungProvider) {
  const settings = {
    kind: 'http',
    options: { accountSid: 'AC-hung', baseUrl: provider.baseUrl, defaultFrom: 'Cabinet' },
    credentials: { authToken: 'token' },
    ratePerSecond: 1000,
  };
  return sendSmsThrough(ctx, clinic, settings, 100);
}

/** A's SMS go to the hung provider, B's to the sandbox; credits. */
async function configureClinics(hungOne: TestClinic, otherOne: TestClinic, otherCount: number) {
  await sendThroughHung(hungOne, hung);
  await sendSmsThrough(ctx, otherOne, { kind: 'sandbox', options: { receipts: false } }, otherCount);
}

const deliveriesOf = async (clinic: TestClinic) =>
  (
    await collection<DeliveryDocument>(ctx.app, 'deliveries').find({ clinicId: clinic.clinicId }).toArray()
  ).map((delivery) => withNulls(delivery));
const countOf = (clinic: TestClinic, status: DeliveryDocument['status']) =>
  collection<DeliveryDocument>(ctx.app, 'deliveries').countDocuments({ clinicId: clinic.clinicId, status });
const didNothing = (report: DispatchReport) => Object.values(report).every((n) => n === 0);

/**
 * Both processes dispatching pass after pass, as their engine ticks would (a short pause after a pass that found
 * nothing), while `watch` looks on; they stop once it is done (after their passes under way end).
 */
async function whileDispatching<T>(
  watch: () => Promise<T>,
  apps: INestApplication[] = [ctx.app, second],
): Promise<T> {
  let stopped = false;
  const dispatching = async (app: INestApplication) => {
    const dispatcher = app.get(DispatcherService);
    while (!stopped) {
      if (didNothing(await dispatcher.dispatchDue())) await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const processes = apps.map(dispatching);
  try {
    return await watch();
  } finally {
    stopped = true;
    await Promise.all(processes);
  }
}

describe('dispatcher: a hung provider', () => {
  it("should send all of another clinic's messages while the hung provider's requests are still waiting", async () => {
    // A's come due a second earlier, so they are the first the processes take: the worst case for B.
    const earlier = new Date(clock.now().getTime() - 1000);
    const hungMessages = await Promise.all(
      Array.from({ length: HUNG_COUNT }, (_, i) =>
        plan(hungClinic.clinicId, {
          sendAt: earlier,
          template: { byLanguage: { fr: { body: `Rappel A-${i}` } } },
        }),
      ),
    );
    const otherMessages = await planMany(otherClinic.clinicId, OTHER_COUNT);

    const started = Date.now();
    const { otherSentMs, atThatMoment, hungTimedOutMs } = await whileDispatching(async () => {
      // The first look that finds all of B's messages sent: what the hung provider holds at that moment.
      await until(async () => (await countOf(otherClinic, 'sent')) === OTHER_COUNT, 60_000, 200);
      const otherSentMs = Date.now() - started;
      const atThatMoment = {
        received: hung.requests.length,
        waiting: hung.waiting(),
        hungRetrying: await countOf(hungClinic, 'retrying'),
      };
      // Then A's waits time out, and its messages wait for their retry.
      await until(async () => (await countOf(hungClinic, 'retrying')) === HUNG_COUNT, 30_000, 200);
      return { otherSentMs, atThatMoment, hungTimedOutMs: Date.now() - started };
    });
    console.log(
      `hung provider: B's ${OTHER_COUNT} sent in ${otherSentMs} ms, ${atThatMoment.waiting} of A's ${HUNG_COUNT} requests waiting then; A's timed out by ${hungTimedOutMs} ms`,
    );

    // A's requests were at the provider, none answered or given up on yet (A's rated sends reach it one by one).
    expect(atThatMoment.received).toBeGreaterThan(0);
    expect(atThatMoment.waiting).toBe(atThatMoment.received);
    expect(atThatMoment.hungRetrying).toBe(0);

    // B: each sent, and handed to the sandbox once.
    const sandbox = await collection<SandboxMessageDocument>(ctx.app, 'sandbox_messages')
      .find({ _id: { $in: otherMessages.map((d) => d._id) } })
      .toArray();
    expect(sandbox).toHaveLength(OTHER_COUNT);
    expect(sandbox.every((message) => message.sendCalls === 1)).toBe(true);
    const other = await deliveriesOf(otherClinic);
    expect(other.every((d) => d.status === 'sent' && d.attempt === 1)).toBe(true);

    // A: each waiting for its retry after its one request, not failed for good, its credits given back.
    const hungNow = await deliveriesOf(hungClinic);
    expect(hungNow).toHaveLength(HUNG_COUNT);
    for (const delivery of hungNow) {
      // (attempt may be above 1: a lost race between the processes for a rate slot takes an attempt)
      expect(delivery).toMatchObject({ status: 'retrying', sentAt: null });
      expect(delivery.error?.code).toBe('timeout');
    }
    const queue = await collection<{ dueAt: Date }>(ctx.app, 'delivery_queue')
      .find({ _id: { $in: hungMessages.map((d) => d._id) } })
      .toArray();
    expect(queue).toHaveLength(HUNG_COUNT);
    expect(queue.every((entry) => entry.dueAt.getTime() > clock.now().getTime())).toBe(true);
    const settings = await ctx.app.get(SettingsRepository).findForClinic(hungClinic.clinicId);
    expect(settings!.credits.balance).toBe(100);

    // The hung provider got each of A's messages once (one attempt each), and every request was given up on.
    const texts = hung.requests.map((request) => request.form.get('Body'));
    expect(new Set(texts).size).toBe(HUNG_COUNT);
    expect([...texts].sort()).toEqual(hungMessages.map((_, i) => `Rappel A-${i}`).sort());
    expect(hung.waiting()).toBe(0);
  }, 120_000);
});

describe('dispatcher: a hung provider holding its whole share of the pool', () => {
  // A small pool (20: a clinic's share is 15) and scans of 20, so that the hung clinic's messages, due first, fill
  // its share in each process from the first scan (as 200 messages of one clinic would with the defaults).
  const pool = { DISPATCH_CONCURRENCY: '20', DISPATCH_BATCH_SIZE: '20' };
  let apps: INestApplication[];
  let hungShare: TestClinic;
  let otherShare: TestClinic;

  beforeAll(async () => {
    const database = ctx.app.get(ConfigService).get<string>('MONGODB_DB_NAME')!;
    apps = await Promise.all(
      [0, 1].map(() => createTestApp({ MONGODB_DB_NAME: database, ...pool }, { clock })),
    );
    [hungShare, otherShare] = await Promise.all([ctx.newClinic(), ctx.newClinic()]);
    await configureClinics(hungShare, otherShare, 100);
  });
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  // The queue is read again as soon as the room a clinic at its share leaves is free, and a pass whose scans are
  // spent hands back while its hung sends stay in the pool (before, it waited for them: 30 of the hung clinic's
  // 40 requests had timed out when the other clinic's last message went).
  it("should send the other clinic's messages while the hung clinic holds its whole share", async () => {
    const earlier = new Date(clock.now().getTime() - 1000);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        plan(hungShare.clinicId, {
          sendAt: earlier,
          template: { byLanguage: { fr: { body: `Rappel C-${i}` } } },
        }),
      ),
    );
    await planMany(otherShare.clinicId, 100);
    const requestsBefore = hung.requests.length;

    const atThatMoment = await whileDispatching(async () => {
      await until(async () => (await countOf(otherShare, 'sent')) === 100, 60_000, 200);
      const mine = hung.requests.slice(requestsBefore);
      const atThatMoment = { waiting: mine.filter((r) => r.open).length, received: mine.length };
      // The hung clinic's sends end (their provider waits time out) before the processes stop.
      await until(() => hung.requests.every((r) => !r.open), 60_000, 200);
      return atThatMoment;
    }, apps);

    expect(atThatMoment.received).toBeGreaterThan(0);
    expect(atThatMoment.waiting).toBe(atThatMoment.received);
  }, 120_000);
});

describe('dispatcher: an engine tick beside a hung provider', () => {
  // A provider and a clinic of its own: connections the earlier tests' waits left behind are not reused.
  let quiet: HungProvider;
  let clinic: TestClinic;

  beforeAll(async () => {
    quiet = await startHungProvider();
    clinic = await ctx.newClinic();
    await sendThroughHung(clinic, quiet);
  });
  afterAll(() => quiet.close());

  it("should end while the hung provider's requests still wait, leaving them to end in the pool", async () => {
    const messages = await Promise.all(
      Array.from({ length: 3 }, (_, i) =>
        plan(clinic.clinicId, { template: { byLanguage: { fr: { body: `Rappel T-${i}` } } } }),
      ),
    );
    const engine = ctx.app.get(EngineService);
    const dispatcher = ctx.app.get(DispatcherService);

    const report = await engine.tick();
    // The tick is back (its next one would run the timers and events) with its three sends still in flight: none
    // has an outcome, and each reaches the provider, where it waits (each wait ends only after 10 s).
    expect(dispatcher.sending).toBe(3);
    expect(report.dispatch.sent + report.dispatch.retrying).toBe(0);
    for (const message of messages) expect((await read(message)).status).toBe('scheduled');
    await until(() => quiet.requests.length === 3, 10_000, 50);
    expect(quiet.waiting()).toBe(3);

    // drain() waits for the pool: the waits time out and each message waits for its retry, sent once.
    await engine.drain();
    for (const message of messages) expect((await read(message)).status).toBe('retrying');
    expect(dispatcher.sending).toBe(0);
    expect(quiet.requests).toHaveLength(3);
  }, 60_000);
});
