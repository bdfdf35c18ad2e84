import { NO_ANSWER } from '@clinicflow/channels';
import { ConfigService } from '@nestjs/config';
import type { INestApplication } from '@nestjs/common';
import { DeliveryCancelService } from '../src/modules/deliveries/delivery-cancel.service';
import { PatientRepository } from '../src/modules/directory/directory.repository';
import { DeliveryReceiptService } from '../src/modules/dispatcher/delivery-receipt.service';
import { DeliveryRetryService } from '../src/modules/deliveries/delivery-retry.service';
import { DeliveryStatusRefreshService } from '../src/modules/dispatcher/delivery-status-refresh.service';
import { DispatcherService } from '../src/modules/dispatcher/dispatcher.service';
import { SandboxMessageRepository } from '../src/modules/dispatcher/sandbox-message.repository';
import { EngineService } from '../src/modules/engine/engine.service';
import { SettingsRepository } from '../src/modules/settings/settings.repository';
import { startMailbox, startSmsc, type Mailbox, type Smsc } from './engine-dispatch-peers';
import {
  claimedByAKilledProcess,
  collection,
  deliveryFactory,
  sandboxMessage,
  until,
} from './engine-dispatch-fixtures';
import { createTestApp, useTestContext, type TestClinic } from './test-app';
import { TestClock } from './test-clock';

const clock = new TestClock('2026-03-02T08:00:00Z');
const ctx = useTestContext({}, { clock });
const { plan, planMany, read } = deliveryFactory(() => ctx.app, clock);
const engine = () => ctx.app.get(EngineService);

let smsc: Smsc;
let mailbox: Mailbox;
beforeAll(async () => {
  [smsc, mailbox] = await Promise.all([startSmsc(), startMailbox()]);
});
afterAll(async () => {
  await Promise.all([smsc.close(), mailbox.close()]);
});

const smppProvider = () => ({
  kind: 'smpp',
  options: { host: '127.0.0.1', port: smsc.port, systemId: 'clinic', defaultFrom: 'Cabinet' },
  credentials: { password: 'secret' },
});
const smtpProvider = () => ({
  kind: 'smtp',
  options: {
    host: '127.0.0.1',
    port: mailbox.port,
    requireTLS: false, // the test's mail server offers no TLS
    defaultFrom: 'Cabinet <rdv@cabinet.example>',
  },
});

/** Attempt 1's request left and no answer came in time (`NO_ANSWER`), recorded as the providers record it. */
async function gotNoAnswer(deliveryId: string) {
  await collection(ctx.app, 'deliveries').updateOne(
    { _id: deliveryId },
    {
      $set: {
        status: 'retrying',
        attempt: 1,
        error: { code: NO_ANSWER, reason: 'no answer in time' },
        // before its entry's time, so that the entry is not taken for a retry's stale one (docs/engine.md)
        updatedAt: new Date(clock.now().getTime() - 60_000),
      },
    },
  );
}

/** The sandbox took the message (a process handed it over, then stopped or got no answer). */
async function handedToTheSandbox(deliveryId: string, providerMessageId: string) {
  const at = clock.now();
  await ctx.app.get(SandboxMessageRepository).set(deliveryId, {
    providerMessageId,
    idempotencyKey: deliveryId,
    message: { channel: 'sms', to: '+33612345678', text: 'Bonjour Léa, votre RDV est confirmé.' },
    acceptedAt: at,
    status: 'sent',
    statusAt: at,
  });
}

async function configure(clinic: TestClinic, settings: object) {
  await ctx.as(clinic).put('/api/settings', settings).expect(200);
}

