import { systemClock, type Clock } from '../clock';
import {
  InvalidCallbackError,
  refuseIfExpired,
  type Channel,
  type ConnectionTest,
  type DeliveryReport,
  type DeliveryStatus,
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

/** One message the sandbox accepted, and what became of it. */
export interface SandboxRecord {
  providerMessageId: string;
  idempotencyKey: string;
  message: OutgoingMessage;
  acceptedAt: Date;
  status: DeliveryStatus;
  statusAt: Date;
  reason?: string;
}

/** Where the sandbox keeps its messages: a Map, or any collection with the same three methods. */
export interface SandboxStore {
  get(idempotencyKey: string): SandboxRecord | undefined | Promise<SandboxRecord | undefined>;
  set(idempotencyKey: string, record: SandboxRecord): unknown;
  values(): Iterable<SandboxRecord> | Promise<Iterable<SandboxRecord>>;
  /**
   * Keeps `record` unless its key is held already, then answers the record held, in one step: a store shared
   * by processes decides there which send of a key came first (without it the sandbox reads, then sets).
   */
  add?(idempotencyKey: string, record: SandboxRecord): Promise<SandboxRecord | undefined>;
}

/** The outcome the sandbox gives a message: a final status, with a reason for failures. */
export type SandboxOutcome = { status: Exclude<DeliveryStatus, 'sent'>; reason?: string };

/** How the sandbox behaves: delay of receipts, their outcome, refusals at send time, clock and store. */
export interface SandboxOptions {
  name?: string;
  channels?: readonly Channel[];
  store?: SandboxStore;
  /** Start of the message ids it makes (default "sandbox"); processes sharing a store give each their own. */
  messageIdPrefix?: string;
  clock?: Clock;
  /** Milliseconds between acceptance and the delivery receipt (default 2000); null for no receipt. */
  receiptDelayMs?: number | null;
  /** The receipt's outcome per message (default: delivered). */
  outcome?: (message: OutgoingMessage) => SandboxOutcome;
  /**
   * WhatsApp: milliseconds from a delivered receipt to a `read` one, as if the patient opened it; null or absent:
   * never read (the default: a sandbox cannot know whether someone would read it).
   */
  readAfterMs?: number | null;
  /** A refusal to answer at send time instead of accepting (e.g. credits exhausted in a demo). */
  refuse?: (message: OutgoingMessage) => SendRefused | null;
}

/** How many times a receipt is tried when the store refuses it. */
const RECEIPT_ATTEMPTS = 3;

/** A provider that sends nothing: keeps messages, answers lookups, and produces receipts (demo, C8, tests). */
export class SandboxProvider implements MessageProvider {
  readonly name: string;
  readonly channels: readonly Channel[];
  private readonly store: SandboxStore;
  private readonly clock: Clock;
  private readonly events = new ProviderEvents();
  private readonly timers = new Set<unknown>();
  private readonly keysById = new Map<string, string>();
  private counter = 0;

  constructor(private readonly options: SandboxOptions = {}) {
    this.name = options.name ?? 'sandbox';
    this.channels = options.channels ?? ['sms', 'email', 'voice', 'whatsapp'];
    this.store = options.store ?? new Map<string, SandboxRecord>();
    this.clock = options.clock ?? systemClock;
  }

  /** Accepts a message once per idempotency key; the same key again answers the same id. */
  async send(message: OutgoingMessage, idempotencyKey: string): Promise<SendOutcome> {
    const refusal = refuseIfExpired(message, this.clock.now()) ?? this.options.refuse?.(message) ?? null;
    if (refusal) {
      // A message accepted before keeps its answer (sent again after it expired, or once refusals began).
      const existing = await this.store.get(idempotencyKey);
      return existing ? { accepted: true, providerMessageId: existing.providerMessageId } : refusal;
    }
    const now = this.clock.now();
    const prefix = this.options.messageIdPrefix ?? 'sandbox';
    const providerMessageId = `${prefix}-${now.getTime().toString(36)}-${(++this.counter).toString(36)}`;
    const record: SandboxRecord = {
      providerMessageId,
      idempotencyKey,
      message,
      acceptedAt: now,
      status: 'sent',
      statusAt: now,
    };
    const held = await this.keep(idempotencyKey, record);
    if (held) return { accepted: true, providerMessageId: held.providerMessageId };
    this.keysById.set(providerMessageId, idempotencyKey);
    this.events.emit({ type: 'status', report: { providerMessageId, status: 'sent', at: now } });
    const delay = this.options.receiptDelayMs === undefined ? 2000 : this.options.receiptDelayMs;
    if (delay !== null) this.scheduleReceipt(record, delay, RECEIPT_ATTEMPTS);
    return { accepted: true, providerMessageId };
  }

  /**
   * A receipt whose store write fails (a busy database) is tried again later; after the last attempt it is
   * dropped, and a status lookup still finds the message. Never an unhandled rejection, which would stop the
   * process hosting the sandbox.
   */
  private scheduleReceipt(record: SandboxRecord, delay: number, attemptsLeft: number): void {
    const timer = this.clock.setTimeout(() => {
      this.timers.delete(timer);
      this.receipt(record).catch(() => {
        if (attemptsLeft > 1) this.scheduleReceipt(record, Math.max(delay, 1000), attemptsLeft - 1);
      });
    }, delay);
    this.timers.add(timer);
  }

  private async receipt(record: SandboxRecord): Promise<void> {
    const at = this.clock.now();
    const expired = record.message.expiresAt && record.message.expiresAt.getTime() < at.getTime();
    const outcome: SandboxOutcome = expired
      ? { status: 'expired', reason: 'The message expired before it reached the phone.' }
      : (this.options.outcome?.(record.message) ?? { status: 'delivered' });
    const updated: SandboxRecord = {
      ...record,
      status: outcome.status,
      statusAt: at,
      reason: outcome.reason,
    };
    await this.store.set(record.idempotencyKey, updated);
    const report: DeliveryReport = {
      providerMessageId: record.providerMessageId,
      status: outcome.status,
      at,
    };
    if (outcome.reason) report.reason = outcome.reason;
    this.events.emit({ type: 'status', report });
    const readAfter = this.options.readAfterMs;
    if (
      outcome.status === 'delivered' &&
      record.message.channel === 'whatsapp' &&
      typeof readAfter === 'number'
    ) {
      const timer = this.clock.setTimeout(() => {
        this.timers.delete(timer);
        this.read(updated).catch(() => undefined);
      }, readAfter);
      this.timers.add(timer);
    }
  }

  /** The patient opened a WhatsApp message: its `read` receipt. */
  private async read(record: SandboxRecord): Promise<void> {
    const at = this.clock.now();
    await this.store.set(record.idempotencyKey, { ...record, status: 'read', statusAt: at });
    this.events.emit({
      type: 'status',
      report: { providerMessageId: record.providerMessageId, status: 'read', at },
    });
  }

  /** Makes a patient reply, as if the text came back from the phone network. */
  reply(from: string, to: string, text: string): InboundMessage {
    const message: InboundMessage = { from, to, text, at: this.clock.now() };
    this.events.emit({ type: 'inbound', message });
    return message;
  }

  /** Every message the sandbox holds, oldest first. */
  async messages(): Promise<SandboxRecord[]> {
    return [...(await this.store.values())].sort((a, b) => a.acceptedAt.getTime() - b.acceptedAt.getTime());
  }

  /** Reads a receipt posted in the sandbox's own shape: `{ providerMessageId, status, at, reason? }`. */
  parseStatus(callback: ProviderCallback): DeliveryReport | null {
    const body = callback.body as Partial<Record<keyof DeliveryReport, string>> | null;
    const statuses: DeliveryStatus[] = ['sent', 'delivered', 'read', 'undelivered', 'failed', 'expired'];
    if (!body || typeof body.providerMessageId !== 'string') return null;
    if (!statuses.includes(body.status as DeliveryStatus))
      throw new InvalidCallbackError(`Unknown status "${body.status}".`);
    const report: DeliveryReport = {
      providerMessageId: body.providerMessageId,
      status: body.status as DeliveryStatus,
      at: body.at ? new Date(body.at) : this.clock.now(),
    };
    if (body.reason) report.reason = body.reason;
    return report;
  }

  /** Reads a reply posted in the sandbox's own shape: `{ from, to, text, at? }`. */
  parseInbound(callback: ProviderCallback): InboundMessage | null {
    const body = callback.body as Partial<Record<keyof InboundMessage, string>> | null;
    if (!body || typeof body.from !== 'string' || typeof body.text !== 'string') return null;
    return {
      from: body.from,
      to: body.to ?? '',
      text: body.text,
      at: body.at ? new Date(body.at) : this.clock.now(),
    };
  }

  /** Keeps a message accepted now, unless its key is held already: then answers the record held. */
  private async keep(idempotencyKey: string, record: SandboxRecord): Promise<SandboxRecord | undefined> {
    if (this.store.add) return this.store.add(idempotencyKey, record);
    const existing = await this.store.get(idempotencyKey);
    if (existing) return existing;
    await this.store.set(idempotencyKey, record);
    return undefined;
  }

  /** Always reachable. */
  async testConnection(): Promise<ConnectionTest> {
    return { ok: true };
  }

  /** What was accepted under a key or an id, and its status now. */
  async lookup(reference: {
    idempotencyKey?: string;
    providerMessageId?: string;
  }): Promise<LookupResult | null> {
    const key =
      reference.idempotencyKey ??
      (reference.providerMessageId && this.keysById.get(reference.providerMessageId));
    let record = key ? await this.store.get(key) : undefined;
    if (!record && reference.providerMessageId) {
      record = [...(await this.store.values())].find(
        (r) => r.providerMessageId === reference.providerMessageId,
      );
    }
    if (!record) return null;
    return {
      providerMessageId: record.providerMessageId,
      status: record.status,
      idempotencyKey: record.idempotencyKey,
    };
  }

  /** Subscribes to receipts and replies. */
  onEvent(listener: (event: ProviderEvent) => void): () => void {
    return this.events.subscribe(listener);
  }

  /** Cancels pending receipts. */
  async close(): Promise<void> {
    for (const timer of this.timers) this.clock.clearTimeout(timer);
    this.timers.clear();
  }
}
