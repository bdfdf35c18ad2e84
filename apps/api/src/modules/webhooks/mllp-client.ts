import { resolveProviderHost, type ProviderHostPolicy } from '@clinicflow/channels';
import { MllpDecoder, mllpFrame } from '@clinicflow/pms';
import net from 'node:net';
import tls from 'node:tls';
import { DEFAULT_PORTS } from './webhook-endpoints.service';

/**
 * Sends one HL7 message over MLLP (`mllp://host:port`, or `mllps://` inside TLS) to the address the outbound
 * guard checked, and answers the ACK's text; rejects on no ACK within `timeoutMs`, or the connection failing.
 */
export async function sendOverMllp(
  url: string,
  message: string,
  { timeoutMs, policy }: { timeoutMs: number; policy: ProviderHostPolicy },
): Promise<string> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const port = target.port ? Number(target.port) : DEFAULT_PORTS[target.protocol];
  const address = await resolveProviderHost(host, port, policy);
  return new Promise((resolve, reject) => {
    const socket =
      target.protocol === 'mllps:'
        ? tls.connect({ host: address, port, servername: net.isIP(host) ? undefined : host })
        : net.connect({ host: address, port });
    const decoder = new MllpDecoder();
    const timer = setTimeout(() => fail(new Error(`No ACK within ${timeoutMs} ms`)), timeoutMs);
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
    };
    const fail = (error: Error) => {
      done();
      reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('The connection closed without an ACK')));
    socket.on('data', (chunk: Buffer) => {
      try {
        const [ack] = decoder.push(chunk);
        if (!ack) return;
        done();
        resolve(ack.toString('utf8'));
      } catch (error) {
        fail(error as Error);
      }
    });
    socket.write(mllpFrame(Buffer.from(message, 'utf8')));
  });
}
