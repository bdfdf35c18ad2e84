import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CreditsService, type CreditDebit } from '../src/modules/settings/credits.service';
import type { CreditEntry } from '../src/modules/settings/credit-ledger.repository';
import type { SettingsDocument } from '../src/modules/settings/settings.repository';
import { collection } from './engine-dispatch-fixtures';
import { createTestApp, useTestContext, type TestClinic } from './test-app';

/**
 * SMS credits are an append-only ledger (issue 18, docs/engine.md "Credits"): two app instances on the same
 * database debiting and topping up one clinic at once never overdraw, never lose an entry, count a retried
 * top-up once, and the cached balance is the sum of the ledger.
 */
const ctx = useTestContext();
const race = ctx.clinic();
const retried = ctx.clinic();
const mixed = ctx.clinic();
const legacy = ctx.clinic();
let second: INestApplication;
let sends = 0;

beforeAll(async () => {
  second = await createTestApp({
    MONGODB_DB_NAME: ctx.app.get(ConfigService).get('MONGODB_DB_NAME') as string,
  });
});
afterAll(() => second?.close());

const entries = (clinic: TestClinic) =>
  collection<CreditEntry>(ctx.app, 'credit_entries').find({ clinicId: clinic.clinicId }).toArray();
/** The SMS the ledger's debits took credits for (a debit entry groups those asked together). */
const debited = (ledger: CreditEntry[]) =>
  ledger.flatMap((e) => (e.kind === 'debit' ? (e.items ?? [{ credits: -e.credits }]) : []));
const topUp = (clinic: TestClinic, credits: number, requestId?: string) =>
  ctx.as(clinic).post('/api/settings/credits/top-ups', { credits, ...(requestId ? { requestId } : {}) });
const balanceOf = async (clinic: TestClinic) =>
  (await ctx.as(clinic).get('/api/settings').expect(200)).body.credits.balance as number;

/** One SMS's debit from either instance, for a send of its own. */
function debit(app: INestApplication, clinic: TestClinic): Promise<CreditDebit> {
  return app.get(CreditsService).debit(clinic.clinicId, null, 1, { deliveryId: `d-${++sends}`, attempt: 1 });
}

/** The check's view of the clinic balance: the ledger's sum, its last entry, and the cache. */
async function checked(clinic: TestClinic) {
  const [check] = await ctx.app.get(CreditsService).check(clinic.clinicId);
  return check;
}

describe('credits ledger', () => {
  it('should take exactly the credits there are when two instances send 40 messages against 25', async () => {
    await topUp(race, 25).expect(200);

    const debits = await Promise.all(
      Array.from({ length: 40 }, (_, i) => debit(i % 2 ? second : ctx.app, race)),
    );

    expect(debits.filter((d) => d.ok)).toHaveLength(25);
    const ledger = await entries(race);
    expect(debited(ledger)).toHaveLength(25);
    expect(ledger.every((e) => e.balance >= 0)).toBe(true);
    expect(await balanceOf(race)).toBe(0);
    expect(await checked(race)).toEqual({ resourceId: null, sum: 0, balance: 0, cached: 0 });
  });

  it('should count a top-up sent again with the same request id once', async () => {
    await topUp(retried, 10, 'pack-1').expect(200);
    const again = await topUp(retried, 10, 'pack-1').expect(200);
    await Promise.all([topUp(retried, 10, 'pack-2'), topUp(retried, 10, 'pack-2')]);

    expect(again.body.balance).toBe(10);
    expect(await balanceOf(retried)).toBe(20);
    const listed = (await ctx.as(retried).get('/api/settings').expect(200)).body.credits.topUps;
    expect(listed).toHaveLength(2);
    expect((await entries(retried)).filter((e) => e.kind === 'top-up')).toHaveLength(2);
  });

  it('should keep every top-up and debit when both instances do both at once', async () => {
    await topUp(mixed, 10).expect(200);
    const sum = (settings: SettingsDocument) => settings.credits.balance;
    const work = [
      ...Array.from({ length: 30 }, (_, i) => debit(i % 2 ? second : ctx.app, mixed)),
      ...Array.from({ length: 10 }, (_, i) => topUp(mixed, 2, `mixed-${i}`).then(() => null)),
    ];
    const results = await Promise.all(work);

    const taken = results.filter((r) => r !== null && r.ok).length;
    const ledger = await entries(mixed);
    expect(ledger.filter((e) => e.kind === 'top-up')).toHaveLength(11);
    expect(debited(ledger)).toHaveLength(taken);
    const stored = await collection<SettingsDocument>(ctx.app, 'clinic_settings').findOne({
      _id: mixed.clinicId,
    });
    expect(sum(stored!)).toBe(10 + 20 - taken);
    expect(await checked(mixed)).toEqual({
      resourceId: null,
      sum: 30 - taken,
      balance: 30 - taken,
      cached: 30 - taken,
    });
  });

  it('should take a debit and give back its refund once per attempt', async () => {
    await topUp(retried, 5, 'pack-3').expect(200);
    const send = { deliveryId: `d-${++sends}`, attempt: 1 };
    const credits = ctx.app.get(CreditsService);
    const first = await credits.debit(retried.clinicId, null, 2, send);
    const again = await second.get(CreditsService).debit(retried.clinicId, null, 2, send);
    expect(again).toMatchObject({ ok: true, left: first.ok && first.left });
    expect(await balanceOf(retried)).toBe(23);

    await Promise.all([
      credits.refund(retried.clinicId, first),
      second.get(CreditsService).refund(retried.clinicId, again),
    ]);
    expect(await balanceOf(retried)).toBe(25);
  });

  it('should open the ledger once from the balance stored before it, per clinic and per practitioner', async () => {
    const settings = collection<SettingsDocument>(ctx.app, 'clinic_settings');
    await settings.updateOne(
      { _id: legacy.clinicId },
      {
        $set: {
          creditsScope: 'practitioner',
          credits: { balance: 7, byResource: { 'res-1': 3 }, topUps: [] },
        },
      },
    );
    const ofPractitioner = (app: INestApplication) =>
      app.get(CreditsService).debit(legacy.clinicId, 'res-1', 1, { deliveryId: `d-${++sends}`, attempt: 1 });

    const debits = await Promise.all([
      ofPractitioner(ctx.app),
      ofPractitioner(second),
      ofPractitioner(ctx.app),
    ]);
    await topUp(legacy, 4).expect(200);

    expect(debits.every((d) => d.ok)).toBe(true);
    const ledger = await entries(legacy);
    expect(
      ledger
        .filter((e) => e.kind === 'opening')
        .map((e) => [e.ref, e.credits])
        .sort(),
    ).toEqual([
      [`opening:${legacy.clinicId}`, 7],
      [`opening:${legacy.clinicId}:res-1`, 3],
    ]);
    const body = (await ctx.as(legacy).get('/api/settings').expect(200)).body.credits;
    expect(body).toMatchObject({ balance: 11, byResource: { 'res-1': 0 } });
  });
});
