import { isIP } from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import {
  INBOUND_EMAIL_SIGNATURE_HEADER,
  parseInboundEmail,
  verifyInboundEmailSignature,
} from '../../email/inbound-email';
import { systemClock, type Clock } from '../clock';
import {
  InvalidCallbackError,
  final,
  refuseIfExpired,
  retryable,
  type Channel,
  type ConnectionTest,
  type DeliveryReport,
  type InboundMessage,
  type MessageProvider,
  type OutgoingMessage,
  type ProviderCallback,
  type SendOutcome,
  type SendRefused,
} from '../provider';
import { connectionFailureOf } from '../host-guard/connection-failure';
import {
  cappedTimeout,
  ProviderHostNotAllowedError,
  resolveProviderHost,
  type ProviderHostPolicy,
} from '../host-guard/host-guard';

/** How to reach the clinic's SMTP server (pooled; TLS options passed to nodemailer). */
export interface SmtpOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS (see `requireTLS`). */
  secure?: boolean;
  /**
   * STARTTLS or nothing (default true): patients' messages never cross the network in the clear. `false` is the
   * explicit opt-out for a relay that offers no TLS (a local one): STARTTLS is then used only when offered.
   */
  requireTLS?: boolean;
  auth?: { user: string; pass: string };
  tls?: { rejectUnauthorized?: boolean; servername?: string; minVersion?: string };
  /** The sender when a message has none: "Cabinet du Parc <rdv@cabinet.example>". */
  defaultFrom: string;
  maxConnections?: number;
  /** Milliseconds to wait for a connection, greeting and each reply (capped at MAX_PROVIDER_TIMEOUT_MS). */
  timeoutMs?: number;
  /** When set, `host` must resolve to public addresses unless listed (SSRF guard); the checked address is used. */
  hostPolicy?: ProviderHostPolicy;
  /** Domain of generated Message-IDs. */
  messageIdDomain?: string;
  /** Where patients' replies go (Reply-To), when not to the sender's address. */
  replyTo?: string;
  /**
   * The secret the clinic's mail provider signs inbound e-mails with (the HMAC of the raw message): the
   * inbound route of e-mail replies. Without it every inbound e-mail is refused.
   */
  inboundSecret?: string;
  clock?: Clock;
}

type SmtpError = Error & { code?: string; responseCode?: number; response?: string };

const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'ECONNREFUSED',
  'ECONNRESET',
  'EDNS',
  'EPIPE',
]);

/** Classifies an SMTP failure: 5xx and bad credentials are final; 4xx and connection problems retryable. */
export function classifySmtpError(error: SmtpError): SendRefused {
  const reply = error.response ? ` The server said: "${error.response}".` : '';
  if (error.code === 'EAUTH') return final('authentication', `The mail server refused the login.${reply}`);
  if (error.code === 'ETLS' || /certificate|self[- ]signed|wrong version number/i.test(error.message)) {
    return final(
      'tls',
      `The mail server's TLS could not be trusted or negotiated; check the TLS settings (${error.message}).`,
    );
  }
  if (error.responseCode && error.responseCode >= 500) {
    return final(`smtp-${error.responseCode}`, `The mail server refused the message for good.${reply}`);
  }
  if (error.responseCode && error.responseCode >= 400) {
    return retryable(`smtp-${error.responseCode}`, `The mail server asked to try again later.${reply}`);
  }
  if (error.code && CONNECTION_CODES.has(error.code)) {
    return retryable(
      'connection',
      `The mail server could not be reached or dropped the connection (${error.message}).`,
    );
  }
  if (error.code === 'EENVELOPE') return final('address', `The e-mail address was refused: ${error.message}`);
  return retryable(error.code ?? 'smtp', `Sending the e-mail failed: ${error.message}`);
}

/** E-mail over SMTP with nodemailer's pooled transport: 250 → accepted, 5xx final, 4xx/connection retryable. */
export class SmtpProvider implements MessageProvider {
  readonly name = 'smtp';
  readonly channels: readonly Channel[] = ['email'];
  private transport: Transporter<SMTPPool.SentMessageInfo> | null = null;
  /** The address the pooled transport connects to (checked by the host guard when there is a policy). */
  private transportAddress: string | null = null;
  private readonly clock: Clock;

  constructor(private readonly options: SmtpOptions) {
    this.clock = options.clock ?? systemClock;
  }

