import type { SendOutcome } from '@clinicflow/channels';

/** Refusals about the message or its recipient, not the provider: a bad number or address, an expired message. */
const ABOUT_THE_MESSAGE = new Set(['address', 'expired', 'invalid-address']);

/** Final refusals of the clinic's login: SMTP's, SMPP's bind (0x0d, 0x0e, 0x0f) and Twilio's (20003, HTTP 401). */
const LOGIN_REFUSED = new Set(['authentication', 'smpp-0x0d', 'smpp-0x0e', 'smpp-0x0f', '20003', '401']);

/**
 * Whether a provider's answer says the provider itself failed (it could not be reached, was overloaded, refused
 * the clinic's credentials): a refusal to retry later, or a final one about the login. Refusals of one number or
 * address are the recipient's, not the provider's.
 */
export function isProviderFailure(outcome: SendOutcome): boolean {
  if (outcome.accepted) return false;
  if (LOGIN_REFUSED.has(outcome.code)) return true;
  return outcome.kind === 'retryable' && !ABOUT_THE_MESSAGE.has(outcome.code);
}
