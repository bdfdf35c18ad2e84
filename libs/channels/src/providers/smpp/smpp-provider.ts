// The smpp package has no types: this brings its declaration along wherever this file is compiled (e.g. by the API).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./smpp.d.ts" />
import { LRUCache } from 'lru-cache';
import * as smpp from 'smpp';
import { systemClock, type Clock } from '../clock';
import {
  refuseIfExpired,
  NO_ANSWER,
  retryable,
  type Channel,
  type ConnectionTest,
  type DeliveryReport,
  type InboundMessage,
  type LookupResult,
  type MessageProvider,
  type OutgoingMessage,
  type ProviderCallback,
  type ProviderEvent,
  type SendOutcome,
  type SendRefused,
} from '../provider';
import { ProviderEvents } from '../provider-events';
import {
  classifySmppStatus,
  concatenationOf,
  parseSmppInbound,
  parseSmppReceipt,
  smppMessageState,
  smppSourceAddress,
  submitSmFields,
} from './smpp-pdus';
import { connectionFailureOf } from '../host-guard/connection-failure';
import { cappedTimeout, resolveProviderHost, type ProviderHostPolicy } from '../host-guard/host-guard';
import { LongMessageReceipts, LongReplies } from './long-messages';
import { PartlySentMessages } from './partly-sent';
import { SubmitWindow } from './submit-window';

/** How to reach an SMS centre over SMPP 3.4 and how patient to be with it. */
export interface SmppOptions {
  host: string;
  port: number;
  systemId: string;
  password: string;
  systemType?: string;
  /** Sender id or number when a message has none. */
  defaultFrom: string;
  /** Keep-alive period (enquire_link), default 30 s. */
  enquireLinkMs?: number;
  /** How long to wait for any response PDU, default and at most 10 s (MAX_PROVIDER_TIMEOUT_MS). */
  responseTimeoutMs?: number;
  /** When set, `host` must resolve to public addresses unless listed (SSRF guard); the checked address is used. */
  hostPolicy?: ProviderHostPolicy;
  /** Reconnect backoff: first delay, doubling up to the maximum. */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Most submits waiting for their response at once, default 10. */
  window?: number;
  /** Messages whose id this process remembers (by key, for a send again and a lookup), default 100 000. */
  remembered?: number;
  clock?: Clock;
}

/**
 * What this process remembers of the messages it sent: the most recent, for two days. Bounded, so that a worker
 * running for months does not grow with every message (a send again or a recovery comes within hours).
 */
const REMEMBERED_MESSAGES = 100_000;
const REMEMBERED_MS = 48 * 3_600_000;

type Response = { pdu: smpp.PDU } | { failure: SendRefused };

class BindRefused extends Error {
  constructor(readonly status: number) {
    super(`bind refused (0x${status.toString(16)})`);
  }
}

/** SMS over SMPP: bind_transceiver, submit_sm with receipts, UDH for long texts, MO replies, keep-alive, reconnect. */
export class SmppProvider implements MessageProvider {
  readonly name = 'smpp';
  readonly channels: readonly Channel[] = ['sms'];
  private readonly clock: Clock;
  private session: smpp.Session | null = null;
  private bound = false;
  private connecting: Promise<void> | null = null;
  private closed = false;
  private wanted = false;
  private failures = 0;
  private reconnectTimer: unknown = null;
  private keepAliveTimer: unknown = null;
  private reference = 0;
  private readonly window: SubmitWindow;
  private readonly pending = new Set<(response: Response) => void>();
  private readonly events = new ProviderEvents();
  private readonly byKey: LRUCache<string, string>;
  private readonly longMessages = new LongMessageReceipts();
  private readonly sources: LRUCache<string, string>;
  private readonly longReplies = new LongReplies();
  private readonly partlySent = new PartlySentMessages();

  constructor(private readonly options: SmppOptions) {
    this.clock = options.clock ?? systemClock;
    this.window = new SubmitWindow(options.window ?? 10);
    const remembered = { max: options.remembered ?? REMEMBERED_MESSAGES, ttl: REMEMBERED_MS };
    this.byKey = new LRUCache(remembered);
    this.sources = new LRUCache(remembered);
  }

  /** True while a bound session is open. */
  get isBound(): boolean {
    return this.bound;
  }

