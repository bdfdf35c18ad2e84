import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EngineService } from '../src/modules/engine/engine.service';
import {
  claimedByAKilledProcess,
  collection,
  deliveryFactory,
  sendSmsThrough,
} from './engine-dispatch-fixtures';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

/**
 * A Twilio-style SMS endpoint that counts every submission by its text (it deduplicates nothing, as Twilio
 * without an idempotency token does), and answers late when told to: later than the provider waits.
 */
async function startTwilioPeer() {
  const submissions = new Map<string, number>();
  let lateAnswers = 0;
  let sids = 0;
  const server: Server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const text = new URLSearchParams(body).get('Body') ?? '';
      submissions.set(text, (submissions.get(text) ?? 0) + 1);
      const answer = () => {
        response.writeHead(201, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ sid: `SM${String(++sids).padStart(32, '0')}`, status: 'queued' }));
      };
      if (lateAnswers > 0) {
        lateAnswers--;
        setTimeout(answer, 1_500);
      } else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    /** How many times a text was submitted. */
    submitted: (text: string) => submissions.get(text) ?? 0,
    answerLate: (count: number) => (lateAnswers = count),
    /** A submission as a process makes it before it stops (the peer takes it; nobody records the answer). */
    submit: (text: string) =>
      fetch(`${baseUrl}/2010-04-01/Accounts/AC0123456789/Messages.json`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ To: '+33612345678', Body: text }).toString(),
      }),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('dispatcher: recovery over a Twilio-style provider (it cannot be asked by our key)', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const { plan, read } = deliveryFactory(() => ctx.app, clock);
  const clinic = ctx.clinic();
  const engine = () => ctx.app.get(EngineService);
  let peer: Awaited<ReturnType<typeof startTwilioPeer>>;
  const withText = (text: string) => ({ template: { byLanguage: { fr: { body: text } } } });

  beforeAll(async () => {
    peer = await startTwilioPeer();
    await sendSmsThrough(
      ctx,
      clinic,
      {
        kind: 'twilio',
        options: {
          accountSid: 'AC0123456789',
          baseUrl: peer.baseUrl,
          defaultFrom: 'Cabinet',
          timeoutMs: 500,
        },
        credentials: { authToken: 'twilio-auth-token' },
        ratePerSecond: 100,
      },
      10,
    );
  });
  afterAll(async () => {
    await peer?.close();
  });

  it('sends a message once, not in doubt, when nothing goes wrong', async () => {
    const delivery = await plan(clinic.clinicId, withText('Rappel sans faute'));
    await engine().drain();
    expect(await read(delivery)).toMatchObject({ status: 'sent', attempt: 1, inDoubt: false });
    expect(peer.submitted('Rappel sans faute')).toBe(1);
  });

  it('marks the retry in doubt after a request that got no answer in time: the peer had it twice', async () => {
    const delivery = await plan(clinic.clinicId, withText('Rappel sans réponse'));
    peer.answerLate(1);
    await engine().drain();
    expect(await read(delivery)).toMatchObject({ status: 'retrying', attempt: 1 });
    const entry = await collection<{ dueAt: Date }>(ctx.app, 'delivery_queue').findOne({ _id: delivery._id });
    clock.advance(new Date(entry!.dueAt).getTime() - clock.now().getTime());
    await engine().drain();
    expect(await read(delivery)).toMatchObject({ status: 'sent', attempt: 2, inDoubt: true });
    // The duplicate is among the messages marked in doubt, and only there.
    expect(peer.submitted('Rappel sans réponse')).toBe(2);
  });

  it('takes over a send whose process stopped after handing it over: sent again, in doubt', async () => {
    const delivery = await plan(clinic.clinicId, withText('Rappel repris'));
    // The process that claimed attempt 1 handed the message to the provider, then stopped.
    await claimedByAKilledProcess(ctx.app, clock, delivery, new Date(clock.now().getTime() + 30_000));
    expect((await peer.submit('Rappel repris')).status).toBe(201);
    await engine().drain();
    expect(peer.submitted('Rappel repris')).toBe(1);
    clock.advance(31_000);
    await engine().drain();
    expect(await read(delivery)).toMatchObject({ status: 'sent', attempt: 2, inDoubt: true });
    expect(peer.submitted('Rappel repris')).toBe(2);
  });
});
