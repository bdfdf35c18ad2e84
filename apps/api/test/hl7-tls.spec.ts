// The HL7 listener over TLS (HL7_MLLP_TLS_CERT / _KEY): a PMS that speaks MLLP inside TLS gets its ACK, and a
// plain-text connection gets nothing. The certificate is made for the test by openssl.
import { MllpDecoder, mllpFrame, siuMessage } from '@clinicflow/pms';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { useTestContext } from './test-app';

const dir = mkdtempSync(path.join(tmpdir(), 'hl7-tls-'));
const [cert, key] = [path.join(dir, 'cert.pem'), path.join(dir, 'key.pem')];
execFileSync(
  'openssl',
  ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert].concat([
    '-days',
    '2',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  ]),
  { stdio: 'ignore' },
);

/** Sends one framed message on a connected socket and answers the first message that comes back. */
function exchange(socket: net.Socket, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const decoder = new MllpDecoder();
    socket.on('data', (chunk) => {
      const [answer] = decoder.push(chunk);
      if (answer) resolve(answer.toString('utf8'));
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error('closed without an answer')));
    socket.write(mllpFrame(Buffer.from(text, 'utf8')));
  });
}

describe('HL7 over MLLP inside TLS', () => {
  const ctx = useTestContext({
    HL7_MLLP_PORT: '0',
    HL7_MLLP_HOST: '127.0.0.1',
    HL7_MLLP_TLS_CERT: cert,
    HL7_MLLP_TLS_KEY: key,
  });
  const clinic = ctx.clinic();
  let port: number;

  beforeAll(async () => {
    const view = await ctx
      .as(clinic)
      .put('/api/settings/hl7', { sendingFacility: 'TLS_SITE', allowedPeers: ['127.0.0.1'] })
      .expect(200);
    expect(view.body.listener).toMatchObject({ tls: true });
    port = view.body.listener.port;
  });

  const booking = siuMessage({
    trigger: 'S12',
    controlId: 'TLS-1',
    facility: 'TLS_SITE',
    appointment: { id: 'A-TLS', start: '202603071000', minutes: 30 },
    patient: { id: 'P-TLS', family: 'Ødegård', given: 'Bjørn' },
  });

  it('answers AA to a message sent inside TLS, checking the server by its certificate', async () => {
    const socket = tls.connect({ host: '127.0.0.1', port, ca: readFileSync(cert) });
    await new Promise((resolve) => socket.once('secureConnect', resolve));
    const ack = await exchange(socket, booking);
    socket.destroy();
    expect(ack.split('\r')[1]).toBe('MSA|AA|TLS-1|OK');
  });

  it('answers nothing to plain text', async () => {
    const socket = net.connect({ host: '127.0.0.1', port });
    await expect(exchange(socket, booking)).rejects.toThrow();
    socket.destroy();
  });
});
