import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** What a link lets its holder do: record that an e-mail was opened, or stop the clinic's e-mails. */
export type PatientLinkKind = 'open' | 'unsubscribe';

/** A delivery's id: `dlv_` and 32 hex digits (`deliveryIdFor`), the only thing a link carries. */
const DELIVERY_ID = /^dlv_[0-9a-f]{32}$/;
/** `<the delivery id's 32 hex digits>.<22 base64url characters of HMAC>`. */
const TOKEN = /^([0-9a-f]{32})\.([A-Za-z0-9_-]{22})$/;

/** The key links are signed with, derived from an application secret (never the secret itself). */
export function linkKeyOf(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, '', 'clinicflow patient links', 32));
}

function macOf(key: Buffer, kind: PatientLinkKind, deliveryId: string): Buffer {
  return createHmac('sha256', key).update(`${kind}\u0000${deliveryId}`).digest().subarray(0, 16);
}

/** A link's token: the delivery's id and its signature for this kind, so one kind's link opens no other. */
export function signLink(key: Buffer, kind: PatientLinkKind, deliveryId: string): string {
  if (!DELIVERY_ID.test(deliveryId)) throw new Error('A link names a delivery by its id (dlv_…)');
  return `${deliveryId.slice(4)}.${macOf(key, kind, deliveryId).toString('base64url')}`;
}

/** The delivery a token of this kind names, when one of `keys` signed it; null for anything else. */
export function openLink(keys: readonly Buffer[], kind: PatientLinkKind, token: string): string | null {
  const parts = TOKEN.exec(token);
  if (!parts) return null;
  const deliveryId = `dlv_${parts[1]}`;
  const given = Buffer.from(parts[2], 'base64url');
  // One spelling per signature: the last character's low bits are padding, so another spelling decodes the same.
  if (given.toString('base64url') !== parts[2]) return null;
  return keys.some((key) => timingSafeEqual(macOf(key, kind, deliveryId), given)) ? deliveryId : null;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** A short link's token: 16 letters and digits, about 95 bits (no `-` or `_`, which phones cut off a link's end). */
export const PAGE_TOKEN = /^[0-9A-Za-z]{16}$/;

/**
 * The token of a message's short link: 16 base-62 digits of HMAC-SHA256 over the kind and the delivery id, so
 * the same message written again gets the same link, and nobody without the key can make one.
 */
export function pageTokenOf(key: Buffer, kind: string, deliveryId: string): string {
  if (!DELIVERY_ID.test(deliveryId)) throw new Error('A link names a delivery by its id (dlv_…)');
  const mac = createHmac('sha256', key).update(`page\u0000${kind}\u0000${deliveryId}`).digest();
  let value = BigInt(`0x${mac.subarray(0, 16).toString('hex')}`);
  let token = '';
  for (let i = 0; i < 16; i += 1) {
    token += BASE62[Number(value % 62n)];
    value /= 62n;
  }
  return token;
}
