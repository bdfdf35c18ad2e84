import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  CALLBACK_SIGNATURE_HEADER,
  HANG_UP_TWIML,
  InvalidCallbackError,
  verifyCallbackSignature,
  type MessageProvider,
  type ProviderCallback,
} from '@clinicflow/channels';
import type { Channel } from '@clinicflow/rules';
import { AppError } from '../../common/app-error';
import { DeliveryReceiptService } from '../dispatcher/delivery-receipt.service';
import { ProviderRegistry } from '../dispatcher/provider-registry.service';
import { CallbackSecretService } from '../settings/callback-secret.service';
import type { SettingsDocument } from '../settings/settings.repository';
import { SettingsService } from '../settings/settings.service';
import { ReplyService } from './reply.service';
import { errorSummary } from '../../common/logged-error';

/**
 * The channels a provider kind is looked for in, in this order (SMS first: a Twilio number does both); a Twilio
 * callback about a WhatsApp message (its numbers prefixed `whatsapp:`) looks in WhatsApp first.
 */
const CHANNELS: Channel[] = ['sms', 'voice', 'email', 'whatsapp'];
const WHATSAPP_FIRST: Channel[] = ['whatsapp', ...CHANNELS.filter((c) => c !== 'whatsapp')];

function aboutWhatsapp(callback: ProviderCallback): boolean {
  const body = (callback.body ?? {}) as Record<string, unknown>;
  if (body.ChannelPrefix === 'whatsapp') return true;
  return [body.From, body.To].some((value) => typeof value === 'string' && value.startsWith('whatsapp:'));
}

/**
 * Provider callbacks (item 5 of the engine issue): delivery receipts and inbound messages posted over HTTP
 * per clinic and provider, checked before anything is read (Twilio's signature by the provider; the sandbox's
 * HMAC with the clinic's callback secret here, as the shared sandbox holds no clinic's secret), and
 * the replies providers push on their own connection (SMPP deliver_sm, the sandbox's `reply`).
 */
@Injectable()
export class ProviderCallbackService implements OnModuleInit {
  private readonly logger = new Logger(ProviderCallbackService.name);

  constructor(
    private readonly settings: SettingsService,
    private readonly registry: ProviderRegistry,
    private readonly receipts: DeliveryReceiptService,
    private readonly replies: ReplyService,
    private readonly secrets: CallbackSecretService,
  ) {}

  onModuleInit() {
    this.registry.onProviderEvent((clinicId, channel, providerName, event) => {
      if (event.type !== 'inbound') return;
      void this.replies
        .receive(clinicId, channel, providerName, event.message)
        .catch((error: unknown) =>
          this.logger.warn(`A ${providerName} reply was not handled: ${errorSummary(error)}`),
        );
    });
  }

  /** A delivery receipt: moves the delivery on (sent → delivered, or failed with the reason). */
  async status(clinicId: string, providerKind: string, callback: ProviderCallback) {
    const { provider } = await this.providerFor(clinicId, providerKind, callback);
    const report = provider.parseStatus(callback);
    if (!report) return { accepted: false, deliveryId: null, status: null };
    const result = await this.receipts.apply(clinicId, provider.name, report);
    if (result === 'unknown') return { accepted: false, deliveryId: null, status: null };
    return { accepted: true, deliveryId: result?._id ?? null, status: result?.status ?? null };
  }

  /** An inbound message: a patient's reply (an SMS, an e-mail, a key pressed on a call). */
  async inbound(clinicId: string, providerKind: string, callback: ProviderCallback) {
    const { provider, channel } = await this.providerFor(clinicId, providerKind, callback);
    const message = await provider.parseInbound(callback);
    if (!message) return { accepted: false, replyId: null, meaning: null };
    const reply = await this.replies.receive(clinicId, message.channel ?? channel, provider.name, message);
    return {
      accepted: true,
      replyId: reply?._id ?? null,
      meaning: reply?.meaning ?? null,
      duplicate: !reply,
    };
  }

  /**
   * The key a patient pressed on a call that asked a question (F4): read by the clinic's voice provider (its
   * signature checked) and handled as that call's answer; answers the TwiML that ends the call.
   */
  async keypress(clinicId: string, providerKind: string, callback: ProviderCallback): Promise<string> {
    const { provider } = await this.providerFor(clinicId, providerKind, callback, 'voice');
    const message = await provider.parseInbound(callback);
    if (message) await this.replies.receive(clinicId, 'voice', provider.name, message);
    return HANG_UP_TWIML;
  }

  /**
   * The clinic's provider of that kind (the first channel configured with it, or the one asked for; the
   * sandbox in test mode). A sandbox callback must be signed with the clinic's callback secret (403 otherwise,
   * before anything is read or changed).
   */
  private async providerFor(
    clinicId: string,
    kind: string,
    callback: ProviderCallback,
    only?: Channel,
  ): Promise<{ provider: MessageProvider; channel: Channel }> {
    const settings = await this.settings.find(clinicId);
    const channels = only ? [only] : aboutWhatsapp(callback) ? WHATSAPP_FIRST : CHANNELS;
    const channel = settings ? channels.find((c) => kindOf(settings, c) === kind) : undefined;
    if (!settings || !channel) throw AppError.notFound(`No ${kind} provider is configured for this clinic`);
    if (kind === 'sandbox') this.assertSigned(settings, callback);
    const { provider } = await this.registry.forChannel(settings, channel);
    return { provider, channel };
  }

  /** The callback's raw body is signed with the clinic's callback secret, or it is refused (fail closed). */
  private assertSigned(settings: SettingsDocument, callback: ProviderCallback) {
    const signature = callback.headers?.[CALLBACK_SIGNATURE_HEADER];
    if (!verifyCallbackSignature(this.secrets.secretOf(settings), callback.rawBody, signature)) {
      throw new InvalidCallbackError(
        'The X-Clinicflow-Signature does not match the clinic’s callback secret: the callback is ignored.',
      );
    }
  }
}

/** The kind of provider a channel uses now: the sandbox in test mode or when none is configured. */
function kindOf(settings: SettingsDocument, channel: Channel): string {
  const stored = settings.providers[channel];
  if (settings.testMode || !stored || stored.kind === 'sandbox') return 'sandbox';
  return stored.kind === 'http' ? 'twilio' : stored.kind;
}
