import ipaddr from 'ipaddr.js';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/**
 * Which provider hosts may be reached although they resolve to a local address: `host` or `host:port` entries
 * (`CLINICFLOW_ALLOWED_PROVIDER_HOSTS`). Everything else must resolve to public addresses only.
 */
export interface ProviderHostPolicy {
  allowed: readonly string[];
}

/** A provider host that is, or resolves to, an address the server must not connect to (SSRF). */
export class ProviderHostNotAllowedError extends Error {
  readonly code = 'not-allowed';
  constructor(readonly host: string) {
    super(`The provider host ${host} is a local or private address, which is not allowed.`);
    this.name = 'ProviderHostNotAllowedError';
  }
}

/**
 * True when the address is not public unicast: loopback, private (RFC 1918, fc00::/7), link-local (169.254/16,
 * which holds the cloud metadata address, fe80::/10), CGNAT, unspecified, multicast, reserved or a v6 prefix
 * that carries a v4 address. ipaddr.js names the range; only its "unicast" is the public internet.
 */
export function isForbiddenAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  let parsed = ipaddr.parse(address);
  // ::ffff:127.0.0.1 is 127.0.0.1.
  if (parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress()) parsed = parsed.toIPv4Address();
  return parsed.range() !== 'unicast';
}

/** The allowed-hosts list from its comma-separated form, lower case, blanks dropped. */
export function parseAllowedHosts(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
}

/** Whether the host (or host:port) is listed, brackets of an IPv6 literal ignored. */
export function isListedHost(policy: ProviderHostPolicy, host: string, port?: number): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return policy.allowed.some((entry) => {
    const match = /^(\[[^\]]+\]|[^:]+|[^[\]]*:[^[\]]*:[^[\]]*)(?::(\d+))?$/.exec(entry);
    const listed = (match?.[1] ?? entry).replace(/^\[|\]$/g, '');
    return listed === bare && (!match?.[2] || (port !== undefined && Number(match[2]) === port));
  });
}

/**
 * The address to connect to for a provider host: the host's resolved address after every address it resolves
 * to was found public (`ProviderHostNotAllowedError` otherwise), or the host itself when the policy lists it.
 * Connecting to the address answered here, not to the name again, is what defeats DNS rebinding.
 */
export async function resolveProviderHost(
  host: string,
  port: number | undefined,
  policy: ProviderHostPolicy,
): Promise<string> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isListedHost(policy, bare, port)) return bare;
  if (isIP(bare)) {
    if (isForbiddenAddress(bare)) throw new ProviderHostNotAllowedError(host);
    return bare;
  }
  const addresses = await dnsLookup(bare, { all: true, verbatim: true });
  if (addresses.length === 0 || addresses.some((a) => isForbiddenAddress(a.address))) {
    throw new ProviderHostNotAllowedError(host);
  }
  return addresses[0].address;
}

/** Longest wait on a provider, whatever a clinic sets: well below the dispatcher's 30 s lease. */
export const MAX_PROVIDER_TIMEOUT_MS = 10_000;

/** A provider's timeout: the one set, else the default, never more than `MAX_PROVIDER_TIMEOUT_MS`. */
export function cappedTimeout(ms: number | undefined, fallback = MAX_PROVIDER_TIMEOUT_MS): number {
  return Math.min(ms ?? fallback, MAX_PROVIDER_TIMEOUT_MS);
}
