// Issue 19, webhooks out (B8): a clinic's endpoints get its events signed per the Standard Webhooks spec, from a
// real HTTP receiver started by the test; failures are retried with backoff for 24 hours, then the endpoint is
// turned off and the admin told; a flow's webhook step calls its URL.
import { remindersFlow, type Flow } from '@clinicflow/rules';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { externalDocumentId } from '../src/common/ids';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { postSandboxCallback } from './sandbox-callback';
import { EVERY_PATIENT, REPLY_NUMBER, REPLYING_CLINIC_SENDERS } from './scenario-1';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A PMS's webhook receiver: records what comes, answers the statuses queued for a path (else 200). */
class Receiver {
  readonly received: Received[] = [];
  /** The statuses to answer, by path, in order (200 once they are used up). */
  readonly answers = new Map<string, number[]>();
  private server!: Server;

  async start() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.received.push({
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        });
        res.statusCode = this.answers.get(req.url ?? '')?.shift() ?? 200;
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  url(path: string) {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  on(path: string) {
    return this.received.filter((r) => r.path === path);
  }

  stop() {
    return new Promise((resolve) => this.server.close(resolve));
  }
}

describe('webhooks out', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  // The receiver runs on this machine: the outbound guard lets the test's address through, and only it.
  const ctx = useTestContext({ CLINICFLOW_ALLOWED_PROVIDER_HOSTS: '127.0.0.1' }, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  const receiver = new Receiver();
  let secret: string;
  let endpointId: string;

  beforeAll(async () => {
    await receiver.start();
    await engine.settings(clinic, {
      consent: EVERY_PATIENT,
      senders: REPLYING_CLINIC_SENDERS,
      providers: { sms: { kind: 'sandbox', options: {} } },
      adminEmail: 'admin@cabinet.example',
    });
    await engine.publish(clinic, remindersFlow);
    const created = await ctx
      .as(clinic)
      .post('/api/settings/webhooks', {
        url: receiver.url('/pms'),
        events: ['appointment.confirmed', 'reply.received'],
        description: 'PMS',
      })
      .expect(201);
    ({ id: endpointId, secret } = created.body);
    expect(secret).toMatch(/^whsec_/);
  });

  afterAll(() => receiver.stop());

  it('sends a signed appointment.confirmed after the patient answers "C", verified with standardwebhooks', async () => {
    await engine.post(clinic, bookingEvent('hook-1', 'A-HOOK', '2026-03-07T10:00')).expect(202);
    await engine.at('2026-03-02T08:00:00Z');
    await engine.at('2026-03-05T09:00:00Z');
    await engine.at('2026-03-06T09:00:00Z');
    const answer = await postSandboxCallback(ctx, clinic, 'inbound', {
      from: '06 12 34 56 78',
      to: REPLY_NUMBER,
      text: 'C',
      providerMessageId: 'in-hook-1',
    });
    expect(answer.body).toMatchObject({ accepted: true, meaning: 'confirmed' });
    await engine.at('2026-03-06T09:00:01Z');

    const types = receiver.on('/pms').map((r) => JSON.parse(r.body).type);
    expect(types.sort()).toEqual(['appointment.confirmed', 'reply.received']);
    const confirmed = receiver.on('/pms').find((r) => JSON.parse(r.body).type === 'appointment.confirmed')!;
    // The receiver's check, with the library of the spec: a wrong secret or a changed body would throw.
    const payload = new Webhook(secret).verify(confirmed.body, confirmed.headers as Record<string, string>);
    expect(payload).toMatchObject({
      type: 'appointment.confirmed',
      data: {
        answer: 'confirmed',
        appointment: {
          id: externalDocumentId('apt', clinic.clinicId, 'A-HOOK'),
          externalId: 'A-HOOK',
          status: 'confirmed',
        },
      },
    });
    expect(() =>
      new Webhook(`whsec_${Buffer.from('another secret, 24 bytes!').toString('base64')}`).verify(
        confirmed.body,
        confirmed.headers as Record<string, string>,
      ),
    ).toThrow();
    const log = (await ctx.as(clinic).get(`/api/settings/webhooks/${endpointId}/messages`).expect(200)).body;
    expect(log.every((m: { status: string }) => m.status === 'delivered')).toBe(true);
    expect(log[0].attempts[0]).toMatchObject({ statusCode: 200, error: null });
  });

  it('retries a receiver that answers 500 three times, and the event arrives once in the end', async () => {
    const path = '/flaky';
    const flaky = await ctx
      .as(clinic)
      .post('/api/settings/webhooks', { url: receiver.url(path), events: ['reply.received'] })
      .expect(201);
    receiver.answers.set(path, [500, 500, 500]);
    await postSandboxCallback(ctx, clinic, 'inbound', {
      from: '06 12 34 56 78',
      to: REPLY_NUMBER,
      text: 'Merci',
      providerMessageId: 'in-flaky',
    });
    // The backoff: 5 s, 30 s, 2 min (each up to 10 % more).
    for (const at of ['09:00:02', '09:00:10', '09:00:50', '09:04:00', '09:10:00', '10:00:00']) {
      await engine.at(`2026-03-06T${at}Z`);
    }
    const got = receiver.on(path);
    expect(got.map((r) => r.headers['webhook-id'])).toEqual(Array(4).fill(got[0].headers['webhook-id']));
    const [message] = (
      await ctx.as(clinic).get(`/api/settings/webhooks/${flaky.body.id}/messages`).expect(200)
    ).body;
    expect(message.status).toBe('delivered');
    expect(message.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 500, 200]);

    // "Resend" sends it once more, with the same id.
    await ctx
      .as(clinic)
      .post(`/api/settings/webhooks/${flaky.body.id}/messages/${message.id}/resend`)
      .expect(200);
    await engine.at('2026-03-06T10:00:01Z');
    expect(receiver.on(path)).toHaveLength(5);
    expect(receiver.on(path)[4].headers['webhook-id']).toBe(got[0].headers['webhook-id']);
  });

  it('turns off an endpoint whose receiver is down for 24 hours, and tells the admin', async () => {
    const down = await ctx
      .as(clinic)
      .post('/api/settings/webhooks', { url: 'http://127.0.0.1:9/down', events: ['reply.received'] })
      .expect(201);
    await postSandboxCallback(ctx, clinic, 'inbound', {
      from: '06 12 34 56 78',
      to: REPLY_NUMBER,
      text: 'Bonjour',
      providerMessageId: 'in-down',
    });
    const start = Date.parse('2026-03-06T10:00:02Z');
    for (let minutes = 0; minutes <= 26 * 60; minutes += 20) {
      await engine.at(new Date(start + minutes * 60_000).toISOString());
    }
    const endpoints = (await ctx.as(clinic).get('/api/settings/webhooks').expect(200)).body;
    expect(endpoints.find((e: { id: string }) => e.id === down.body.id)).toMatchObject({
      enabled: false,
      disabledReason: 'its messages failed for 24 hours (last: no answer)',
    });
    const [message] = (
      await ctx.as(clinic).get(`/api/settings/webhooks/${down.body.id}/messages`).expect(200)
    ).body;
    expect(message.status).toBe('failed');
    expect(message.attempts.length).toBeGreaterThanOrEqual(10);
    const alerts = await engine.deliveries(clinic, { purpose: 'alert' } as object);
    expect(alerts.map((d) => [d.channel, d.recipient.address])).toEqual([['email', 'admin@cabinet.example']]);
    // The alert names the endpoint's host (rendered when sent, written in the template until then).
    expect(alerts[0].text ?? JSON.stringify(alerts[0].template)).toContain('127.0.0.1:9');
  });

  it("calls a flow's webhook step with the run's appointment, signed with the flow-steps secret", async () => {
    const flow: Flow = {
      name: 'Tell the PMS',
      nodes: [
        { id: 't', type: 'trigger', position: { x: 0, y: 0 }, data: { events: ['appointment.booked'] } },
        { id: 'hook', type: 'webhook', position: { x: 0, y: 100 }, data: { url: receiver.url('/step') } },
      ],
      edges: [{ id: 'a', source: 't', target: 'hook' }],
    };
    await engine.publish(clinic, flow);
    await engine
      .post(clinic, bookingEvent('hook-step', 'A-STEP', '2026-03-20T10:00', { at: '2026-03-07T12:00:03Z' }))
      .expect(202);
    await engine.at('2026-03-07T12:00:04Z');
    const [step] = receiver.on('/step');
    const stepSecret = (await ctx.as(clinic).get('/api/settings/webhooks/flow-steps/secret').expect(200)).body
      .secret;
    expect(new Webhook(stepSecret).verify(step.body, step.headers as Record<string, string>)).toMatchObject({
      type: 'flow.webhook',
      data: {
        nodeId: 'hook',
        appointment: { externalId: 'A-STEP' },
        patient: { firstName: 'Léa', lastName: 'Martin' },
      },
    });
  });

  it('refuses an address the outbound guard does not allow, and an endpoint without events, naming the field', async () => {
    const metadata = await ctx
      .as(clinic)
      .post('/api/settings/webhooks', { url: 'http://169.254.169.254/latest', events: ['run.ended'] })
      .expect(400);
    expect(metadata.body.errors[0].path).toBe('body.url');
    const none = await ctx
      .as(clinic)
      .post('/api/settings/webhooks', { url: receiver.url('/x'), events: [] })
      .expect(400);
    expect(none.body.errors[0]).toEqual({ path: 'body.events', message: 'choose at least one event' });
    await ctx.as(clinic, clinic.staffToken).get('/api/settings/webhooks').expect(403);
  });
});
