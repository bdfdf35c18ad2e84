import { systemClock, type Clock } from '../clock';
import {
  InvalidCallbackError,
  final,
  refuseIfExpired,
  NO_ANSWER,
  retryable,
  type Channel,
  type ConnectionTest,
  type DeliveryReport,
  type DeliveryStatus,
  type InboundMessage,
  type LookupResult,
  type MessageProvider,
  type OutgoingMessage,
  type ProviderCallback,
  type SendOutcome,
} from '../provider';
import { escapeForSpeech } from '../../voice/voice-script';
import { connectionFailureOf } from '../host-guard/connection-failure';
import { guardedRequest } from '../host-guard/guarded-request';
import {
  cappedTimeout,
  ProviderHostNotAllowedError,
  type ProviderHostPolicy,
} from '../host-guard/host-guard';
import { TWILIO_ERRORS, classifyTwilioError } from './twilio-errors';
import { verifyTwilioSignature, type TwilioParams } from './twilio-signature';

/** How to reach a Twilio-style REST API for SMS, WhatsApp and voice. */
export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  /** Default https://api.twilio.com; a test server or a compatible provider otherwise. */
  baseUrl?: string;
  /** SMS sender (number or alphanumeric id), or the WhatsApp number, when a message has none. */
  defaultFrom?: string;
  /** Caller number for voice calls when a message has none. */
  callerId?: string;
  messagingServiceSid?: string;
  /** Public URL Twilio posts status callbacks to. */
  statusCallbackUrl?: string;
  /** Public URL Twilio posts the key a patient pressed to, on a call that asks a question (F4). */
  keypressUrl?: string;
  /** Per request, capped at MAX_PROVIDER_TIMEOUT_MS (default that cap). */
  timeoutMs?: number;
  /** When set, `baseUrl`'s host must resolve to public addresses unless listed (SSRF guard). */
  hostPolicy?: ProviderHostPolicy;
  clock?: Clock;
}

const MESSAGE_STATUSES: Record<string, DeliveryStatus> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  undelivered: 'undelivered',
  failed: 'failed',
  completed: 'delivered',
  busy: 'undelivered',
  'no-answer': 'undelivered',
  canceled: 'failed',
};
const EXPIRED_CODES = new Set(['30036']);

/** The TwiML that answers the key a patient pressed: nothing more is said, the call ends. */
export const HANG_UP_TWIML = '<Response><Hangup/></Response>';

/**
 * The TwiML of a voice call: the script said in the patient's language; for a question, said while one key is
 * gathered and posted to `keypressUrl` (1 confirms, 2 declines).
 */
export function voiceTwiml(text: string, speechLanguage = 'en-GB', keypressUrl?: string): string {
  const say = `<Say language="${escapeForSpeech(speechLanguage)}">${escapeForSpeech(text)}</Say>`;
  if (!keypressUrl) return `<Response>${say}</Response>`;
  const action = escapeForSpeech(keypressUrl);
  return `<Response><Gather numDigits="1" action="${action}" method="POST" timeout="10">${say}</Gather></Response>`;
}

