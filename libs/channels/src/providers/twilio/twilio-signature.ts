import { createHmac, timingSafeEqual } from 'node:crypto';
import { parse as parseQuery, stringify as stringifyQuery } from 'node:querystring';

/** Form fields of a Twilio-style callback; a field may repeat. */
export type TwilioParams = Record<string, string | string[]>;

function splitUrl(url: string) {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i.exec(url);
  if (!match) return null;
  const [prefix, scheme, authority] = match;
  const userInfoEnd = authority.lastIndexOf('@');
  const hostAndPort = authority.slice(userInfoEnd + 1);
  const portStart = hostAndPort.indexOf(':', hostAndPort.lastIndexOf(']') + 1);
  return {
    scheme,
    userInfo: authority.slice(0, userInfoEnd + 1),
    host: portStart === -1 ? hostAndPort : hostAndPort.slice(0, portStart),
    port: portStart === -1 ? '' : hostAndPort.slice(portStart),
    rest: url.slice(prefix.length),
  };
}

function withoutPort(url: string): string {
  const parts = splitUrl(url);
  return parts ? parts.scheme + parts.userInfo + parts.host + parts.rest : url;
}

function withPort(url: string): string {
  const parts = splitUrl(url);
  if (!parts || parts.port) return url;
  const port = parts.scheme.toLowerCase() === 'https://' ? ':443' : ':80';
  return parts.scheme + parts.userInfo + parts.host + port + parts.rest;
}

function legacyQuery(url: string): string {
  const start = url.indexOf('?');
  if (start === -1 || start === url.length - 1) return url;
  return `${url.slice(0, start)}?${stringifyQuery(parseQuery(url.slice(start + 1)))}`;
}

function field(name: string, value: string | string[]): string {
  if (Array.isArray(value))
    return [...new Set(value)]
      .sort()
      .map((v) => name + v)
      .join('');
  return name + value;
}

/** The X-Twilio-Signature of a request: base64 HMAC-SHA1 of the URL followed by the sorted fields. */
export function computeTwilioSignature(authToken: string, url: string, params: TwilioParams): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, key) => text + field(key, params[key]), url);
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf-8')).digest('base64');
}

function same(signature: string, expected: string): boolean {
  const a = Buffer.from(signature);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True when the signature matches the URL as received or its usual variants (with/without port). */
export function verifyTwilioSignature(
  authToken: string,
  signature: string | undefined,
  url: string,
  params: TwilioParams,
): boolean {
  // Fail closed: without the clinic's auth token nothing can be verified, so nothing is accepted.
  if (!signature || !authToken) return false;
  const check = (candidate: string) => same(signature, computeTwilioSignature(authToken, candidate, params));
  if ([withoutPort(url), withPort(url)].some(check)) return true;
  let normalised: string;
  try {
    normalised = new URL(url).toString();
  } catch {
    return false;
  }
  const variants = [withoutPort(normalised), withPort(normalised)];
  return [...variants, ...variants.map(legacyQuery)].some(check);
}
