import { signInboundEmail, verifyInboundEmailSignature } from '../../email/inbound-email';

/** The header of a signed sandbox callback: `sha256=<hex HMAC-SHA256 of the raw body>` (as inbound e-mails). */
export const CALLBACK_SIGNATURE_HEADER = 'x-clinicflow-signature';

/** Signs a sandbox callback's raw body with the clinic's callback secret: the header's value. */
export function signCallback(secret: string, body: Buffer | string): string {
  return signInboundEmail(secret, body);
}

/** True when the signature matches the raw body, compared in constant time; false without a secret, body or signature. */
export function verifyCallbackSignature(
  secret: string | null | undefined,
  body: Buffer | undefined,
  signature: string | string[] | undefined,
): boolean {
  const given = Array.isArray(signature) ? signature[0] : signature;
  if (!secret || !body) return false;
  return verifyInboundEmailSignature(secret, body, given);
}
