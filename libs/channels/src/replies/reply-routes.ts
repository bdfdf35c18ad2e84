import type { ReplyRouteCheck, Sender } from '@clinicflow/rules';
import { checkSenderId, senderCanReceiveReplies } from '../sms/sender-id';

/**
 * How a clinic's patients can answer a question (F4), from its settings: the SMS sender questions go out from,
 * whether calls take a key pressed, whether e-mail replies have a way in.
 */
export interface ReplyRoutes {
  /** The sender of an SMS question (`questionSmsSender`); null: the provider's own number. */
  smsSender: string | null;
  /** A Twilio-style voice provider and the API's public address: calls gather one key (1 / 2). */
  voiceKeypress: boolean;
  /** The e-mail provider has an inbound route (a signed webhook secret): replies come back. */
  emailInbound: boolean;
}

/** The clinic's SMS senders as its settings hold them. */
export interface SmsSenders {
  smsSenderName: string | null;
  /** A number patients can reply to (E.164), used for questions when the sender name is a name. */
  smsReplyNumber?: string | null;
}

/**
 * The sender of an SMS question without a sender of its own: the clinic's sender when patients can reply to it
 * (a number), else its number for replies, else its sender name (a name nobody can answer: publishing refuses
 * that question). Null when the clinic has neither: the provider's own number.
 */
export function questionSmsSender(senders: SmsSenders): string | null {
  const name = senders.smsSenderName ?? null;
  if (name && senderCanReceiveReplies(name)) return name;
  return senders.smsReplyNumber ?? name;
}

/** Whether patients can reply to an SMS sent from this sender (a name: no; a number, or the provider's: yes). */
function smsSenderGap(sender: string | null): boolean {
  if (sender === null) return false;
  const check = checkSenderId(sender);
  return check.valid && check.kind === 'alphanumeric';
}

/** The validator's reply-route check (rules' `ReplyRouteCheck`) for a clinic set up this way. */
export function replyRouteCheck(routes: ReplyRoutes): ReplyRouteCheck {
  return (channel, sender: Sender | undefined) => {
    switch (channel) {
      case 'sms': {
        const own = sender?.smsName ?? null;
        if (own !== null)
          return smsSenderGap(own) ? { gap: 'sms-sender-name', sender: own, stepSender: true } : null;
        return smsSenderGap(routes.smsSender)
          ? { gap: 'sms-sender-name', sender: routes.smsSender ?? undefined }
          : null;
      }
      case 'voice':
        return routes.voiceKeypress ? null : { gap: 'voice-keypress' };
      case 'email':
        return routes.emailInbound ? null : { gap: 'email-inbound' };
      case 'whatsapp':
        // A WhatsApp message always comes from the clinic's WhatsApp number, which patients answer.
        return null;
    }
  };
}
