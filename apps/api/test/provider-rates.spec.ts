import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ProviderRateSlotDocument } from '../src/modules/dispatcher/provider-rate-slot.repository';
import { ProviderRateSlotRepository } from '../src/modules/dispatcher/provider-rate-slot.repository';
import { ProviderRateService, type SendingSlot } from '../src/modules/dispatcher/provider-rate.service';
import { collection } from './engine-dispatch-fixtures';
import { busiestWindow } from './send-windows';
import { createTestApp, useTestContext } from './test-app';

/**
 * Provider rates (issue 18, docs/engine.md "Provider rates"): two app instances on the same database reserving
 * sending slots of one clinic's provider at once never put more messages in a second than the rate, give every
 * message a slot of its own, and leave no second unused between now and the last slot.
 */
const ctx = useTestContext();
let second: INestApplication;

beforeAll(async () => {
  second = await createTestApp({
    MONGODB_DB_NAME: ctx.app.get(ConfigService).get('MONGODB_DB_NAME') as string,
  });
});
afterAll(() => second?.close());

// A whole second: slots are numbered per tenth of a second (SLOT_PERIOD_MS), at 5/s every other one.
const NOW = new Date('2026-12-05T08:00:00.000Z');
const NOW_SECOND = Math.floor(NOW.getTime() / 1000);

const rates = (app: INestApplication) => app.get(ProviderRateService);
const slotsOf = (clinicId: string) =>
  collection<ProviderRateSlotDocument>(ctx.app, 'provider_rate_slots')
    .find({ _id: { $regex: `^${clinicId}:` } })
    .toArray();

/** Messages per second (from the start of now's second) of the slots granted. */
function perSecond(slots: SendingSlot[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const slot of slots.filter((s) => s.granted)) {
    const offset = Math.floor(slot.at.getTime() / 1000) - NOW_SECOND;
    counts.set(offset, (counts.get(offset) ?? 0) + 1);
  }
  return counts;
}

/** Counts the insert rounds (database round trips) each instance's reservations make. */
function countRounds(app: INestApplication) {
  return jest.spyOn(app.get(ProviderRateSlotRepository), 'take');
}

describe('provider rates', () => {
  afterEach(() => jest.restoreAllMocks());

  it('should give two instances reserving 200 messages each at 5/s one slot per message, 5 a second, from now on', async () => {
    const [a, b] = [countRounds(ctx.app), countRounds(second)];
    const [first, other] = await Promise.all([
      rates(ctx.app).reserve('cli_race', 'sms', 5, 200, NOW),
      rates(second).reserve('cli_race', 'sms', 5, 200, NOW),
    ]);

    expect([...first, ...other].every((slot) => slot.granted)).toBe(true);
    // 400 messages at 5/s: seconds 0 to 79 from now, five each, none empty, none more
    const counts = perSecond([...first, ...other]);
    expect([...counts.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: 80 }, (_, k) => k));
    expect([...counts.values()].every((n) => n === 5)).toBe(true);
    const times = [...first, ...other].map((slot) => slot.at.getTime());
    expect(busiestWindow(times, 10_000).perSecond).toBe(5);
    // each instance's own answer comes earliest first
    for (const answer of [first, other]) {
      expect(answer.map((s) => s.at.getTime())).toEqual([...answer.map((s) => s.at.getTime())].sort());
    }
    // the database holds those 400 slots and no other, five in each second, one per tenth at most
    const stored = await slotsOf('cli_race');
    expect(stored).toHaveLength(400);
    expect(new Set(stored.map((slot) => +slot.at)).size).toBe(400);
    const storedPerSecond = new Map<number, number>();
    for (const slot of stored) {
      const second = Math.floor(+slot.at / 1000);
      storedPerSecond.set(second, (storedPerSecond.get(second) ?? 0) + 1);
    }
    expect(storedPerSecond.size).toBe(80);
    expect([...storedPerSecond.values()].every((n) => n === 5)).toBe(true);
    // a few insert rounds, not one per slot (3 measured on FerretDB: one instance's insert lost whole)
    expect(a.mock.calls.length + b.mock.calls.length).toBeLessThanOrEqual(16);
  });

  it('should keep 5 a second when both instances reserve in many small requests at once', async () => {
    const requests = Array.from({ length: 20 }, (_, i) =>
      rates(i % 2 ? second : ctx.app).reserve('cli_small', 'sms', 5, 20, NOW),
    );
    const all = (await Promise.all(requests)).flat();

    expect(all.every((slot) => slot.granted)).toBe(true);
    const counts = perSecond(all);
    expect([...counts.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: 80 }, (_, k) => k));
    expect([...counts.values()].every((n) => n === 5)).toBe(true);
  });

  it('should continue after the slots already taken, by either instance', async () => {
    await rates(ctx.app).reserve('cli_later', 'sms', 5, 12, NOW);
    const later = await rates(second).reserve('cli_later', 'sms', 5, 5, new Date(NOW.getTime() + 1000));

    // seconds 0 and 1 are full, 2 holds 2 of the first reservation: 3 more there, then 2 in second 3
    expect([...perSecond(later)]).toEqual([
      [2, 3],
      [3, 2],
    ]);
  });

  it('should space a fractional rate over the seconds', async () => {
    const [first, other] = await Promise.all([
      rates(ctx.app).reserve('cli_slow', 'voice', 0.5, 3, NOW),
      rates(second).reserve('cli_slow', 'voice', 0.5, 3, NOW),
    ]);

    const seconds = [...first, ...other].map((s) => s.at.getTime() / 1000).sort((x, y) => x - y);
    expect(seconds.map((s, i) => (i === 0 ? 2 : s - seconds[i - 1]))).toEqual([2, 2, 2, 2, 2, 2]);
    expect(seconds[0] - NOW_SECOND).toBeLessThan(2);
  });

  it('should grant everything now without asking the database when the provider has no rate', async () => {
    const rounds = countRounds(ctx.app);
    const slots = await rates(ctx.app).reserve('cli_free', 'sms', null, 3, NOW);

    expect(slots).toEqual([
      { at: NOW, granted: true },
      { at: NOW, granted: true },
      { at: NOW, granted: true },
    ]);
    expect(rounds).not.toHaveBeenCalled();
  });

  it('should grant no slot past the ten minutes ahead, and say when to ask again', async () => {
    const slots = await rates(ctx.app).reserve('cli_far', 'sms', 1, 650, NOW);

    expect(slots.filter((s) => s.granted)).toHaveLength(600);
    expect(slots.slice(600)).toEqual(
      // asked again from the last slot granted's tenth (08:09:59.0), before the horizon
      Array.from({ length: 50 }, () => ({ at: new Date((NOW_SECOND + 599) * 1000), granted: false })),
    );
  });

  it('should prune the slots of seconds older than a minute', async () => {
    const old = new Date('2026-12-05T09:00:00.000Z');
    await rates(second).reserve('cli_pruned', 'sms', 5, 10, old);
    expect(await slotsOf('cli_pruned')).toHaveLength(10);

    // the first instance last pruned an hour before: its next reservation prunes
    const later = new Date(old.getTime() + 62_000);
    await rates(ctx.app).reserve('cli_pruned', 'sms', 5, 1, later);

    // the one left is the new reservation's, in `later`'s first tenth of a second
    expect((await slotsOf('cli_pruned')).map((slot) => slot.at)).toEqual([later]);
  });
});
