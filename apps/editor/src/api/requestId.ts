/**
 * A new id for one action sent to the API (a UUID v4), which makes it idempotent: a click that arrives twice, or a
 * retried request, is done once. Built from `getRandomValues`, which browsers offer even on plain http (unlike
 * `randomUUID`).
 */
export function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