  /**
   * The pooled transport to the host's address as it resolves now: checked by the host guard, then connected
   * to by address (the name kept for TLS), so a DNS answer that changes after the check is never used.
   */
  private async transportNow(): Promise<Transporter<SMTPPool.SentMessageInfo>> {
    const { host, port, hostPolicy } = this.options;
    const address = hostPolicy ? await resolveProviderHost(host, port, hostPolicy) : host;
    if (this.transport && this.transportAddress === address) return this.transport;
    this.transport?.close();
    const timeout = cappedTimeout(this.options.timeoutMs);
    this.transport = nodemailer.createTransport({
      pool: true,
      host: address,
      ...(address !== host && !isIP(host) ? { servername: host } : {}),
      port,
      secure: this.options.secure ?? false,
      requireTLS: this.options.requireTLS ?? true,
      auth: this.options.auth,
      tls: this.options.tls as SMTPPool.Options['tls'],
      maxConnections: this.options.maxConnections ?? 3,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    } as SMTPPool.Options);
    this.transportAddress = address;
    return this.transport;
  }

  /** The Message-ID for an idempotency key: the same key always gives the same id. */
  messageId(idempotencyKey: string): string {
    const local = Buffer.from(idempotencyKey).toString('base64url');
    return `<${local}@${this.options.messageIdDomain ?? 'clinicflow.invalid'}>`;
  }

  /** Sends one e-mail; the provider id is its Message-ID, derived from the idempotency key. */
  async send(message: OutgoingMessage, idempotencyKey: string): Promise<SendOutcome> {
    const expired = refuseIfExpired(message, this.clock.now());
    if (expired) return expired;
    const messageId = this.messageId(idempotencyKey);
    try {
      const transport = await this.transportNow();
      await transport.sendMail({
        from: message.from ?? this.options.defaultFrom,
        to: message.to,
        subject: message.subject ?? '',
        text: message.text,
        html: message.html,
        headers: message.headers,
        // the appointment for the patient's calendar: a text/calendar part and an invite.ics attachment
        ...(message.calendar
          ? {
              icalEvent: {
                method: message.calendar.method.toUpperCase(),
                content: message.calendar.content,
                filename: 'invite.ics',
              },
            }
          : {}),
        ...(this.options.replyTo ? { replyTo: this.options.replyTo } : {}),
        messageId,
      });
      return { accepted: true, providerMessageId: messageId };
    } catch (error) {
      if (error instanceof ProviderHostNotAllowedError)
        return retryable(
          'not-allowed',
          'The mail server’s address is a local or private one, which is not allowed.',
        );
      return classifySmtpError(error as SmtpError);
    }
  }

  /** SMTP has no delivery callbacks: always null. */
  parseStatus(): DeliveryReport | null {
    return null;
  }

  /**
   * A patient's e-mail as the clinic's mail provider posts it (the raw message, `message/rfc822`), signed with
   * the clinic's inbound secret in `X-Clinicflow-Signature: sha256=<hex>`: refused without a secret, a raw body
   * or a matching signature; read into a reply that names the messages it answers.
   */
  async parseInbound(callback: ProviderCallback): Promise<InboundMessage | null> {
    if (!this.options.inboundSecret)
      throw new InvalidCallbackError('This clinic has no inbound e-mail secret: e-mail replies are refused.');
    if (!Buffer.isBuffer(callback.body))
      throw new InvalidCallbackError(
        'Post the raw e-mail as message/rfc822 so that its signature can be checked.',
      );
    const signature = headerValue(callback.headers, INBOUND_EMAIL_SIGNATURE_HEADER);
    if (!verifyInboundEmailSignature(this.options.inboundSecret, callback.body, signature)) {
      throw new InvalidCallbackError('The X-Clinicflow-Signature does not match: the e-mail is ignored.');
    }
    const email = await parseInboundEmail(callback.body);
    if (!email) return null;
    return {
      from: email.from,
      to: email.to,
      text: email.text,
      at: this.clock.now(),
      ...(email.messageId ? { providerMessageId: email.messageId } : {}),
      inReplyTo: email.inReplyTo,
    };
  }

  /** Connects, greets and logs in without sending (C7). */
  async testConnection(): Promise<ConnectionTest> {
    try {
      await (await this.transportNow()).verify();
      return { ok: true };
    } catch (error) {
      const refusal = classifySmtpError(error as SmtpError);
      const failure = refusal.code === 'tls' ? 'tls-failed' : connectionFailureOf(error);
      return { ok: false, failure, reason: refusal.reason };
    }
  }

  /** Closes the pooled connections. */
  async close(): Promise<void> {
    this.transport?.close();
  }
}

function headerValue(headers: ProviderCallback['headers'], name: string): string | undefined {
  const value = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? value[0] : value;
}
