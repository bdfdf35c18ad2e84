import { final, retryable, type SendRefused } from '../provider';

/** Twilio error codes the clinic may meet, with a readable reason and whether a retry can help. */
export const TWILIO_ERRORS: Readonly<Record<number, { kind: 'retryable' | 'final'; reason: string }>> = {
  20003: { kind: 'final', reason: 'The SMS provider refused the credentials (authentication error).' },
  20005: {
    kind: 'final',
    reason: 'The SMS provider account is not active (credits exhausted or suspended).',
  },
  20429: { kind: 'retryable', reason: 'The SMS provider is throttling requests; trying again later.' },
  21211: { kind: 'final', reason: 'The phone number is not valid.' },
  21408: { kind: 'final', reason: 'Sending to this country is not enabled on the account.' },
  21606: { kind: 'final', reason: 'The sender number cannot send SMS.' },
  21610: { kind: 'final', reason: 'The patient has replied STOP to this sender; the message was not sent.' },
  21612: { kind: 'final', reason: 'The provider cannot route messages between these numbers.' },
  21614: { kind: 'final', reason: 'The number is not a mobile number.' },
  30001: { kind: 'retryable', reason: 'The provider queue is full; trying again later.' },
  30002: { kind: 'final', reason: 'The SMS provider account is suspended.' },
  30003: { kind: 'retryable', reason: 'The phone is unreachable (switched off or out of coverage).' },
  30004: { kind: 'final', reason: 'The message was blocked by the carrier or the recipient.' },
  30005: { kind: 'final', reason: 'The number is unknown or no longer exists.' },
  30006: { kind: 'final', reason: 'The number is a landline or cannot receive SMS.' },
  30007: { kind: 'final', reason: 'The carrier filtered the message as spam (rejected content).' },
  30008: { kind: 'retryable', reason: 'The carrier reported an unknown error.' },
  30036: { kind: 'final', reason: 'The message expired before it could be delivered.' },
  63003: { kind: 'final', reason: 'The number has no WhatsApp account.' },
  63007: { kind: 'final', reason: 'The clinic’s WhatsApp sender is not set up at the provider.' },
  63016: {
    kind: 'final',
    reason:
      'WhatsApp refused a free text: the patient wrote nothing in the last 24 hours, so only an approved template can go.',
  },
  63018: { kind: 'retryable', reason: 'WhatsApp’s sending rate was exceeded; trying again later.' },
  63024: { kind: 'final', reason: 'The number cannot receive WhatsApp messages.' },
};

/** Classifies a Twilio-style error answer: known codes by table, else 429/5xx retryable and 4xx final. */
export function classifyTwilioError(
  httpStatus: number,
  code: number | undefined,
  message: string | undefined,
): SendRefused {
  const known = code !== undefined ? TWILIO_ERRORS[code] : undefined;
  const detail = message ? ` (${message})` : '';
  if (known) return { accepted: false, kind: known.kind, code: String(code), reason: known.reason + detail };
  if (httpStatus === 401 || httpStatus === 403)
    return final(String(code ?? httpStatus), `The provider refused the credentials${detail}.`);
  if (httpStatus === 429 || httpStatus >= 500) {
    return retryable(
      String(code ?? httpStatus),
      `The provider is unavailable for now (HTTP ${httpStatus})${detail}.`,
    );
  }
  return final(String(code ?? httpStatus), `The provider refused the message (HTTP ${httpStatus})${detail}.`);
}