describe('dispatcher: sandbox, timing, last checks', () => {
  const clinic = ctx.clinic();

  beforeAll(() =>
    configure(clinic, {
      consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
      // The receipt comes late enough for a loaded machine to read `sent` first (the test waits for it after).
      providers: { sms: { kind: 'sandbox', options: { receiptDelayMs: 500 } } },
    }),
  );

  it('sends at its send time, not before, renders the text, and applies the receipt', async () => {
    const delivery = await plan(clinic.clinicId, { sendAt: new Date(clock.now().getTime() + 10 * 60_000) });
    await engine().drain();
    expect((await read(delivery)).status).toBe('scheduled');
    expect(await sandboxMessage(ctx.app, delivery._id)).toBeNull();

    clock.advance(10 * 60_000);
    await engine().drain();
    const sent = await read(delivery);
    expect(sent).toMatchObject({
      status: 'sent',
      provider: 'sandbox',
      text: 'Bonjour Léa, votre RDV est confirmé.',
      segments: 1,
      attempt: 1,
      inDoubt: false,
    });
    expect(sent.sentAt).toEqual(clock.now());
    expect(await sandboxMessage(ctx.app, delivery._id)).toMatchObject({
      sendCalls: 1,
      providerMessageId: sent.providerMessageId,
      message: expect.objectContaining({ to: '+33612345678', text: sent.text }),
    });
    await until(async () => (await read(delivery)).status === 'delivered');
    expect((await read(delivery)).history.map((h) => h.status)).toEqual([
      'scheduled',
      'sending',
      'sent',
      'delivered',
    ]);
  });

  it('takes over a delivery whose claimant stopped before handing it over, once the lease is over, and sends it once', async () => {
    const delivery = await plan(clinic.clinicId);
    // A process won attempt 1 (a claim of the earlier protocol: no lease of its own), then was killed before
    // it sent anything.
    await claimedByAKilledProcess(ctx.app, clock, delivery);
    await engine().drain();
    expect((await read(delivery)).status).toBe('scheduled');

    clock.advance(ctx.app.get(ConfigService).get<number>('DISPATCH_LEASE_SECONDS')! * 1000 + 1);
    await engine().drain();
    // The provider is asked first (it may have had the message), then the message goes.
    const recovered = await read(delivery);
    expect(recovered).toMatchObject({ status: 'sent', attempt: 2, inDoubt: false });
    expect(recovered.history.at(-2)).toMatchObject({
      status: 'sending',
      attempt: 2,
      reason: expect.stringMatching(/taken over/),
    });
    expect(await sandboxMessage(ctx.app, delivery._id)).toMatchObject({ sendCalls: 1 });
  });

  it("waits for a retry's own time when its queue entry was read before the attempt's outcome moved it", async () => {
    const delivery = await plan(clinic.clinicId);
    const due = (await collection<{ _id: string; dueAt: Date }>(ctx.app, 'delivery_queue').findOne({
      _id: delivery._id,
    }))!.dueAt;
    // Attempt 1 timed out at the provider and its outcome wrote `retrying`; its queue entry still says the old
    // time (another process's scan read it just before the outcome moved it to after the backoff).
    await collection(ctx.app, 'deliveries').updateOne(
      { _id: delivery._id },
      { $set: { status: 'retrying', attempt: 1, updatedAt: clock.now() } },
    );
    expect(due.getTime()).toBeLessThanOrEqual(clock.now().getTime());
    await engine().drain();
    expect(await read(delivery)).toMatchObject({ status: 'retrying', attempt: 1 });
    expect(await sandboxMessage(ctx.app, delivery._id)).toBeNull();

    // The outcome's move arrives: the retry goes at its time, as attempt 2.
    const retryAt = new Date(clock.now().getTime() + 30_000);
    await collection(ctx.app, 'delivery_queue').updateOne(
      { _id: delivery._id },
      { $set: { dueAt: retryAt } },
    );
    await engine().drain();
    expect(await read(delivery)).toMatchObject({ status: 'retrying', attempt: 1 });
    clock.advance(30_001);
    await engine().drain();
    expect(await read(delivery)).toMatchObject({ status: 'sent', attempt: 2 });
    expect(await sandboxMessage(ctx.app, delivery._id)).toMatchObject({ sendCalls: 1 });
  });

  it('takes over a delivery whose claimant stopped after handing it over: the provider says sent, nothing goes twice', async () => {
    const delivery = await plan(clinic.clinicId);
    const at = clock.now();
    await claimedByAKilledProcess(ctx.app, clock, delivery, new Date(at.getTime() + 30_000));
    // The killed process had handed the message to the sandbox, then died before recording the outcome.
    await handedToTheSandbox(delivery._id, 'sbx-before-the-kill');
    await engine().drain();
    expect((await read(delivery)).status).toBe('scheduled');

    clock.advance(31_000);
    await engine().drain();
    expect(await read(delivery)).toMatchObject({
      status: 'sent',
      attempt: 2,
      providerMessageId: 'sbx-before-the-kill',
    });
    expect(await sandboxMessage(ctx.app, delivery._id)).toMatchObject({ sendCalls: 1 });
  });

  it('asks the sandbox after a request that got no answer: it had the message, so nothing goes twice', async () => {
    const delivery = await plan(clinic.clinicId);
    // Attempt 1's request reached the sandbox, its answer never came back (a timeout after it left).
    await handedToTheSandbox(delivery._id, 'sbx-no-answer');
    await gotNoAnswer(delivery._id);
    await engine().drain();
    expect(await read(delivery)).toMatchObject({
      status: 'sent',
      inDoubt: false,
      providerMessageId: 'sbx-no-answer',
    });
    expect(await sandboxMessage(ctx.app, delivery._id)).toMatchObject({ sendCalls: 1 });
  });

  it('sends what is due in one drain after losing claims to another process (a scan that skipped ahead reads the head)', async () => {
    // Twelve messages in another process's hands, their leases alive: this process loses twelve claims, so its
    // next scans start past a random number of due entries (up to three windows of 200), mostly past all 15.
    const leaseUntil = new Date(clock.now().getTime() + 30_000);
    const held = await planMany(clinic.clinicId, 12);
    for (const delivery of held) await claimedByAKilledProcess(ctx.app, clock, delivery, leaseUntil);
    await engine().drain();
    const fresh = await planMany(clinic.clinicId, 3);
    await engine().drain();
    for (const delivery of fresh) expect(['sent', 'delivered']).toContain((await read(delivery)).status);
    for (const delivery of held) expect((await read(delivery)).status).toBe('scheduled');
    // Their claimant never comes back: taken over once the leases are over.
    clock.advance(31_000);
    await engine().drain();
    for (const delivery of held) expect((await read(delivery)).attempt).toBe(2);
  });

  it('marks a message past its expiry expired and never sends it', async () => {
    const delivery = await plan(clinic.clinicId, {
      sendAt: new Date(clock.now().getTime() + 60_000),
      expiresAt: new Date(clock.now().getTime() + 5 * 60_000),
    });
    clock.advance(6 * 60_000);
    await engine().drain();
    expect(await read(delivery)).toMatchObject({ status: 'expired', sentAt: null });
    expect((await read(delivery)).reason).toMatch(/expiry passed/);
    expect(await sandboxMessage(ctx.app, delivery._id)).toBeNull();
  });

  it('skips with the reason when the master switch, a toggle or consent says no at send time', async () => {
    const patient = await ctx.app.get(PatientRepository).create(clinic.clinicId, {
      _id: `pat-${Date.now()}`,
      externalId: null,
      name: 'Léa Martin',
      firstName: 'Léa',
      lastName: 'Martin',
      mobile: '+33612345678',
      mobileProblem: null,
      email: null,
      language: 'fr',
      consent: {},
      consentHistory: [],
      attendance: { attended: 0, noShows: 0, lastVisitAt: null },
      placeholder: false,
      searchText: 'léa martin',
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    const master = await plan(clinic.clinicId, { sendAt: clock.now() });
    await configure(clinic, { communicationsEnabled: false });
    await engine().drain();
    expect(await read(master)).toMatchObject({
      status: 'skipped',
      reason: 'all communications are switched off for the clinic',
    });

    await configure(clinic, {
      communicationsEnabled: true,
      channelToggles: { services: { 'svc-hygiene': { sms: false } }, resources: {} },
    });
    const toggled = await plan(clinic.clinicId, {}, { serviceId: 'svc-hygiene' });
    const other = await plan(clinic.clinicId, {}, { serviceId: 'svc-surgery' });
    await engine().drain();
    expect(await read(toggled)).toMatchObject({
      status: 'skipped',
      reason: 'SMS is switched off for service svc-hygiene',
    });
    // (Its sandbox receipt comes 30 ms after the send: on a busy machine it is in before the read.)
    expect(['sent', 'delivered']).toContain((await read(other)).status);

    await configure(clinic, { consent: { mode: 'opt-in', purposes: ['reminders'] } });
    const noConsent = await plan(clinic.clinicId, {}, { patientId: patient._id });
    await engine().drain();
    expect(await read(noConsent)).toMatchObject({
      status: 'skipped',
      reason: 'no SMS consent (the clinic asks for opt-in)',
    });
    expect(await sandboxMessage(ctx.app, noConsent._id)).toBeNull();
    await configure(clinic, { consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] } });
  });

  it('fails a sent message on a failure receipt, with the reason, and ignores receipts it cannot place', async () => {
    await configure(clinic, { providers: { sms: { kind: 'sandbox', options: { receipts: false } } } });
    const delivery = await plan(clinic.clinicId);
    await engine().drain();
    const sent = await read(delivery);
    const receipts = ctx.app.get(DeliveryReceiptService);
    const at = clock.now();
    expect(
      await receipts.apply(clinic.clinicId, 'sandbox', {
        providerMessageId: 'nope',
        status: 'delivered',
        at,
      }),
    ).toBe('unknown');
    const report = { providerMessageId: sent.providerMessageId!, status: 'undelivered' as const, at };
    expect(await receipts.apply('another-clinic', 'sandbox', report)).toBe('unknown');
    const failed = await receipts.apply(clinic.clinicId, 'sandbox', {
      ...report,
      reason: 'Phone switched off',
    });
    expect(failed).toMatchObject({
      status: 'failed',
      error: { code: 'undelivered', reason: 'Phone switched off' },
    });
    // A later failure receipt changes nothing; a later delivery receipt wins (delivered ranks above failed,
    // docs/engine.md "Status order", issue 18).
    expect(await receipts.apply(clinic.clinicId, 'sandbox', { ...report, status: 'failed' })).toBeNull();
    const late = { providerMessageId: sent.providerMessageId!, status: 'delivered' as const, at };
    expect(await receipts.apply(clinic.clinicId, 'sandbox', late)).toMatchObject({ status: 'delivered' });
    expect((await read(delivery)).status).toBe('delivered');
  });

  it('refreshes the status of sent messages by asking the provider (S2)', async () => {
    await configure(clinic, { providers: { sms: { kind: 'sandbox', options: { receipts: false } } } });
    const delivery = await plan(clinic.clinicId);
    await engine().drain();
    expect((await read(delivery)).status).toBe('sent');
    await collection(ctx.app, 'sandbox_messages').updateOne(
      { _id: delivery._id },
      { $set: { status: 'delivered', statusAt: clock.now() } },
    );
    // (The engine's own refresh, which runs beside its ticks, may get there first: either way, by asking.)
    await ctx.app.get(DeliveryStatusRefreshService).refresh(clock.now());
    await until(async () => (await read(delivery)).status === 'delivered');
    await configure(clinic, { providers: { sms: { kind: 'sandbox', options: { receiptDelayMs: 500 } } } });
  });

  it('asks about messages of providers that can be asked, however many e-mails wait without receipts', async () => {
    await configure(clinic, { providers: { sms: { kind: 'sandbox', options: { receipts: false } } } });
    // 150 e-mails sent an hour ago through an SMTP server, which keeps no states: the oldest "sent" messages.
    const sentAt = new Date(clock.now().getTime() - 3_600_000);
    const emails = await planMany(clinic.clinicId, 150, {
      channel: 'email',
      recipient: { type: 'patient', name: 'Léa', address: 'lea@example.fr' },
    });
    // (in commands of fewer than 100 updates: our FerretDB answers none of 100 or more, docs/database.md)
    for (const part of [emails.slice(0, 75), emails.slice(75)]) {
      const ids = part.map((e) => e._id);
      await collection(ctx.app, 'deliveries').updateMany(
        { _id: { $in: ids } },
        { $set: { status: 'sent', provider: 'smtp', providerMessageId: 'smtp-id', sentAt } },
      );
      await collection(ctx.app, 'delivery_queue').deleteMany({ _id: { $in: ids } });
    }
    const sms = await plan(clinic.clinicId);
    await engine().drain();
    expect((await read(sms)).status).toBe('sent');
    await collection(ctx.app, 'sandbox_messages').updateOne(
      { _id: sms._id },
      { $set: { status: 'delivered', statusAt: clock.now() } },
    );
    await ctx.app.get(DeliveryStatusRefreshService).refresh(clock.now());
    await until(async () => (await read(sms)).status === 'delivered');
    await configure(clinic, { providers: { sms: { kind: 'sandbox', options: { receiptDelayMs: 500 } } } });
  });

  it('holds a message that comes due in quiet hours until the next allowed moment', async () => {
    const delivery = await plan(clinic.clinicId);
    clock.set('2026-03-02T20:30:00Z'); // 21:30 in Paris: the night pause has begun
    await engine().drain();
    const held = await read(delivery);
    expect(held.status).toBe('scheduled');
    expect(held.history.at(-1)?.reason).toMatch(/moved to 2026-03-03 08:00/);
    expect(await sandboxMessage(ctx.app, delivery._id)).toBeNull();
    clock.set('2026-03-03T07:00:00Z');
    await engine().drain();
    const sent = await read(delivery);
    expect(['sent', 'delivered']).toContain(sent.status);
    expect(sent.sentAt).toEqual(clock.now());
  });

  it('decides a cancel and a send racing on the same delivery: exactly one of cancelled or sent', async () => {
    const deliveries = await planMany(clinic.clinicId, 30);
    const cancel = ctx.app.get(DeliveryCancelService);
    await Promise.all([
      ctx.app.get(DispatcherService).dispatchDue(),
      ...deliveries.map((d) => cancel.cancel(d, 'appointment cancelled', 'staff', clock.now())),
    ]);
    await engine().drain();
    let sent = 0;
    for (const delivery of deliveries) {
      const now = await read(delivery);
      expect(['sent', 'delivered', 'cancelled']).toContain(now.status);
      const message = await sandboxMessage(ctx.app, delivery._id);
      if (now.status === 'cancelled') expect(message).toBeNull();
      else {
        sent++;
        expect(message?.sendCalls).toBe(1);
      }
    }
    expect(sent).toBeLessThan(deliveries.length);
  });
});

