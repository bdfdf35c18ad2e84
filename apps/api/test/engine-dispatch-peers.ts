// Real peers for the engine tests: an SMTP server (smtp-server) and an SMS centre (the smpp package's server),
// as the channels library's provider tests use them.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import * as smpp from 'smpp';
import { SMTPServer } from 'smtp-server';

export interface Mailbox {
  port: number;
  received: { to: string[]; mail: ParsedMail }[];
  close(): Promise<void>;
}

/** An SMTP server that keeps every message it accepts. */
export async function startMailbox(): Promise<Mailbox> {
  const received: Mailbox['received'] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** What the SMS centre answers to each submit_sm. */
export type SmscAnswer = 'accept' | 'throttle' | 'invalid-destination';

export interface Smsc {
  port: number;
  /** Every submit_sm received, in order: destination and text. */
  submits: { to: string; text: string }[];
  /** When each of `submits` was received (ms, same order): a provider rate's check (`send-windows.ts`). */
  receivedAt: number[];
  /** The answers to give to the next submits, in order; `accept` once they run out. */
  script: SmscAnswer[];
  /** `true`: each accepted message is followed by its delivery receipt (a deliver_sm, stat:DELIVRD). */
  receipts: boolean;
  /**
   * Holds the answers to the submits from now on, so that every process sending through it has sends in flight
   * (taken, unanswered); `heldPorts` gives the TCP ports of the sessions holding some held for less than
   * `youngerThanMs` (an older one may have timed out at the sender, which then holds nothing: a process may also
   * have opened a second session after a timeout, `tcpPortsOf` tells whose they are); `release` answers them.
   */
  hold(): void;
  heldPorts(youngerThanMs?: number): number[];
  release(): void;
  /** Cuts every connection (the held answers are lost with them); it goes on listening. */
  dropConnections(): void;
  close(): Promise<void>;
}

/**
 * A real SMPP server playing the SMS centre (binds system id "clinic" with password "secret"), on `port` when
 * given (an SMS centre started again where it was).
 */
export async function startSmsc(port = 0): Promise<Smsc> {
  let counter = 0;
  const sessions: smpp.Session[] = [];
  const smsc = { port: 0, submits: [], receivedAt: [], script: [], receipts: false } as unknown as Smsc;
  let holding = false;
  const held = new Map<smpp.Session, { respond: () => void; at: number }[]>();
  smsc.hold = () => (holding = true);
  smsc.heldPorts = (youngerThanMs = Infinity) =>
    [...held.entries()]
      .filter(([, answers]) => answers.some((answer) => Date.now() - answer.at < youngerThanMs))
      .map(([session]) => (session as unknown as { socket: { remotePort?: number } }).socket.remotePort ?? 0);
  smsc.dropConnections = () => {
    for (const session of sessions.splice(0)) session.destroy();
    held.clear();
  };
  smsc.release = () => {
    holding = false;
    for (const answers of held.values()) for (const answer of answers.splice(0)) answer.respond();
  };
  const server = smpp.createServer({}, (session) => {
    sessions.push(session);
    session.on('error', () => undefined);
    session.on('bind_transceiver', (pdu: smpp.PDU) => {
      const ok = pdu.system_id === 'clinic' && pdu.password === 'secret';
      session.send(pdu.response(ok ? {} : { command_status: smpp.ESME_RINVPASWD }));
    });
    session.on('enquire_link', (pdu: smpp.PDU) => session.send(pdu.response()));
    // Status queries (S2 refresh): this SMS centre keeps no message states.
    session.on('query_sm', (pdu: smpp.PDU) =>
      session.send(pdu.response({ command_status: smpp.errors.ESME_RQUERYFAIL })),
    );
    session.on('unbind', (pdu: smpp.PDU) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('submit_sm', (pdu: smpp.PDU) => {
      const message = pdu.short_message as { message?: string } | string | Buffer;
      const text =
        typeof message === 'string'
          ? message
          : Buffer.isBuffer(message)
            ? message.toString()
            : String(message?.message ?? '');
      smsc.submits.push({ to: String(pdu.destination_addr), text });
      smsc.receivedAt.push(Date.now());
      const answer = smsc.script.shift() ?? 'accept';
      const respond = () => {
        if (answer === 'throttle')
          return session.send(pdu.response({ command_status: smpp.ESME_RTHROTTLED }));
        if (answer === 'invalid-destination')
          return session.send(pdu.response({ command_status: smpp.ESME_RINVDSTADR }));
        const id = `msg-${++counter}`;
        session.send(pdu.response({ message_id: id }));
        if (smsc.receipts) {
          session.send(
            new smpp.PDU('deliver_sm', {
              source_addr: pdu.destination_addr,
              destination_addr: pdu.source_addr,
              esm_class: 0x04,
              short_message: `id:${id} sub:001 dlvrd:001 submit date:2603020900 done date:2603020901 stat:DELIVRD err:000 text:`,
            }),
          );
        }
      };
      if (!holding) return respond();
      // (A session closed meanwhile, its process killed: its answers go nowhere, `send` writes nothing.)
      held.set(session, [...(held.get(session) ?? []), { respond, at: Date.now() }]);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  smsc.port = (server.address() as AddressInfo).port;
  smsc.close = async () => {
    for (const session of sessions) session.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return smsc;
}

/** The clinic's e-mail provider sending to this mailbox (without TLS: the test's mail server offers none). */
export function smtpTo(mailbox: Pick<Mailbox, 'port'>, defaultFrom = 'Cabinet <rdv@cabinet.example>') {
  return { kind: 'smtp', options: { host: '127.0.0.1', port: mailbox.port, requireTLS: false, defaultFrom } };
}