function header(headers: ProviderCallback['headers'], name: string): string | undefined {
  const entry = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
  const value = entry?.[1];
  return Array.isArray(value) ? value[0] : value;
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** WhatsApp addresses are phone numbers with this prefix on Twilio's Messages API. */
const WHATSAPP = 'whatsapp:';

/** How the front desk calls a channel's provider in a refusal's reason. */
function channelWord(channel: Channel): string {
  return channel === 'whatsapp' ? 'WhatsApp' : channel === 'voice' ? 'voice' : 'SMS';
}

/** A number without its `whatsapp:` prefix, and whether it had one. */
function unprefixed(address: string | undefined): { address: string; whatsapp: boolean } {
  const value = address ?? '';
  return value.startsWith(WHATSAPP)
    ? { address: value.slice(WHATSAPP.length), whatsapp: true }
    : { address: value, whatsapp: false };
}

/**
 * SMS and WhatsApp (Messages API; WhatsApp numbers carry `whatsapp:`, an approved template goes by its Content
 * SID with its variables) and voice (Calls API with TwiML <Say>) over a Twilio-style REST API.
 */
export class TwilioProvider implements MessageProvider {
  readonly name = 'twilio';
  readonly channels: readonly Channel[] = ['sms', 'voice', 'whatsapp'];
  private readonly clock: Clock;
  private readonly baseUrl: string;

  constructor(private readonly options: TwilioOptions) {
    this.clock = options.clock ?? systemClock;
    this.baseUrl = (options.baseUrl ?? 'https://api.twilio.com').replace(/\/$/, '');
  }

  private async request(method: 'GET' | 'POST', path: string, form?: Record<string, string>) {
    const credentials = Buffer.from(`${this.options.accountSid}:${this.options.authToken}`).toString(
      'base64',
    );
    const { status, text } = await guardedRequest(
      `${this.baseUrl}/2010-04-01/Accounts/${this.options.accountSid}${path}`,
      {
        method,
        headers: {
          Authorization: `Basic ${credentials}`,
          Accept: 'application/json',
          ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: form ? new URLSearchParams(form).toString() : undefined,
        timeoutMs: cappedTimeout(this.options.timeoutMs),
        policy: this.options.hostPolicy,
      },
    );
    let json: Record<string, unknown>;
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      json = { message: text.slice(0, 200) };
    }
    return { status, json };
  }

  /** Sends an SMS or places a voice call; 4xx answers are final, 429/5xx and network trouble retryable. */
  async send(message: OutgoingMessage, _idempotencyKey: string): Promise<SendOutcome> {
    const now = this.clock.now();
    const expired = refuseIfExpired(message, now);
    if (expired) return expired;
    const form: Record<string, string> = { To: message.to };
    if (this.options.statusCallbackUrl) form.StatusCallback = this.options.statusCallbackUrl;
    let path: string;
    if (message.channel === 'voice') {
      if (message.expectsReply && !this.options.keypressUrl) {
        return final(
          'no-keypress-url',
          'The call cannot take the patient’s answer: the server has no public address (PUBLIC_URL) for the key pressed.',
        );
      }
      path = '/Calls.json';
      form.From = message.from ?? this.options.callerId ?? this.options.defaultFrom ?? '';
      const keypressUrl = message.expectsReply ? this.options.keypressUrl : undefined;
      form.Twiml = voiceTwiml(message.text, message.speechLanguage, keypressUrl);
      if (this.options.statusCallbackUrl) form.StatusCallbackEvent = 'completed';
    } else {
      path = '/Messages.json';
      const whatsapp = message.channel === 'whatsapp' ? WHATSAPP : '';
      form.To = `${whatsapp}${message.to}`;
      if (message.whatsappTemplate) {
        form.ContentSid = message.whatsappTemplate.contentSid;
        form.ContentVariables = JSON.stringify(message.whatsappTemplate.variables);
      } else form.Body = message.text;
      const from = message.from ?? this.options.defaultFrom;
      if (from) form.From = `${whatsapp}${from}`;
      else if (this.options.messagingServiceSid) form.MessagingServiceSid = this.options.messagingServiceSid;
      if (message.expiresAt) {
        const seconds = Math.ceil((message.expiresAt.getTime() - now.getTime()) / 1000);
        form.ValidityPeriod = String(Math.min(36_000, Math.max(1, seconds)));
      }
    }
    try {
      const { status, json } = await this.request('POST', path, form);
      if (status >= 200 && status < 300 && typeof json.sid === 'string') {
        return { accepted: true, providerMessageId: json.sid };
      }
      return classifyTwilioError(status, json.code as number | undefined, json.message as string | undefined);
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        return retryable(
          NO_ANSWER,
          `The ${channelWord(message.channel)} provider did not answer in time; the message may or may not have been taken.`,
        );
      }
      if (error instanceof ProviderHostNotAllowedError)
        return retryable(
          'not-allowed',
          `The ${channelWord(message.channel)} provider’s address is a local or private one, which is not allowed.`,
        );
      const cause = (error as { code?: string }).code ?? (error as Error).message;
      return retryable(
        'connection',
        `The ${channelWord(message.channel)} provider could not be reached (${cause}).`,
      );
    }
  }

  private verified(callback: ProviderCallback): TwilioParams {
    const params = (callback.body ?? {}) as TwilioParams;
    if (!callback.url)
      throw new InvalidCallbackError('The callback URL is needed to check the Twilio signature.');
    const signature = header(callback.headers, 'x-twilio-signature');
    if (!verifyTwilioSignature(this.options.authToken, signature, callback.url, params)) {
      throw new InvalidCallbackError('The X-Twilio-Signature does not match: the callback is ignored.');
    }
    return params;
  }

  /** Verifies the signature and maps MessageStatus/CallStatus to a common status (null if intermediate). */
  parseStatus(callback: ProviderCallback): DeliveryReport | null {
    const params = this.verified(callback);
    const id = one(params.MessageSid) ?? one(params.CallSid);
    const raw = one(params.MessageStatus) ?? one(params.CallStatus);
    const errorCode = one(params.ErrorCode);
    if (!id || !raw) return null;
    const status = errorCode && EXPIRED_CODES.has(errorCode) ? 'expired' : MESSAGE_STATUSES[raw];
    if (!status) return null;
    const timestamp = one(params.Timestamp);
    const report: DeliveryReport = {
      providerMessageId: id,
      status,
      at: timestamp ? new Date(timestamp) : this.clock.now(),
    };
    if (errorCode) {
      report.errorCode = errorCode;
      report.reason = TWILIO_ERRORS[Number(errorCode)]?.reason ?? `The provider reported error ${errorCode}.`;
    }
    return report;
  }

  /**
   * Verifies the signature and reads an incoming SMS (a patient's reply), or the key a patient pressed on a
   * call that asked a question (`Digits`): its text is the key, and it answers that call.
   */
  parseInbound(callback: ProviderCallback): InboundMessage | null {
    const params = this.verified(callback);
    const digits = one(params.Digits);
    const callSid = one(params.CallSid);
    if (digits !== undefined && callSid) {
      if (!digits) return null;
      // On a call the clinic placed, the patient is the one called.
      const placed = (one(params.Direction) ?? 'outbound').startsWith('outbound');
      return {
        from: (placed ? one(params.To) : one(params.From)) ?? '',
        to: (placed ? one(params.From) : one(params.To)) ?? '',
        text: digits,
        at: this.clock.now(),
        providerMessageId: `${callSid}:keypress`,
        inReplyTo: [callSid],
      };
    }
    const from = unprefixed(one(params.From));
    const text = one(params.Body);
    if (!from.address || text === undefined || one(params.MessageStatus)) return null;
    return {
      from: from.address,
      to: unprefixed(one(params.To)).address,
      text,
      at: this.clock.now(),
      providerMessageId: one(params.MessageSid),
      ...(from.whatsapp ? { channel: 'whatsapp' as const } : {}),
    };
  }

  /** Reads the account to check the credentials (C7). */
  async testConnection(): Promise<ConnectionTest> {
    try {
      const { status, json } = await this.request('GET', '.json');
      if (status === 200) return { ok: true };
      return {
        ok: false,
        failure: 'refused',
        reason: classifyTwilioError(
          status,
          json.code as number | undefined,
          json.message as string | undefined,
        ).reason,
      };
    } catch (error) {
      return {
        ok: false,
        failure: connectionFailureOf(error),
        reason: `The provider could not be reached (${(error as Error).message}).`,
      };
    }
  }

  /** Asks the provider about a message or call by its SID; our idempotency key cannot be looked up here. */
  async lookup(reference: {
    idempotencyKey?: string;
    providerMessageId?: string;
  }): Promise<LookupResult | null> {
    const sid = reference.providerMessageId;
    if (!sid) return null;
    const { status, json } = await this.request(
      'GET',
      `/${sid.startsWith('CA') ? 'Calls' : 'Messages'}/${encodeURIComponent(sid)}.json`,
    );
    if (status !== 200) return null;
    const mapped = MESSAGE_STATUSES[String(json.status)];
    return { providerMessageId: sid, status: mapped ?? 'accepted' };
  }

  /** Nothing to release: HTTP requests are independent. */
  async close(): Promise<void> {}
}
