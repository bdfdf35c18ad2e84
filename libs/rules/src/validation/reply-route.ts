import type { Channel, Sender } from '../flow/flow-parts.schema';

/**
 * Why patients could not answer a question (F4): an SMS sent from a name (nobody can reply to a name), a call
 * that cannot take a key pressed, or e-mail replies with no way in.
 */
export type ReplyRouteGap = 'sms-sender-name' | 'voice-keypress' | 'email-inbound';

/** A question whose answer cannot come back: the gap, and the SMS sender name at fault. */
export interface ReplyRouteProblem {
  gap: ReplyRouteGap;
  sender?: string;
  /** True when the step's own sender is at fault, not the clinic's. */
  stepSender?: boolean;
}

/**
 * Whether a question on `channel`, sent with the step's own sender when it has one, can get its answer back as
 * the clinic is set up; null when it can. The caller (the API, the editor) knows the clinic's senders and
 * providers; the validator only asks, so it stays free of them.
 */
export type ReplyRouteCheck = (channel: Channel, sender: Sender | undefined) => ReplyRouteProblem | null;

/** The sentence of a reply-route problem: what is wrong, then the fix in plain words. */
export function replyRouteMessage(step: string, problem: ReplyRouteProblem): string {
  switch (problem.gap) {
    case 'sms-sender-name':
      return problem.stepSender
        ? `${step} asks for a reply by SMS, but its sender "${problem.sender}" is a name and patients cannot reply to a name: give the step a phone number as sender, or remove its sender so the clinic's number for replies is used`
        : `${step} asks for a reply by SMS, but the clinic sends SMS as "${problem.sender}", a name patients cannot reply to: give the clinic a number for replies (Settings › Senders)`;
    case 'voice-keypress':
      return `${step} asks for a reply by voice, but the clinic's calls cannot take a key pressed: use a Twilio-style voice provider (Settings › Providers) on a server with its public address (PUBLIC_URL), so patients press 1 to confirm or 2 to decline`;
    case 'email-inbound':
      return `${step} asks for a reply by e-mail, but e-mail replies have no way in: set up the inbound e-mail route (an SMTP provider with its inbound secret, Settings › Providers)`;
  }
}
