import type { AddressInfo } from 'node:net';
import * as smpp from 'smpp';
import { NO_ANSWER, type ProviderEvent } from '../provider';
import { SmppProvider } from './smpp-provider';

interface Smsc {
  server: smpp.Server;
  port: number;
  submits: smpp.PDU[];
  enquireLinks: number;
  maxInFlight: number;
  /** What the SMS centre does with each submit_sm. */
  behaviour: 'accept' | 'throttle' | 'invalid-destination' | 'silent' | 'slow';
  autoReceipt: 'DELIVRD' | 'UNDELIV' | null;
  answersEnquireLink: boolean;
  sessions: smpp.Session[];
  binds: number;
  /** The submits (1 for the first) answered "throttled" whatever the behaviour. */
  throttledSubmits: number[];
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await wait(10);
  }
}

/** A real SMPP server (the smpp package's) playing the SMS centre. */
async function startSmsc(port = 0, state?: Smsc): Promise<Smsc> {
  const smsc: Smsc = state ?? {
    server: null as never,
    port,
    submits: [],
    enquireLinks: 0,
    maxInFlight: 0,
    behaviour: 'accept',
    autoReceipt: null,
    answersEnquireLink: true,
    sessions: [],
    binds: 0,
    throttledSubmits: [],
  };
  let counter = 0;
  let inFlight = 0;
  smsc.server = smpp.createServer({}, (session) => {
    smsc.sessions.push(session);
    session.on('error', () => undefined);
    session.on('bind_transceiver', (pdu: smpp.PDU) => {
      smsc.binds += 1;
      const ok = pdu.system_id === 'clinic' && pdu.password === 'secret';
      session.send(pdu.response(ok ? {} : { command_status: smpp.ESME_RINVPASWD }));
    });
    session.on('enquire_link', (pdu: smpp.PDU) => {
      smsc.enquireLinks += 1;
      if (smsc.answersEnquireLink) session.send(pdu.response());
    });
    session.on('unbind', (pdu: smpp.PDU) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('query_sm', (pdu: smpp.PDU) => {
      const known = smsc.submits.length > 0 && String(pdu.message_id).startsWith('msg-');
      session.send(
        pdu.response(
          known
            ? { message_id: pdu.message_id, final_date: '', message_state: 2, error_code: 0 }
            : { command_status: smpp.errors.ESME_RQUERYFAIL },
        ),
      );
    });
    session.on('submit_sm', async (pdu: smpp.PDU) => {
      smsc.submits.push(pdu);
      if (smsc.behaviour === 'silent') return;
      if (smsc.behaviour === 'throttle' || smsc.throttledSubmits.includes(smsc.submits.length))
        return session.send(pdu.response({ command_status: smpp.ESME_RTHROTTLED }));
      if (smsc.behaviour === 'invalid-destination')
        return session.send(pdu.response({ command_status: smpp.ESME_RINVDSTADR }));
      inFlight += 1;
      smsc.maxInFlight = Math.max(smsc.maxInFlight, inFlight);
      if (smsc.behaviour === 'slow') await wait(100);
      inFlight -= 1;
      const id = `msg-${smsc.port}-${++counter}`;
      session.send(pdu.response({ message_id: id }));
      if (smsc.autoReceipt) {
        session.send(
          new smpp.PDU('deliver_sm', {
            source_addr: pdu.destination_addr,
            destination_addr: pdu.source_addr,
            esm_class: 0x04,
            short_message: `id:${id} sub:001 dlvrd:001 submit date:2612020900 done date:2612020901 stat:${smsc.autoReceipt} err:000 text:`,
          }),
        );
      }
    });
  });
  await new Promise<void>((resolve) => smsc.server.listen(port, '127.0.0.1', resolve));
  smsc.port = (smsc.server.address() as AddressInfo).port;
  return smsc;
}

async function stopSmsc(smsc: Smsc): Promise<void> {
  for (const session of smsc.sessions) session.destroy();
  smsc.sessions = [];
  await new Promise((resolve) => smsc.server.close(resolve));
}

describe(SmppProvider.name, () => {
  let smsc: Smsc;
  const providers: SmppProvider[] = [];

  beforeEach(async () => {
    smsc = await startSmsc();
  });

  afterEach(async () => {
    await Promise.all(providers.splice(0).map((p) => p.close()));
    await stopSmsc(smsc);
  });

  const provider = (options: Partial<ConstructorParameters<typeof SmppProvider>[0]> = {}) => {
    const sut = new SmppProvider({
      host: '127.0.0.1',
      port: smsc.port,
      systemId: 'clinic',
      password: 'secret',
      defaultFrom: 'Cabinet',
      responseTimeoutMs: 500,
      reconnect: { initialDelayMs: 20, maxDelayMs: 100 },
      ...options,
    });
    providers.push(sut);
    return sut;
  };

  it('submits a GSM-7 SMS with addresses, receipt request and validity period', async () => {
    const expiresAt = new Date(Date.now() + 3_600_000);
    const outcome = await provider().send(
      {
        channel: 'sms',
        to: '+33612345678',
        text: 'Bonjour Léa, RDV le jeudi 3 décembre à 09:30. 45 €',
        expiresAt,
      },
      'k1',
    );
    expect(outcome).toEqual({ accepted: true, providerMessageId: expect.stringMatching(/^msg-/) });
    const [pdu] = smsc.submits;
    expect(pdu).toMatchObject({
      source_addr: 'Cabinet',
      source_addr_ton: 5,
      source_addr_npi: 0,
      destination_addr: '33612345678',
      dest_addr_ton: 1,
      dest_addr_npi: 1,
      registered_delivery: 1,
      data_coding: 0,
      short_message: { message: 'Bonjour Léa, RDV le jeudi 3 décembre à 09:30. 45 €' },
    });
    expect(Math.abs((pdu.validity_period as Date).getTime() - expiresAt.getTime())).toBeLessThan(1000);
  });

  it('splits a long UCS-2 SMS into UDH-concatenated parts with data_coding 8, from a number', async () => {
    const text = 'Ça y est : votre rendez-vous est confirmé. '.repeat(4) + '😀';
    const outcome = await provider().send(
      { channel: 'sms', to: '+4741234567', from: '+33700000000', text },
      'k2',
    );
    expect(outcome.accepted).toBe(true);
    expect(smsc.submits).toHaveLength(3);
    const references = new Set<number>();
    smsc.submits.forEach((pdu, index) => {
      const message = pdu.short_message as { udh: Buffer[]; message: string };
      expect(pdu).toMatchObject({
        data_coding: 8,
        esm_class: 0x40,
        source_addr: '33700000000',
        source_addr_ton: 1,
        destination_addr: '4741234567',
      });
      expect([...message.udh[0]].slice(0, 5)).toEqual([0x00, 0x03, message.udh[0][2], 3, index + 1]);
      references.add(message.udh[0][2]);
    });
    expect(references.size).toBe(1);
    expect(smsc.submits.map((pdu) => (pdu.short_message as { message: string }).message).join('')).toBe(text);
  });

  it('retries a long message from its first refused part, under the same reference', async () => {
    const sut = provider();
    const text = 'Rappel : votre rendez-vous est demain à 09:30. '.repeat(7);
    smsc.throttledSubmits = [2];
    const refused = await sut.send({ channel: 'sms', to: '+33612345678', text }, 'long-1');
    expect(refused).toMatchObject({ accepted: false, kind: 'retryable' });
    const retried = await sut.send({ channel: 'sms', to: '+33612345678', text }, 'long-1');
    const parts = smsc.submits.map((pdu) => (pdu.short_message as { udh: Buffer[] }).udh[0]);
    // Part 1 accepted, part 2 refused; the retry submits parts 2 and 3 only.
    expect(parts.map((udh) => udh[4])).toEqual([1, 2, 2, 3]);
    expect(new Set(parts.map((udh) => udh[2])).size).toBe(1);
    expect(retried).toEqual({ accepted: true, providerMessageId: `msg-${smsc.port}-1` });
    const received = [0, 2, 3].map((i) => (smsc.submits[i].short_message as { message: string }).message);
    expect(received.join('')).toBe(text);
  });

  it('sends every part again when the retried message is another text', async () => {
    const sut = provider();
    const text = 'Rappel : votre rendez-vous est demain à 09:30. '.repeat(7);
    smsc.throttledSubmits = [2];
    await sut.send({ channel: 'sms', to: '+33612345678', text }, 'long-2');
    const outcome = await sut.send({ channel: 'sms', to: '+33612345678', text: `${text}!` }, 'long-2');
    expect(outcome.accepted).toBe(true);
    const parts = smsc.submits.map((pdu) => (pdu.short_message as { udh: Buffer[] }).udh[0]);
    expect(parts.map((udh) => udh[4])).toEqual([1, 2, 1, 2, 3]);
    expect(parts[2][2]).not.toBe(parts[0][2]);
  });

  it('turns a delivery receipt into "delivered" for the whole long message', async () => {
    smsc.autoReceipt = 'DELIVRD';
    const sut = provider();
    const events: ProviderEvent[] = [];
    sut.onEvent((event) => events.push(event));
    const outcome = await sut.send({ channel: 'sms', to: '+33612345678', text: 'a'.repeat(200) }, 'k3');
    await until(() => events.length > 0);
    await wait(30);
    expect(events).toEqual([
      {
        type: 'status',
        report: {
          providerMessageId: outcome.accepted && outcome.providerMessageId,
          status: 'delivered',
          at: new Date('2026-12-02T09:01:00Z'),
        },
      },
    ]);
  });

  it('reports an undelivered receipt at the first failed part', async () => {
    smsc.autoReceipt = 'UNDELIV';
    const sut = provider();
    const events: ProviderEvent[] = [];
    sut.onEvent((event) => events.push(event));
    const outcome = await sut.send({ channel: 'sms', to: '+33612345678', text: 'a'.repeat(200) }, 'k');
    await until(() => events.length > 0);
    await wait(30);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      report: {
        providerMessageId: outcome.accepted && outcome.providerMessageId,
        status: 'undelivered',
        reason: /could not be delivered/,
      },
    });
  });

  it('passes an inbound "C" to the listeners', async () => {
    const sut = provider();
    const events: ProviderEvent[] = [];
    sut.onEvent((event) => events.push(event));
    expect(await sut.testConnection()).toEqual({ ok: true });
    smsc.sessions[0].send(
      new smpp.PDU('deliver_sm', {
        source_addr: '33612345678',
        source_addr_ton: 1,
        destination_addr: '33700000000',
        dest_addr_ton: 1,
        short_message: 'C',
      }),
    );
    await until(() => events.length > 0);
    expect(events[0]).toEqual({
      type: 'inbound',
      message: { from: '+33612345678', to: '+33700000000', text: 'C', at: expect.any(Date) },
    });
  });

  it('joins a long reply that arrives in parts, and reads UCS-2 replies', async () => {
    const sut = provider();
    const events: ProviderEvent[] = [];
    sut.onEvent((event) => events.push(event));
    await sut.testConnection();
    const part = (sequence: number, message: string) =>
      new smpp.PDU('deliver_sm', {
        source_addr: '33612345678',
        source_addr_ton: 1,
        destination_addr: '33700000000',
        dest_addr_ton: 1,
        data_coding: 8,
        short_message: { udh: Buffer.from([0x05, 0x00, 0x03, 0x2a, 2, sequence]), message },
      });
    smsc.sessions[0].send(part(2, ' je serai là 👍'));
    smsc.sessions[0].send(part(2, ' je serai là 👍'));
    smsc.sessions[0].send(part(1, 'Oui,'));
    await until(() => events.length > 0);
    await wait(30);
    expect(events).toEqual([
      {
        type: 'inbound',
        message: expect.objectContaining({ from: '+33612345678', text: 'Oui, je serai là 👍' }),
      },
    ]);
  });

  it.each([
    { behaviour: 'throttle', kind: 'retryable', code: 'smpp-0x58', reason: /throttling/ },
    { behaviour: 'invalid-destination', kind: 'final', code: 'smpp-0x0b', reason: /invalid destination/ },
    { behaviour: 'silent', kind: 'retryable', code: 'timeout', reason: /did not answer in time/ },
  ] as const)('classifies a $behaviour answer as $kind', async ({ behaviour, kind, code, reason }) => {
    smsc.behaviour = behaviour;
    expect(await provider().send({ channel: 'sms', to: '+33612345678', text: 'x' }, 'k')).toEqual({
      accepted: false,
      kind,
      code,
      reason: expect.stringMatching(reason),
    });
  });

  it('treats a refused password as final', async () => {
    const sut = provider({ password: 'wrong' });
    expect(await sut.send({ channel: 'sms', to: '+33612345678', text: 'x' }, 'k')).toMatchObject({
      accepted: false,
      kind: 'final',
      code: 'smpp-0x0e',
    });
    expect(await sut.testConnection()).toEqual({
      ok: false,
      failure: 'refused',
      reason: 'The SMS centre refused the password.',
    });
  });

  it('does not submit a message past its expiry, and answers the same key with the same id', async () => {
    const sut = provider();
    expect(
      await sut.send(
        { channel: 'sms', to: '+33612345678', text: 'x', expiresAt: new Date(Date.now() - 1) },
        'old',
      ),
    ).toMatchObject({ code: 'expired' });
    const first = await sut.send({ channel: 'sms', to: '+33612345678', text: 'x' }, 'same');
    expect(await sut.send({ channel: 'sms', to: '+33612345678', text: 'x' }, 'same')).toEqual(first);
    expect(smsc.submits).toHaveLength(1);
  });

  it('remembers only its most recent messages, so that a long-running worker does not grow', async () => {
    const sut = provider({ remembered: 2 });
    const sms = { channel: 'sms' as const, to: '+33612345678', text: 'x' };
    const first = await sut.send(sms, 'k1');
    await sut.send(sms, 'k2');
    await sut.send(sms, 'k3');
    // k1 is forgotten: a send under its key goes to the SMS centre again, a lookup by its key finds nothing.
    expect(await sut.lookup({ idempotencyKey: 'k1' })).toBeNull();
    const again = await sut.send(sms, 'k1');
    expect(smsc.submits).toHaveLength(4);
    expect(again).not.toEqual(first);
    expect(await sut.send(sms, 'k3')).toMatchObject({ accepted: true });
    expect(smsc.submits).toHaveLength(4);
  });

  it('keeps at most a window of submits waiting for their answer', async () => {
    smsc.behaviour = 'slow';
    const sut = provider({ window: 2 });
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        sut.send({ channel: 'sms', to: '+33612345678', text: `n${i}` }, `w${i}`),
      ),
    );
    expect(outcomes.every((o) => o.accepted)).toBe(true);
    expect(smsc.maxInFlight).toBeLessThanOrEqual(2);
    expect(smsc.submits).toHaveLength(6);
  });

  it('keeps the link alive with enquire_link', async () => {
    const sut = provider({ enquireLinkMs: 20 });
    await sut.testConnection();
    await until(() => smsc.enquireLinks >= 3);
    expect(sut.isBound).toBe(true);
  });

  it('reconnects when the SMS centre stops answering enquire_link', async () => {
    const sut = provider({ enquireLinkMs: 20, responseTimeoutMs: 100 });
    await sut.testConnection();
    smsc.answersEnquireLink = false;
    await until(() => smsc.binds >= 2);
    smsc.answersEnquireLink = true;
    await until(() => sut.isBound);
    expect((await sut.send({ channel: 'sms', to: '+33612345678', text: 'x' }, 'k')).accepted).toBe(true);
  });

  it('does not keep binding with a refused password', async () => {
    const sut = provider({ password: 'wrong' });
    await sut.testConnection();
    await wait(150);
    expect(smsc.binds).toBe(1);
  });

  it('survives an SMS centre that goes away and comes back', async () => {
    const sut = provider();
    expect((await sut.send({ channel: 'sms', to: '+33612345678', text: 'before' }, 'a')).accepted).toBe(true);
    const port = smsc.port;
    await stopSmsc(smsc);
    await until(() => !sut.isBound);
    expect(await sut.send({ channel: 'sms', to: '+33612345678', text: 'during' }, 'b')).toMatchObject({
      accepted: false,
      kind: 'retryable',
      code: 'connection',
    });
    smsc = await startSmsc(port, { ...smsc, submits: [], sessions: [] });
    await until(() => sut.isBound);
    expect((await sut.send({ channel: 'sms', to: '+33612345678', text: 'after' }, 'c')).accepted).toBe(true);
    expect(smsc.submits.map((pdu) => (pdu.short_message as { message: string }).message)).toEqual(['after']);
  });

  it('answers a lost connection as no answer for the submits in flight: the centre may have them', async () => {
    smsc.behaviour = 'silent';
    const sut = provider({ responseTimeoutMs: 2000 });
    const sending = sut.send({ channel: 'sms', to: '+33612345678', text: 'x' }, 'k');
    await until(() => smsc.submits.length === 1);
    smsc.sessions[0].destroy();
    expect(await sending).toMatchObject({ accepted: false, kind: 'retryable', code: NO_ANSWER });
  });

  it('looks a message up with query_sm', async () => {
    const sut = provider();
    const outcome = await sut.send({ channel: 'sms', to: '+33612345678', text: 'x' }, 'key');
    const id = outcome.accepted ? outcome.providerMessageId : '';
    expect(await sut.lookup({ idempotencyKey: 'key' })).toEqual({
      providerMessageId: id,
      status: 'delivered',
      idempotencyKey: 'key',
    });
    expect(await sut.lookup({ providerMessageId: 'other' })).toBeNull();
    expect(await sut.lookup({ idempotencyKey: 'unknown' })).toBeNull();
  });

  it('refuses to work once closed', async () => {
    const sut = provider();
    await sut.close();
    expect(await sut.send({ channel: 'sms', to: '+33612345678', text: 'x' }, 'k')).toMatchObject({
      kind: 'retryable',
      code: 'connection',
    });
    expect(await sut.testConnection()).toMatchObject({ ok: false });
    expect(await sut.lookup({ providerMessageId: 'x' })).toBeNull();
  });
});
