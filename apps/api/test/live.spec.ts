import { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AddressInfo } from 'node:net';
import { Db } from 'mongodb';
import { io, Socket } from 'socket.io-client';
import type { DeliveryUpdated } from '@clinicflow/contract';
import { LiveEventRepository, relayKeyAt } from '../src/modules/live/live-event.repository';
import { LiveEventsService } from '../src/modules/live/live-events.service';
import { LiveRelayService } from '../src/modules/live/live-relay.service';
import { createTestApp, useTestContext } from './test-app';

function urlOf(app: INestApplication) {
  const { port } = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}/live`;
}

/** A socket of the `/live` namespace that records what it receives. */
async function connect(app: INestApplication, token: unknown) {
  const socket = io(urlOf(app), {
    path: '/socket.io',
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const received: { name: string; payload: DeliveryUpdated }[] = [];
  socket.onAny((name: string, payload: DeliveryUpdated) => received.push({ name, payload }));
  const outcome = await new Promise<{ ok: true } | { ok: false; message: string }>((resolve) => {
    socket.once('connect', () => resolve({ ok: true }));
    socket.once('connect_error', (error) => resolve({ ok: false, message: error.message }));
  });
  return { socket, received, outcome };
}

async function until(check: () => boolean, timeoutMs = 5_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const update = (id: string): DeliveryUpdated => ({
  id,
  status: 'sent',
  flowId: 'flow-1',
  nodeId: 'sms24',
  at: '2026-03-02T08:00:00.000Z',
});

describe('live events', () => {
  const ctx = useTestContext();
  const a = ctx.clinic();
  const b = ctx.clinic();
  const sockets: Socket[] = [];
  let second: INestApplication | undefined;

  beforeAll(async () => {
    await ctx.app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await second?.close();
  });

  it("should give a manager of clinic A A's events and none of clinic B's", async () => {
    const { socket, received, outcome } = await connect(ctx.app, a.managerToken);
    sockets.push(socket);
    expect(outcome).toEqual({ ok: true });
    const live = ctx.app.get(LiveEventsService);
    live.deliveryUpdated(b.clinicId, update('dlv-of-b'));
    live.deliveryUpdated(a.clinicId, update('dlv-of-a'));
    live.runUpdated(a.clinicId, {
      id: 'run-of-a',
      flowId: 'flow-1',
      nodeId: 'wait1',
      status: 'waiting',
      at: '2026-03-02T08:00:00.000Z',
    });
    await until(() => received.some((r) => r.name === 'run.updated'));
    expect(received).toEqual([
      { name: 'delivery.updated', payload: update('dlv-of-a') },
      {
        name: 'run.updated',
        payload: {
          id: 'run-of-a',
          flowId: 'flow-1',
          nodeId: 'wait1',
          status: 'waiting',
          at: '2026-03-02T08:00:00.000Z',
        },
      },
    ]);
  });

  it('should announce a real change: a message planned through the API', async () => {
    const { socket, received } = await connect(ctx.app, a.staffToken);
    sockets.push(socket);
    const { body } = await ctx
      .as(a)
      .post('/api/sends', { channel: 'sms', to: '06 12 34 56 78', template: { body: 'Fermé lundi.' } })
      .expect(201);
    await until(() => received.some((r) => r.payload.id === body.id));
    expect(received.find((r) => r.payload.id === body.id)).toEqual({
      name: 'delivery.updated',
      payload: { id: body.id, status: 'scheduled', flowId: null, nodeId: null, at: expect.any(String) },
    });
  });

  it('should let staff of a clinic connect too', async () => {
    const { socket, outcome } = await connect(ctx.app, a.staffToken);
    sockets.push(socket);
    expect(outcome).toEqual({ ok: true });
  });

  it.each([
    ['a forged token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad-signature'],
    ['no token', undefined],
    ['a token that is not a string', 42],
  ])('should refuse a socket with %s', async (_title, token) => {
    const { socket, outcome } = await connect(ctx.app, token);
    sockets.push(socket);
    expect(outcome).toEqual({ ok: false, message: expect.stringMatching(/Unauthorized/) });
    expect(socket.connected).toBe(false);
  });

  it('should carry an event published in one API process to a socket connected to another', async () => {
    // What the first process raised before the second started is not for the second's sockets.
    await ctx.app.get(LiveRelayService).cycle();
    await ctx.app.get(LiveRelayService).cycle();
    const databaseName = ctx.app.get(ConfigService).get<string>('MONGODB_DB_NAME')!;
    second = await createTestApp({ MONGODB_DB_NAME: databaseName });
    await second.listen(0, '127.0.0.1');
    // With no socket open on it, the second process has no one to hand the others' events to: it reads none.
    const reads = jest.spyOn(second.get(LiveEventRepository), 'since');
    ctx.app.get(LiveEventsService).deliveryUpdated(a.clinicId, update('dlv-unheard'));
    await ctx.app.get(LiveRelayService).cycle();
    await second.get(LiveRelayService).cycle();
    await second.get(LiveRelayService).cycle();
    expect(reads).not.toHaveBeenCalled();
    const onSecond = await connect(second, a.managerToken);
    const onFirst = await connect(ctx.app, a.managerToken);
    const ofB = await connect(second, b.managerToken);
    sockets.push(onSecond.socket, onFirst.socket, ofB.socket);

    ctx.app.get(LiveEventsService).deliveryUpdated(a.clinicId, update('dlv-across'));

    await until(() => onSecond.received.some((r) => r.payload.id === 'dlv-across'));
    expect(reads).toHaveBeenCalled();
    // (An event of the last seconds may reach a socket that opened after it: it refetches from REST anyway.)
    const across = onSecond.received.filter((r) => r.payload.id !== 'dlv-unheard');
    expect(across).toEqual([{ name: 'delivery.updated', payload: update('dlv-across') }]);
    // The process that raised it emits it once, itself; the relay does not echo it back.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(onFirst.received).toEqual([{ name: 'delivery.updated', payload: update('dlv-across') }]);
    expect(onSecond.received.filter((r) => r.payload.id === 'dlv-across')).toHaveLength(1);
    expect(ofB.received).toEqual([]);
  });
});

describe('live events: the relay collection', () => {
  const ctx = useTestContext();
  // Keys of the last few seconds: the app's own relay prunes what is older than a minute meanwhile.
  const base = Date.now();
  const key = (ms: number, origin: string, n: number) =>
    `${relayKeyAt(base + ms)}:${origin}:${String(n).padStart(10, '0')}`;
  const batch = (ms: number, origin: string, n: number) => ({
    _id: key(ms, origin, n),
    writtenAt: base + ms,
    origin,
    events: [{ name: 'delivery.updated', clinicId: 'cln_x', payload: update(`dlv-${ms}-${n}`) }],
  });

  it("should read only other processes' batches since a moment, oldest first, and prune only those before one", async () => {
    const repository = ctx.app.get(LiveEventRepository);
    // 150 old batches (more than one write command of deletes), then a few recent ones of two processes.
    const old = Array.from({ length: 150 }, (_, n) => batch(1_000 + n, n % 2 ? 'me' : 'other', n));
    const recent = [
      batch(9_000, 'other', 1),
      batch(9_000, 'me', 2),
      batch(9_500, 'other', 3),
      batch(8_000, 'other', 4),
      batch(8_500, 'other', 5),
    ];
    await repository.insertMany([...old, ...recent] as never);

    const after = await repository.since(base + 8_500, 'me', 500);
    expect(after.map((found) => found._id)).toEqual([
      key(8_500, 'other', 5),
      key(9_000, 'other', 1),
      key(9_500, 'other', 3),
    ]);

    await repository.pruneBefore(base + 8_000);
    const left = await ctx.app.get(Db).collection('live_events').find({}).sort({ _id: 1 }).toArray();
    expect(left.map((found) => found._id)).toEqual([
      key(8_000, 'other', 4),
      key(8_500, 'other', 5),
      key(9_000, 'me', 2),
      key(9_000, 'other', 1),
      key(9_500, 'other', 3),
    ]);
  });
});
