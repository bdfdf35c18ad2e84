/** Where the pages allowed to open live events come from. */
export interface LiveOrigins {
  /** PUBLIC_URL, when set: the editor's public address. */
  publicUrl?: string;
  /** NODE_ENV: `development` and `test` also allow pages on localhost (a dev server on another port). */
  nodeEnv?: string;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a socket's handshake may open live events, from its `Origin` and `Host` headers. A browser always
 * names the page's origin on a WebSocket; another site's page (cross-site WebSocket hijacking) is refused. No
 * Origin: not a browser (a PMS, a test), which the token alone decides. Allowed: PUBLIC_URL's origin; without
 * PUBLIC_URL the page this API served itself (its origin's host is the request's Host); localhost pages in
 * development and test.
 */
export function liveOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: LiveOrigins,
): boolean {
  if (origin === undefined) return true;
  let page: URL;
  try {
    page = new URL(origin);
  } catch {
    return false;
  }
  if (allowed.publicUrl) {
    if (page.origin === new URL(allowed.publicUrl).origin) return true;
  } else if (host !== undefined && page.host === hostOf(page.protocol, host)) {
    return true;
  }
  return (allowed.nodeEnv === 'development' || allowed.nodeEnv === 'test') && LOCAL_HOSTS.has(page.hostname);
}

/** The Host header as a URL of that scheme writes it (lower case, default port left out), or null. */
function hostOf(protocol: string, host: string): string | null {
  try {
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return null;
  }
}