describe('dispatcher: a real SMS centre', () => {
  const clinic = ctx.clinic();

  beforeAll(async () => {
    await configure(clinic, {
      consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
      testMode: false,
      providers: { sms: smppProvider() },
    });
    await ctx.as(clinic).post('/api/settings/credits/top-ups', { credits: 100 }).expect(200);
  });
  beforeEach(() => {
    smsc.submits.length = 0;
    smsc.script = [];
  });

  it('tests the connection with the real adapter: bound with the right password, refused with a wrong one', async () => {
    const ok = await ctx.as(clinic).post('/api/settings/providers/sms/test').expect(200);
    expect(ok.body).toEqual({ ok: true, result: 'connected', message: 'The smpp sms provider is reachable' });
    await configure(clinic, {
      providers: { sms: { ...smppProvider(), credentials: { password: 'wrong' } } },
    });
    const refused = await ctx.as(clinic).post('/api/settings/providers/sms/test').expect(200);
    expect(refused.body).toMatchObject({ ok: false, result: 'refused' });
    await configure(clinic, { providers: { sms: smppProvider() } });
  });

  it('retries a throttled message with a growing backoff, then sends it', async () => {
    smsc.script = ['throttle', 'throttle'];
    const delivery = await plan(clinic.clinicId);
    await engine().drain();
    const first = await read(delivery);
    expect(first).toMatchObject({ status: 'retrying', attempt: 1, error: { code: 'smpp-0x58' } });
    const queue = collection<{ dueAt: Date }>(ctx.app, 'delivery_queue');
    const firstDelay = (await queue.findOne({ _id: delivery._id }))!.dueAt.getTime() - clock.now().getTime();

    clock.advance(firstDelay);
    await engine().drain();
    expect(await read(delivery)).toMatchObject({ status: 'retrying', attempt: 2 });
    const secondDelay = (await queue.findOne({ _id: delivery._id }))!.dueAt.getTime() - clock.now().getTime();
    expect(firstDelay).toBeGreaterThan(0);
    expect(secondDelay).toBeGreaterThan(firstDelay);

    clock.advance(secondDelay);
    await engine().drain();
    expect(await read(delivery)).toMatchObject({ status: 'sent', attempt: 3, provider: 'smpp', credits: 1 });
    expect(smsc.submits).toHaveLength(3);
    expect(await queue.findOne({ _id: delivery._id })).toBeNull();
  });

  it('takes over a send whose process stopped over SMPP: it cannot ask the centre, so it sends again, in doubt', async () => {
    const delivery = await plan(clinic.clinicId);
    // The process that claimed attempt 1 stopped while sending (its lease ends in 30 s).
    await claimedByAKilledProcess(ctx.app, clock, delivery, new Date(clock.now().getTime() + 30_000));
    await engine().drain();
    expect(smsc.submits).toHaveLength(0);
    clock.advance(31_000);
    await engine().drain();
    expect(await read(delivery)).toMatchObject({
      status: 'sent',
      attempt: 2,
      inDoubt: true,
      provider: 'smpp',
    });
    expect(smsc.submits).toHaveLength(1);
  });

  it('keeps a taken-over SMPP send in doubt when it waits for a paused provider before it goes', async () => {
    const delivery = await plan(clinic.clinicId);
    // The process that claimed attempt 1 stopped while sending (its lease ends in 10 s).
    await claimedByAKilledProcess(ctx.app, clock, delivery, new Date(clock.now().getTime() + 10_000));
    // Meanwhile the centre throttles five messages in a row: this process pauses the provider.
    smsc.script = ['throttle', 'throttle', 'throttle', 'throttle', 'throttle'];
    await Promise.all([1, 2, 3, 4, 5].map(() => plan(clinic.clinicId)));
    await engine().drain();
    expect(smsc.submits).toHaveLength(5);
    // The lease is over: taken over, but the provider is paused, so it waits, as a plain scheduled message.
    clock.advance(11_000);
    await engine().drain();
    expect(await read(delivery)).toMatchObject({ status: 'scheduled', inDoubt: true });
    expect(smsc.submits).toHaveLength(5);
    // Once the pause is over, one message probes the provider; the others wait for its answer, then go.
    for (let round = 0; round < 2; round++) {
      clock.advance(60_000);
      await engine().drain();
    }
    // The attempt that sends it is a plain one; the centre may have it from the stopped process: in doubt.
    expect(await read(delivery)).toMatchObject({ status: 'sent', inDoubt: true, provider: 'smpp' });
  });

  it('asks again or sends in doubt after a request that got no answer (a timeout after it left)', async () => {
    const delivery = await plan(clinic.clinicId);
    // Attempt 1's request left and no answer came in time: recorded as the providers record it.
    await gotNoAnswer(delivery._id);
    await engine().drain();
    // SMPP cannot be asked by key: the retry goes marked in doubt (the centre may have it twice).
    expect(await read(delivery)).toMatchObject({ status: 'sent', inDoubt: true, error: null });
    expect(smsc.submits).toHaveLength(1);
  });

  it('marks in doubt a message whose connection was lost after it left: the centre may have it', async () => {
    const delivery = await plan(clinic.clinicId);
    smsc.hold();
    const sending = engine().drain();
    await until(() => smsc.submits.length === 1);
    smsc.dropConnections();
    smsc.release();
    await sending;
    expect(await read(delivery)).toMatchObject({ status: 'retrying', error: { code: NO_ANSWER } });
    const entry = await collection<{ dueAt: Date }>(ctx.app, 'delivery_queue').findOne({ _id: delivery._id });
    clock.advance(new Date(entry!.dueAt).getTime() - clock.now().getTime());
    await engine().drain();
    // The centre had it from the first attempt: the second goes marked in doubt.
    expect(await read(delivery)).toMatchObject({ status: 'sent', inDoubt: true });
    expect(smsc.submits).toHaveLength(2);
  });

  it('fails a message the SMS centre refuses for good, with the reason', async () => {
    smsc.script = ['invalid-destination'];
    const delivery = await plan(clinic.clinicId);
    await engine().drain();
    const failed = await read(delivery);
    expect(failed.status).toBe('failed');
    expect(failed.error?.reason).toMatch(/phone number was refused/);
    expect(smsc.submits).toHaveLength(1);
  });

  it('routes everything to the sandbox in test mode even when SMPP is configured', async () => {
    await configure(clinic, { testMode: true });
    const delivery = await plan(clinic.clinicId);
    await engine().drain();
    expect(await read(delivery)).toMatchObject({ status: 'sent', provider: 'sandbox', credits: 0 });
    expect(smsc.submits).toHaveLength(0);
    expect(await sandboxMessage(ctx.app, delivery._id)).not.toBeNull();
    await configure(clinic, { testMode: false });
  });
});

