import type { ConnectionFailure } from '../provider';
import { ProviderHostNotAllowedError } from './host-guard';

const TLS_CODES =
  /^(ERR_TLS|ERR_SSL|CERT_|ETLS$|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT|UNABLE_TO_(GET|VERIFY))/;

/**
 * What kind of failure an error of a connection attempt is (C7): not allowed (the host guard), timed out,
 * TLS failed, or refused (anything else: the connection, the login, the answer). Never the remote's text.
 */
export function connectionFailureOf(error: unknown): ConnectionFailure {
  if (error instanceof ProviderHostNotAllowedError) return 'not-allowed';
  const { name, code, message } = (error ?? {}) as { name?: string; code?: string; message?: string };
  if (name === 'TimeoutError' || name === 'AbortError' || code === 'ETIMEDOUT' || code === 'ETIMEOUT')
    return 'timed-out';
  if (/timed? ?out/i.test(message ?? '')) return 'timed-out';
  if (
    (code && TLS_CODES.test(code)) ||
    /certificate|ssl routines|wrong version number|\btls\b/i.test(message ?? '')
  )
    return 'tls-failed';
  return 'refused';
}
