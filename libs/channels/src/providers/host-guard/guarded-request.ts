import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { resolveProviderHost, type ProviderHostPolicy } from './host-guard';

/** One HTTP request to a provider's API. */
export interface GuardedRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** When set, the host must resolve to public addresses (or be listed), and the checked address is used. */
  policy?: ProviderHostPolicy;
}

/** The largest answer read from a provider (its JSON is small; an error page need not be read whole). */
const MAX_ANSWER_BYTES = 256 * 1024;

/**
 * An HTTP(S) request that connects to the address the host guard checked (not to the name again, which a
 * rebinding DNS could answer differently), keeping the name for the Host header and TLS (SNI, certificate).
 * Aborts with a `TimeoutError` after `timeoutMs`.
 */
export async function guardedRequest(
  url: string,
  options: GuardedRequest,
): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  const https = target.protocol === 'https:';
  const port = target.port ? Number(target.port) : https ? 443 : 80;
  const name = target.hostname.replace(/^\[|\]$/g, '');
  const signal = AbortSignal.timeout(options.timeoutMs);
  const address = options.policy ? await resolveProviderHost(name, port, options.policy) : name;
  return new Promise((resolve, reject) => {
    const send = https ? httpsRequest : httpRequest;
    const req = send(
      {
        host: address,
        port,
        method: options.method,
        path: `${target.pathname}${target.search}`,
        headers: { ...options.headers, Host: target.host },
        ...(https && !isIP(name) ? { servername: name } : {}),
        signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', (error: Error) =>
      reject(signal.aborted ? Object.assign(error, { name: 'TimeoutError' }) : error),
    );
    req.end(options.body);
  });
}
