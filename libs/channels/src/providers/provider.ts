import type { CalendarFile } from '../calendar/appointment-calendar';
import type { Channel } from '@clinicflow/rules';

/** The channels a message can go out on (C1): the rules library's one list. */
export type { Channel };

/** The common statuses a provider's receipt or callback maps to (S1); `read`: a WhatsApp read receipt. */
export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'undelivered' | 'failed' | 'expired';

/** A WhatsApp template approved by Meta, by its content id, with its numbered variables filled ("1" → text). */
export interface WhatsappTemplateMessage {
  contentSid: string;
  variables: Record<string, string>;
}

/** One message for one recipient on one channel, as a provider needs it. */
export interface OutgoingMessage {
  channel: Channel;
  /** E.164 number for SMS and voice, e-mail address for e-mail. */
  to: string;
  /** SMS sender id or number, caller number, or e-mail "Name <address>"; the provider's default if absent. */
  from?: string;
  /** SMS text, spoken script, or e-mail plain text. */
  text: string;
  subject?: string;
  html?: string;
  headers?: Record<string, string>;
  /** BCP 47 tag for speech ("fr-FR"). */
  speechLanguage?: string;
  /** Not delivered after this instant: SMS validity period, refused when already past. */
  expiresAt?: Date;
  /** A question (F4): a call then gathers the key the patient presses (Twilio-style voice). */
  expectsReply?: boolean;
  /** E-mail only: the appointment as an iCalendar file (`appointmentCalendar`), sent as an invitation. */
  calendar?: CalendarFile;
  /**
   * WhatsApp only: sent instead of `text`, as the patient wrote nothing in the last 24 hours (a business may then
   * only start a conversation with an approved template). `text` stays what the report shows.
   */
  whatsappTemplate?: WhatsappTemplateMessage;
}

/** The provider took the message; its id lets receipts and lookups find it again. */
export interface SendAccepted {
  accepted: true;
  providerMessageId: string;
}

/** The provider did not take the message: retry later (`retryable`) or give up (`final`), and why. */
export interface SendRefused {
  accepted: false;
  kind: 'retryable' | 'final';
  code: string;
  /** A sentence the front desk understands, e.g. "The number is not a valid mobile number." */
  reason: string;
}

/** What `send` answers. */
export type SendOutcome = SendAccepted | SendRefused;

/** A status learnt from a receipt or callback. */
export interface DeliveryReport {
  providerMessageId: string;
  status: DeliveryStatus;
  at: Date;
  errorCode?: string;
  reason?: string;
}

/** A message a patient sent back (a reply such as "C" or "STOP"). */
export interface InboundMessage {
  from: string;
  to: string;
  text: string;
  at: Date;
  providerMessageId?: string;
  /** The provider ids of the messages it answers (an e-mail's In-Reply-To/References, a call's id), newest first. */
  inReplyTo?: string[];
  /** The channel it came on, when the provider carries several on one callback (Twilio: SMS and WhatsApp). */
  channel?: Channel;
}

/** An HTTP callback (Twilio-style) or a protocol notification (SMPP deliver_sm) as received. */
export interface ProviderCallback {
  /** For HTTP: the form fields; for SMPP: the deliver_sm PDU's fields. */
  body: unknown;
  headers?: Record<string, string | string[] | undefined>;
  /** The full public URL the callback was posted to (needed for signature checks). */
  url?: string;
  /** The body's bytes as posted (a JSON callback's signature is over them, not over the parsed body). */
  rawBody?: Buffer;
}

/** What a provider pushes by itself (SMPP receipts and replies, sandbox receipts). */
export type ProviderEvent =
  { type: 'status'; report: DeliveryReport } | { type: 'inbound'; message: InboundMessage };

/** What the provider says it accepted, when asked after a crash. */
export interface LookupResult {
  providerMessageId: string;
  status: DeliveryStatus | 'accepted';
  idempotencyKey?: string;
}

/** Why a connection test failed, without the remote's words (they may be anything the host answers). */
export type ConnectionFailure = 'refused' | 'timed-out' | 'tls-failed' | 'not-allowed';

/** The result of a connection test (C7): `reason` may quote the remote, `failure` never does. */
export type ConnectionTest = { ok: true } | { ok: false; reason: string; failure?: ConnectionFailure };

/** One provider of one or more channels, behind one interface. */
export interface MessageProvider {
  readonly name: string;
  readonly channels: readonly Channel[];
  /** Hands one message to the provider; the same idempotency key never sends twice where the protocol allows. */
  send(message: OutgoingMessage, idempotencyKey: string): Promise<SendOutcome>;
  /** Maps a receipt or status callback to a common status; null for intermediate or foreign notifications. */
  parseStatus(callback: ProviderCallback): DeliveryReport | null;
  /** Turns an inbound notification into a reply; null when it is not one (a raw e-mail is parsed, hence async). */
  parseInbound(callback: ProviderCallback): InboundMessage | null | Promise<InboundMessage | null>;
  /** Checks credentials and reachability without sending anything (C7). */
  testConnection(): Promise<ConnectionTest>;
  /** Asks what the provider accepted, by our key or its id; absent where the protocol cannot answer. */
  lookup?(reference: { idempotencyKey?: string; providerMessageId?: string }): Promise<LookupResult | null>;
  /** Subscribes to pushed receipts and replies; returns the unsubscribe function. */
  onEvent?(listener: (event: ProviderEvent) => void): () => void;
  /** Releases connections and timers. */
  close(): Promise<void>;
}

/** A callback whose signature does not verify: the API answers 403 and ignores it. */
export class InvalidCallbackError extends Error {
  readonly code = 'invalid-callback';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCallbackError';
  }
}

/**
 * The code of a refusal whose request left but got no answer in time: the provider may or may not have taken the
 * message, so the next attempt asks it first where it can be asked, and is marked in doubt where it cannot.
 */
export const NO_ANSWER = 'timeout';

/** A refusal to retry later. */
export function retryable(code: string, reason: string): SendRefused {
  return { accepted: false, kind: 'retryable', code, reason };
}

/** A refusal not worth retrying. */
export function final(code: string, reason: string): SendRefused {
  return { accepted: false, kind: 'final', code, reason };
}

/** Refuses a message whose expiry has passed: it must never be sent late (F6). */
export function refuseIfExpired(message: OutgoingMessage, now: Date): SendRefused | null {
  if (message.expiresAt && message.expiresAt.getTime() <= now.getTime()) {
    return final('expired', `The message expired at ${message.expiresAt.toISOString()} and was not sent.`);
  }
  return null;
}
