import ipaddr from 'ipaddr.js';

/** Express's named ranges (proxy-addr): 127.0.0.0/8 and ::1, 169.254.0.0/16 and fe80::/10, private ranges. */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** Whether an item of TRUST_PROXY is an address or a CIDR range. */
function isAddressOrRange(item: string): boolean {
  if (!item.includes('/')) return ipaddr.isValid(item);
  try {
    ipaddr.parseCIDR(item);
    return true;
  } catch {
    return false;
  }
}

/**
 * TRUST_PROXY as Express's `trust proxy` setting takes it: a number of proxies (1–10), or addresses, CIDR ranges
 * and named ranges, comma-separated; null when it is none of those.
 */
export function trustedProxies(value: string): number | string[] | null {
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops >= 1 && hops <= 10 ? hops : null;
  }
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) return null;
  return items.every((item) => NAMED_RANGES.includes(item) || isAddressOrRange(item)) ? items : null;
}