describe('two dispatchers on one database', () => {
  const clinic = ctx.clinic();
  let second: INestApplication;

  beforeAll(async () => {
    await configure(clinic, { providers: { sms: { kind: 'sandbox', options: { receipts: false } } } });
    const database = ctx.app.get(ConfigService).get<string>('MONGODB_DB_NAME')!;
    second = await createTestApp({ MONGODB_DB_NAME: database }, { clock });
  });
  afterAll(() => second.close());

  it('sends each delivery once', async () => {
    const deliveries = await planMany(clinic.clinicId, 60);
    const dispatchers = [ctx.app.get(DispatcherService), second.get(DispatcherService)];
    const queue = collection(ctx.app, 'delivery_queue');
    while ((await queue.countDocuments({ clinicId: clinic.clinicId })) > 0) {
      await Promise.all(dispatchers.map((dispatcher) => dispatcher.dispatchDue()));
    }
    for (const delivery of deliveries) {
      expect((await read(delivery)).status).toBe('sent');
      expect((await sandboxMessage(ctx.app, delivery._id))?.sendCalls).toBe(1);
    }
    const claims = await collection(ctx.app, 'delivery_claims')
      .find({ deliveryId: { $in: deliveries.map((d) => d._id) } })
      .toArray();
    expect(claims).toHaveLength(deliveries.length);
  });
});

