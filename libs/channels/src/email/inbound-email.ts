import { simpleParser, type AddressObject } from 'mailparser';
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header that carries the signature of an inbound e-mail webhook: `sha256=<hex HMAC of the body>`. */
export const INBOUND_EMAIL_SIGNATURE_HEADER = 'x-clinicflow-signature';

/** A patient's e-mail as the clinic reads it: who, what they wrote (without the quoted original), what it answers. */
export interface InboundEmail {
  /** The sender's address, lower case. */
  from: string;
  to: string;
  /** The reply itself: the quoted question and the mail client's attribution line left out. */
  text: string;
  /** Its Message-ID, with the angle brackets (the provider's id of the reply). */
  messageId: string | null;
  /** The Message-IDs it answers: In-Reply-To first, then References, newest first. */
  inReplyTo: string[];
}

/** The signature of an inbound e-mail webhook's body: `sha256=` and the hex HMAC-SHA256 with the clinic's secret. */
export function signInboundEmail(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** True when the signature header matches the body; always false without a secret or a signature (fail closed). */
export function verifyInboundEmailSignature(
  secret: string | undefined,
  body: Buffer,
  signature: string | undefined,
): boolean {
  if (!secret || !signature) return false;
  const expected = Buffer.from(signInboundEmail(secret, body));
  const given = Buffer.from(signature.trim().toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

// The line a mail client writes above the text it quotes: "On Mon, 6 Mar 2026 … wrote:", "Le lun. 6 mars 2026
// … a écrit :", "El … escribió:", "Am … schrieb …:", "Il … ha scritto:", "Den … skrev …:".
const ATTRIBUTION =
  /^(on\b.*\bwrote|le\b.*\ba écrit|el\b.*\bescribió|am\b.*\bschrieb|il\b.*\bha scritto|den\b.*\bskrev).*:\s*$/i;
// Outlook's separators: "-----Original Message-----", "-----Message d'origine-----", or a From: header block.
const SEPARATOR = /^(-{2,}\s*[^-]+\s*-{2,}|_{5,}|(from|de|von|da|fra)\s*:\s.*@.*)$/i;

/**
 * The reply without what it quotes: stops at the mail client's attribution line, an Outlook separator or the
 * first quoted line ("> …"), and drops a signature ("-- ").
 */
export function replyWithoutQuote(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    // An attribution can wrap onto a second line ("On Mon, 6 Mar 2026 at 09:00, Cabinet\n<rdv@…> wrote:").
    const twoLines = `${line} ${lines[i + 1]?.trim() ?? ''}`;
    if (line.startsWith('>') || line === '--' || SEPARATOR.test(line) || ATTRIBUTION.test(line)) break;
    if (/^(on|le|el|am|il|den)\b/i.test(line) && ATTRIBUTION.test(twoLines)) break;
    kept.push(lines[i]);
  }
  return kept.join('\n').trim();
}

function firstAddress(field: AddressObject | AddressObject[] | undefined): string | null {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  const address = list.flatMap((entry) => entry.value).find((value) => value.address)?.address;
  return address ? address.trim().toLowerCase() : null;
}

/** The Message-IDs of a header value ("<a@x> <b@y>"), in order. */
function messageIds(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
  return [...text.matchAll(/<[^<>\s]+>/g)].map((match) => match[0]);
}

/** Reads a raw e-mail (RFC 5322, as the mail provider received it) into a reply; null when it has no sender. */
export async function parseInboundEmail(raw: Buffer): Promise<InboundEmail | null> {
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const from = firstAddress(mail.from);
  if (!from) return null;
  const references = messageIds(mail.references).reverse();
  const inReplyTo = [...new Set([...messageIds(mail.inReplyTo), ...references])];
  return {
    from,
    to: firstAddress(mail.to) ?? '',
    text: replyWithoutQuote(mail.text ?? ''),
    messageId: mail.messageId ?? null,
    inReplyTo,
  };
}