  /** Opens and binds a transceiver session if there is none (shared by concurrent callers). */
  connect(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The SMPP provider is closed.'));
    if (this.bound) return Promise.resolve();
    this.wanted = true;
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  /** Connects to the address the host guard checked, not to the name again (DNS rebinding). */
  private async open(): Promise<void> {
    const { host, port, hostPolicy } = this.options;
    const address = hostPolicy ? await resolveProviderHost(host, port, hostPolicy) : host;
    return this.openAt(address);
  }

  private openAt(address: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const session = smpp.connect({ host: address, port: this.options.port });
      session.socket.setNoDelay(true);
      this.session = session;
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        this.clock.clearTimeout(timer);
        // Wrong credentials will not get better by retrying: reconnect only when a send asks again.
        if (error instanceof BindRefused) this.wanted = false;
        session.destroy();
        reject(error);
      };
      const timer = this.clock.setTimeout(() => fail(new Error('bind timed out')), this.responseTimeout);
      session.on('error', (error: Error) => fail(error));
      session.on('close', () => {
        fail(new Error('connection closed'));
        this.onClose(session);
      });
      session.on('connect', () => {
        const bind = new smpp.PDU('bind_transceiver', {
          system_id: this.options.systemId,
          password: this.options.password,
          system_type: this.options.systemType ?? '',
          interface_version: 0x34,
        });
        session.send(bind, (response) => {
          this.clock.clearTimeout(timer);
          if (response.command_status !== 0) return fail(new BindRefused(response.command_status));
          settled = true;
          this.bound = true;
          this.failures = 0;
          this.keepAlive(session);
          resolve();
        });
      });
      session.on('pdu', (pdu: smpp.PDU) => this.onPdu(session, pdu));
    });
  }

  private get responseTimeout(): number {
    return cappedTimeout(this.options.responseTimeoutMs);
  }

  private onPdu(session: smpp.Session, pdu: smpp.PDU): void {
    if (pdu.command === 'enquire_link' || pdu.command === 'unbind') session.send(pdu.response());
    if (pdu.command === 'unbind') session.close();
    if (pdu.command !== 'deliver_sm') return;
    session.send(pdu.response());
    const receipt = this.parseStatus({ body: pdu });
    if (receipt) {
      const whole = this.longMessages.whole(receipt);
      if (whole) this.events.emit({ type: 'status', report: whole });
      return;
    }
    const inbound = this.parseInbound({ body: pdu });
    const whole = inbound && this.longReplies.whole(inbound, concatenationOf(pdu));
    if (whole) this.events.emit({ type: 'inbound', message: whole });
  }

  private keepAlive(session: smpp.Session): void {
    const period = this.options.enquireLinkMs ?? 30_000;
    this.keepAliveTimer = this.clock.setTimeout(async () => {
      const answer = await this.request(session, new smpp.PDU('enquire_link'));
      if ('failure' in answer) return session.destroy();
      if (this.session === session && this.bound) this.keepAlive(session);
    }, period);
  }

  private onClose(session: smpp.Session): void {
    if (this.session !== session) return;
    this.bound = false;
    this.session = null;
    this.clock.clearTimeout(this.keepAliveTimer);
    // These requests had left: the centre may have taken them before the connection went, as after a timeout
    // (`NO_ANSWER`: the next attempt is marked in doubt). `npm run chaos` saw such messages go twice otherwise.
    for (const settle of [...this.pending]) {
      settle({
        failure: retryable(
          NO_ANSWER,
          'The connection to the SMS centre was lost before it answered; the message may or may not have been taken.',
        ),
      });
    }
    if (!this.closed && this.wanted) this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer !== null) return;
    const initial = this.options.reconnect?.initialDelayMs ?? 1000;
    const delay = Math.min(this.options.reconnect?.maxDelayMs ?? 30_000, initial * 2 ** this.failures);
    this.failures += 1;
    this.reconnectTimer = this.clock.setTimeout(() => {
      this.reconnectTimer = null;
      if (this.closed || this.bound) return;
      this.connect().catch(() => undefined);
    }, delay);
  }

  /** Sends a PDU and waits for its response; `onResponse` runs at once, before PDUs that follow it are read. */
  private request(
    session: smpp.Session,
    pdu: smpp.PDU,
    onResponse?: (response: smpp.PDU) => void,
  ): Promise<Response> {
    return new Promise<Response>((resolve) => {
      const settle = (response: Response) => {
        this.pending.delete(settle);
        this.clock.clearTimeout(timer);
        resolve(response);
      };
      const timer = this.clock.setTimeout(
        () =>
          settle({
            failure: retryable(
              NO_ANSWER,
              'The SMS centre did not answer in time; the message may or may not have been taken.',
            ),
          }),
        this.responseTimeout,
      );
      this.pending.add(settle);
      const answered = (response: smpp.PDU) => {
        onResponse?.(response);
        settle({ pdu: response });
      };
      if (!session.send(pdu, answered)) {
        settle({
          failure: retryable('connection-lost', 'The connection to the SMS centre is not writable.'),
        });
      }
    });
  }

  private connectionFailure(error: unknown): SendRefused {
    if (error instanceof BindRefused) return classifySmppStatus(error.status);
    return retryable('connection', `The SMS centre could not be reached (${(error as Error).message}).`);
  }

  /** Submits an SMS (in parts if long) with a receipt request; the provider id is the first part's message_id. */
  async send(message: OutgoingMessage, idempotencyKey: string): Promise<SendOutcome> {
    const known = this.byKey.get(idempotencyKey);
    if (known) return { accepted: true, providerMessageId: known };
    const expired = refuseIfExpired(message, this.clock.now());
    if (expired) return expired;
    try {
      await this.connect();
    } catch (error) {
      return this.connectionFailure(error);
    }
    const sender = message.from ?? this.options.defaultFrom;
    // A retry of a long message some parts of which were accepted goes on from the first missing part, under the
    // same reference (the handset joins the parts by it): the patient does not get the first parts twice.
    const fingerprint = JSON.stringify([sender, message.to, message.text]);
    const resumed = this.partlySent.resume(idempotencyKey, fingerprint);
    if (!resumed) this.reference = (this.reference + 1) & 0xff;
    const reference = resumed?.reference ?? this.reference;
    const parts = submitSmFields(message, sender, reference);
    const acceptedIds = [...(resumed?.acceptedIds ?? [])];
    const long = this.longMessages.start(parts.length);
    for (const partId of acceptedIds) long.accepted(partId);
    // Receipts can arrive right behind a submit_sm_resp: register each part as its response is read.
    const accepted = (response: smpp.PDU) => {
      if (response.command_status === 0) long.accepted(String(response.message_id));
    };
    for (const fields of parts.slice(acceptedIds.length)) {
      await this.window.enter();
      const session = this.session;
      const answer: Response = session
        ? await this.request(session, new smpp.PDU('submit_sm', fields), accepted)
        : { failure: retryable('connection-lost', 'The connection to the SMS centre was lost.') };
      this.window.leave();
      const refused =
        'failure' in answer
          ? answer.failure
          : answer.pdu.command_status !== 0
            ? classifySmppStatus(answer.pdu.command_status)
            : null;
      if (refused) {
        if (refused.kind === 'retryable')
          this.partlySent.remember(idempotencyKey, { fingerprint, reference, acceptedIds });
        else this.partlySent.forget(idempotencyKey);
        return refused;
      }
      if ('pdu' in answer) acceptedIds.push(String(answer.pdu.message_id));
    }
    this.partlySent.forget(idempotencyKey);
    const id = acceptedIds[0];
    this.byKey.set(idempotencyKey, id);
    this.sources.set(id, sender);
    return { accepted: true, providerMessageId: id };
  }

  /** Reads a deliver_sm receipt (stat: DELIVRD, UNDELIV, EXPIRED, REJECTD…); null for replies. */
  parseStatus(callback: ProviderCallback): DeliveryReport | null {
    return parseSmppReceipt(callback.body as Record<string, unknown>, this.clock.now());
  }

  /** Reads a mobile-originated deliver_sm (a reply such as "C"); null for receipts. */
  parseInbound(callback: ProviderCallback): InboundMessage | null {
    return parseSmppInbound(callback.body as Record<string, unknown>, this.clock.now());
  }

  /** Binds (if needed) and exchanges an enquire_link (C7). */
  async testConnection(): Promise<ConnectionTest> {
    try {
      await this.connect();
    } catch (error) {
      return { ok: false, failure: connectionFailureOf(error), reason: this.connectionFailure(error).reason };
    }
    const answer = this.session ? await this.request(this.session, new smpp.PDU('enquire_link')) : null;
    if (!answer || 'failure' in answer) {
      const failure = answer?.failure.code === NO_ANSWER ? 'timed-out' : 'refused';
      return { ok: false, failure, reason: answer?.failure.reason ?? 'The connection was lost.' };
    }
    return { ok: true };
  }

  /** Asks the SMS centre (query_sm) about a message, by its id or by a key this process sent it under. */
  async lookup(reference: {
    idempotencyKey?: string;
    providerMessageId?: string;
  }): Promise<LookupResult | null> {
    const id =
      reference.providerMessageId ?? (reference.idempotencyKey && this.byKey.get(reference.idempotencyKey));
    if (!id) return null;
    try {
      await this.connect();
    } catch {
      return null;
    }
    const source = smppSourceAddress(this.sources.get(id) ?? this.options.defaultFrom);
    const query = new smpp.PDU('query_sm', {
      message_id: id,
      source_addr: source.addr,
      source_addr_ton: source.ton,
      source_addr_npi: source.npi,
    });
    const answer = this.session ? await this.request(this.session, query) : null;
    if (!answer || 'failure' in answer || answer.pdu.command_status !== 0) return null;
    const result: LookupResult = {
      providerMessageId: id,
      status: smppMessageState(Number(answer.pdu.message_state)),
    };
    if (reference.idempotencyKey) result.idempotencyKey = reference.idempotencyKey;
    return result;
  }

  /** Subscribes to receipts and replies arriving on the session. */
  onEvent(listener: (event: ProviderEvent) => void): () => void {
    return this.events.subscribe(listener);
  }

  /** Unbinds, closes the session and stops reconnecting. */
  async close(): Promise<void> {
    this.closed = true;
    this.clock.clearTimeout(this.reconnectTimer);
    this.clock.clearTimeout(this.keepAliveTimer);
    const session = this.session;
    if (!session) return;
    if (this.bound) await this.request(session, new smpp.PDU('unbind'));
    await new Promise<void>((resolve) => {
      if (session.socket.destroyed) return resolve();
      const timer = this.clock.setTimeout(() => session.destroy(), 1000);
      session.close(() => {
        this.clock.clearTimeout(timer);
        resolve();
      });
    });
  }
}