describe('scenario 10: credits run out', () => {
  const clinic = ctx.clinic();

  beforeAll(async () => {
    await configure(clinic, {
      consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
      testMode: false,
      adminEmail: 'admin@cabinet.example',
      providers: {
        sms: { kind: 'sandbox', options: { receipts: false } },
        email: smtpProvider(),
      },
    });
    await ctx.as(clinic).post('/api/settings/credits/top-ups', { credits: 2 }).expect(200);
  });

  it('fails SMS with "credits exhausted", e-mails the admin once, and sends them after a top-up and a retry', async () => {
    const deliveries = await planMany(clinic.clinicId, 5);
    await engine().drain();
    const after = await Promise.all(deliveries.map(read));
    expect(after.filter((d) => d.status === 'sent')).toHaveLength(2);
    const failed = after.filter((d) => d.status === 'failed');
    expect(failed).toHaveLength(3);
    for (const delivery of failed) {
      expect(delivery.error).toEqual({ code: 'credits-exhausted', reason: 'credits exhausted' });
      expect(await sandboxMessage(ctx.app, delivery._id)).toBeNull();
    }
    await until(() => mailbox.received.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const toAdmin = mailbox.received.filter((m) => m.to.includes('admin@cabinet.example'));
    expect(toAdmin).toHaveLength(1);
    expect(toAdmin[0].mail.subject).toBe('Crédits SMS épuisés');
    expect(toAdmin[0].mail.text).toContain('Clinic');
    const settings = await ctx.app.get(SettingsRepository).findForClinic(clinic.clinicId);
    expect(settings!.credits.balance).toBe(0);

    await ctx.as(clinic).post('/api/settings/credits/top-ups', { credits: 10 }).expect(200);
    const retry = ctx.app.get(DeliveryRetryService);
    for (const delivery of failed) await retry.retry(await read(delivery), clinic.managerEmail, clock.now());
    await engine().drain();
    for (const delivery of failed) {
      expect(await read(delivery)).toMatchObject({ status: 'sent', error: null, credits: 1 });
      expect((await sandboxMessage(ctx.app, delivery._id))?.sendCalls).toBe(1);
    }
    expect((await ctx.app.get(SettingsRepository).findForClinic(clinic.clinicId))!.credits.balance).toBe(7);
    expect(mailbox.received.filter((m) => m.to.includes('admin@cabinet.example'))).toHaveLength(1);
  });
});
