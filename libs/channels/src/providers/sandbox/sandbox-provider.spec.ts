import { ManualClock } from '../clock';
import { InvalidCallbackError, final, type OutgoingMessage, type ProviderEvent } from '../provider';
import { SandboxProvider, type SandboxRecord } from './sandbox-provider';

const sms: OutgoingMessage = { channel: 'sms', to: '+33612345678', from: 'Cabinet', text: 'Bonjour Léa' };

function setup(options: ConstructorParameters<typeof SandboxProvider>[0] = {}) {
  const clock = new ManualClock(new Date('2026-12-02T09:00:00Z'));
  const sut = new SandboxProvider({ clock, receiptDelayMs: 1000, ...options });
  const events: ProviderEvent[] = [];
  sut.onEvent((event) => events.push(event));
  return { sut, clock, events };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe(SandboxProvider.name, () => {
  it('accepts a message, then delivers it after the configured delay', async () => {
    const { sut, clock, events } = setup();
    const outcome = await sut.send(sms, 'run1#sms24#patient');
    expect(outcome).toEqual({ accepted: true, providerMessageId: expect.stringMatching(/^sandbox-/) });
    const id = outcome.accepted ? outcome.providerMessageId : '';
    expect(events).toEqual([
      { type: 'status', report: { providerMessageId: id, status: 'sent', at: clock.now() } },
    ]);
    clock.advance(999);
    await flush();
    expect(events).toHaveLength(1);
    clock.advance(1);
    await flush();
    expect(events[1]).toEqual({
      type: 'status',
      report: { providerMessageId: id, status: 'delivered', at: new Date('2026-12-02T09:00:01Z') },
    });
    expect(await sut.lookup({ idempotencyKey: 'run1#sms24#patient' })).toEqual({
      providerMessageId: id,
      status: 'delivered',
      idempotencyKey: 'run1#sms24#patient',
    });
    expect(await sut.lookup({ providerMessageId: id })).toMatchObject({ status: 'delivered' });
  });

  it.each([
    { readAfterMs: 5000, statuses: ['sent', 'delivered', 'read'] },
    { readAfterMs: null, statuses: ['sent', 'delivered'] },
  ])(
    'reports a WhatsApp message read $readAfterMs ms after delivery (null: never)',
    async ({ readAfterMs, statuses }) => {
      const { sut, clock, events } = setup({ readAfterMs });
      await sut.send({ channel: 'whatsapp', to: '+33612345678', text: 'Bonjour Léa' }, 'w1');
      await sut.send(sms, 's1');
      for (let i = 0; i < 10; i++) {
        clock.advance(1000);
        await flush();
      }
      const whatsappId = events[0].type === 'status' ? events[0].report.providerMessageId : '';
      const whatsapp = events.filter((e) => e.type === 'status' && e.report.providerMessageId === whatsappId);
      expect(whatsapp.map((e) => (e.type === 'status' ? e.report.status : null))).toEqual(statuses);
      // An SMS is never read.
      expect(events.filter((e) => e.type === 'status' && e.report.status === 'read')).toHaveLength(
        statuses.includes('read') ? 1 : 0,
      );
      if (readAfterMs) {
        expect(events.at(-1)).toMatchObject({
          report: { status: 'read', at: new Date('2026-12-02T09:00:06Z') },
        });
        expect(await sut.lookup({ idempotencyKey: 'w1' })).toMatchObject({ status: 'read' });
      }
    },
  );

  it('tries a receipt again when its store is busy, without an unhandled rejection', async () => {
    const records = new Map<string, SandboxRecord>();
    let refusals = 1;
    const store = {
      get: (key: string) => records.get(key),
      set: async (key: string, record: SandboxRecord) => {
        if (record.status !== 'sent' && refusals-- > 0) throw new Error('SQLITE_BUSY');
        records.set(key, record);
      },
      values: () => records.values(),
    };
    const { sut, clock, events } = setup({ store });
    await sut.send(sms, 'busy');
    clock.advance(1000);
    await flush();
    expect(events).toHaveLength(1);
    expect(records.get('busy')?.status).toBe('sent');
    clock.advance(1000);
    await flush();
    expect(events[1]).toMatchObject({ type: 'status', report: { status: 'delivered' } });
    expect(records.get('busy')?.status).toBe('delivered');
  });

  it('never sends the same idempotency key twice', async () => {
    const { sut } = setup();
    const first = await sut.send(sms, 'k');
    const second = await sut.send({ ...sms, text: 'other' }, 'k');
    expect(second).toEqual(first);
    expect(await sut.messages()).toHaveLength(1);
  });

  it.each([
    { title: 'undelivered', outcome: { status: 'undelivered', reason: 'Phone switched off' } },
    { title: 'failed', outcome: { status: 'failed', reason: 'Unknown subscriber' } },
  ] as const)('produces $title receipts when configured', async ({ outcome }) => {
    const { sut, clock, events } = setup({ outcome: () => outcome });
    await sut.send(sms, 'k');
    clock.advance(1000);
    await flush();
    expect(events[1]).toMatchObject({ report: outcome });
    expect((await sut.messages())[0]).toMatchObject(outcome);
  });

  it('expires a message whose expiry passes before the receipt', async () => {
    const { sut, clock, events } = setup();
    await sut.send({ ...sms, expiresAt: new Date('2026-12-02T09:00:00.500Z') }, 'k');
    clock.advance(1000);
    await flush();
    expect(events[1]).toMatchObject({ report: { status: 'expired' } });
  });

  it('refuses a message already expired, and refusals configured for the demo', async () => {
    const { sut } = setup({
      refuse: (m) => (m.to === '+33600000000' ? final('credits-exhausted', 'Credits exhausted.') : null),
    });
    expect(await sut.send({ ...sms, expiresAt: new Date('2026-12-02T08:00:00Z') }, 'a')).toMatchObject({
      accepted: false,
      kind: 'final',
      code: 'expired',
    });
    expect(await sut.send({ ...sms, to: '+33600000000' }, 'b')).toEqual({
      accepted: false,
      kind: 'final',
      code: 'credits-exhausted',
      reason: 'Credits exhausted.',
    });
    expect(await sut.lookup({ idempotencyKey: 'b' })).toBeNull();
  });

  it('keeps messages in a store given to it, which survives the provider', async () => {
    const store = new Map<string, SandboxRecord>();
    const first = setup({ store, receiptDelayMs: null });
    const sent = await first.sut.send(sms, 'k');
    await first.sut.close();
    const second = setup({ store });
    expect(await second.sut.send(sms, 'k')).toEqual(sent);
    expect(
      await second.sut.lookup({ providerMessageId: sent.accepted ? sent.providerMessageId : '' }),
    ).toMatchObject({ status: 'sent' });
    expect(await second.sut.lookup({ providerMessageId: 'nope' })).toBeNull();
    expect(second.clock.pending).toBe(0);
  });

  it('keeps a message through a store that adds in one step, without reading it first', async () => {
    const held = new Map<string, SandboxRecord>();
    const calls: string[] = [];
    const store = {
      get: (key: string) => (calls.push(`get ${key}`), held.get(key)),
      set: (key: string, record: SandboxRecord) => (calls.push(`set ${key}`), held.set(key, record)),
      values: () => held.values(),
      add: async (key: string, record: SandboxRecord) => {
        calls.push(`add ${key}`);
        const earlier = held.get(key);
        if (!earlier) held.set(key, record);
        return earlier;
      },
    };
    const one = setup({ store, receiptDelayMs: null, messageIdPrefix: 'sandbox-p1' });
    const two = setup({ store, receiptDelayMs: null, messageIdPrefix: 'sandbox-p2' });
    const first = await one.sut.send(sms, 'k');
    const again = await two.sut.send({ ...sms, text: 'other' }, 'k');
    expect(first).toEqual({ accepted: true, providerMessageId: expect.stringMatching(/^sandbox-p1-/) });
    expect(again).toEqual(first);
    expect(calls).toEqual(['add k', 'add k']);
    expect([...held.values()].map((r) => r.message.text)).toEqual([sms.text]);
  });

  it('answers a message accepted before with its id, even once it would be refused', async () => {
    const { sut, clock } = setup({ receiptDelayMs: null });
    const expiresAt = new Date(clock.now().getTime() + 1000);
    const sent = await sut.send({ ...sms, expiresAt }, 'k');
    clock.advance(2000);
    expect(await sut.send({ ...sms, expiresAt }, 'k')).toEqual(sent);
    expect(await sut.send({ ...sms, expiresAt }, 'other')).toMatchObject({
      accepted: false,
      code: 'expired',
    });
  });

  it('makes ids under a prefix of its own, so processes sharing a store never make the same id', async () => {
    const one = setup({ messageIdPrefix: 'sandbox-p1' });
    const two = setup({ messageIdPrefix: 'sandbox-p2' });
    const a = await one.sut.send(sms, 'a');
    const b = await two.sut.send(sms, 'b');
    expect(a).toEqual({ accepted: true, providerMessageId: expect.stringMatching(/^sandbox-p1-/) });
    expect(b).toEqual({ accepted: true, providerMessageId: expect.stringMatching(/^sandbox-p2-/) });
  });

  it('cancels pending receipts on close', async () => {
    const { sut, clock } = setup();
    await sut.send(sms, 'k');
    expect(clock.pending).toBe(1);
    await sut.close();
    expect(clock.pending).toBe(0);
  });

  it('passes replies to subscribers until they unsubscribe', () => {
    const { sut } = setup();
    const seen: ProviderEvent[] = [];
    const stop = sut.onEvent((event) => seen.push(event));
    sut.reply('+33612345678', '+33700000000', 'C');
    stop();
    sut.reply('+33612345678', '+33700000000', 'N');
    expect(seen).toEqual([
      {
        type: 'inbound',
        message: {
          from: '+33612345678',
          to: '+33700000000',
          text: 'C',
          at: new Date('2026-12-02T09:00:00Z'),
        },
      },
    ]);
  });

  it.each([
    {
      body: { providerMessageId: 'x', status: 'delivered', at: '2026-12-02T10:00:00Z' },
      report: { providerMessageId: 'x', status: 'delivered', at: new Date('2026-12-02T10:00:00Z') },
    },
    {
      body: { providerMessageId: 'x', status: 'failed', reason: 'r' },
      report: { providerMessageId: 'x', status: 'failed', at: new Date('2026-12-02T09:00:00Z'), reason: 'r' },
    },
    { body: { other: 1 }, report: null },
    { body: null, report: null },
  ])('parses the status callback $body', ({ body, report }) => {
    expect(setup().sut.parseStatus({ body })).toEqual(report);
  });

  it('rejects a status it does not know', () => {
    expect(() => setup().sut.parseStatus({ body: { providerMessageId: 'x', status: 'lost' } })).toThrow(
      InvalidCallbackError,
    );
  });

  it.each([
    {
      body: { from: '+33612345678', to: 'x', text: 'C', at: '2026-12-02T10:00:00Z' },
      message: { from: '+33612345678', to: 'x', text: 'C', at: new Date('2026-12-02T10:00:00Z') },
    },
    {
      body: { from: '+33612345678', text: 'STOP' },
      message: { from: '+33612345678', to: '', text: 'STOP', at: new Date('2026-12-02T09:00:00Z') },
    },
    { body: { text: 'C' }, message: null },
  ])('parses the inbound callback $body', ({ body, message }) => {
    expect(setup().sut.parseInbound({ body })).toEqual(message);
  });

  it('always passes the connection test', async () => {
    expect(await new SandboxProvider().testConnection()).toEqual({ ok: true });
  });
});
