import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigService } from '@nestjs/config';
import type { INestApplication } from '@nestjs/common';
import type { DeliveryClaim } from '../src/modules/deliveries/delivery-claim.repository';
import type { DeliveryDocument } from '../src/modules/deliveries/delivery.document';
import { DispatcherService } from '../src/modules/dispatcher/dispatcher.service';
import { collection, deliveryFactory, sendSmsThrough, until } from './engine-dispatch-fixtures';
import { createTestApp, useTestContext } from './test-app';
import { TestClock } from './test-clock';

/**
 * A Twilio-style SMS endpoint that holds each request until the test lets it answer: a provider slower than
 * the dispatch lease (docs/engine.md, "The pool": the lease is renewed while a send runs).
 */
async function startSlowProvider() {
  const held: ServerResponse[] = [];
  const requests: string[] = [];
  const server: Server = http.createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      requests.push(body);
      held.push(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    answerAll() {
      for (const [n, response] of held.splice(0).entries()) {
        response.writeHead(201, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ sid: `SM${String(n + 1).padStart(32, '0')}`, status: 'queued' }));
      }
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const LEASE_SECONDS = 2;

describe('dispatcher: the lease of a send still in progress', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({ DISPATCH_LEASE_SECONDS: String(LEASE_SECONDS) }, { clock });
  const { plan } = deliveryFactory(() => ctx.app, clock);
  const clinic = ctx.clinic();
  let provider: Awaited<ReturnType<typeof startSlowProvider>>;
  let second: INestApplication;

  beforeAll(async () => {
    provider = await startSlowProvider();
    second = await createTestApp(
      {
        MONGODB_DB_NAME: ctx.app.get(ConfigService).get<string>('MONGODB_DB_NAME')!,
        DISPATCH_LEASE_SECONDS: String(LEASE_SECONDS),
      },
      { clock },
    );
    const twilio = {
      kind: 'twilio',
      options: { accountSid: 'AC0123456789', baseUrl: provider.baseUrl, defaultFrom: 'Cabinet' },
      credentials: { authToken: 'twilio-auth-token' },
      ratePerSecond: 100,
    };
    await sendSmsThrough(ctx, clinic, twilio, 10);
  });
  afterAll(async () => {
    await second?.close();
    await provider?.close();
  });

  it('should renew it, so that another process finds nothing to take over and the message goes once', async () => {
    const delivery = await plan(clinic.clinicId);
    const sending = ctx.app.get(DispatcherService).dispatchDue();
    await until(() => provider.requests.length === 1);
    // Past the lease the send was claimed with; a renewal (every half lease, on the real clock) moves it on.
    clock.advance(3 * LEASE_SECONDS * 1000);
    await new Promise((resolve) => setTimeout(resolve, (LEASE_SECONDS * 1000) / 2 + 300));
    // The lease lives on the send's claim (the delivery is written once, with the outcome).
    const claim = await collection<DeliveryClaim>(ctx.app, 'delivery_claims').findOne({
      _id: `${delivery._id}#1`,
    });
    expect(claim).toMatchObject({ kind: 'send', attempt: 1 });
    expect(new Date(claim!.leaseUntil!).getTime()).toBeGreaterThan(clock.now().getTime());
    // Its queue entry stays due: the other process finds it, loses the claim, reads the renewed lease and
    // steps over the entry until that lease ends.
    const queued = await collection<{ dueAt: Date }>(ctx.app, 'delivery_queue').findOne({
      _id: delivery._id,
    });
    expect(new Date(queued!.dueAt).getTime()).toBeLessThanOrEqual(clock.now().getTime());

    const other = await second.get(DispatcherService).dispatchDue();
    expect(other).toMatchObject({ recovered: 0, sent: 0, lost: 0, held: 1 });
    const claims = collection(ctx.app, 'delivery_claims');
    const claimsBefore = await claims.countDocuments({});
    expect(await second.get(DispatcherService).dispatchDue()).toMatchObject({ held: 1, lost: 0, sent: 0 });
    expect(await claims.countDocuments({})).toBe(claimsBefore);
    expect(provider.requests).toHaveLength(1);

    provider.answerAll();
    expect(await sending).toMatchObject({ sent: 1, recovered: 0 });
    const sent = await collection<DeliveryDocument>(ctx.app, 'deliveries').findOne({ _id: delivery._id });
    expect(sent).toMatchObject({ status: 'sent', attempt: 1, inDoubt: false });
    expect(sent!.history.map((entry) => entry.status)).toEqual(['scheduled', 'sending', 'sent']);
    expect(await collection(ctx.app, 'delivery_queue').countDocuments({ _id: delivery._id })).toBe(0);
  });
});
