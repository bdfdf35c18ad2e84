import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { SmtpProvider } from './smtp-provider';

/** A throw-away self-signed certificate for 127.0.0.1, made with openssl for this test run only. */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'clinicflow-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-subj',
        '/CN=127.0.0.1',
        '-days',
        '1',
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('SmtpProvider over STARTTLS', () => {
  let server: SMTPServer;
  let port: number;
  const secured: boolean[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      ...selfSignedCertificate(),
      authOptional: true,
      logger: false,
      onData(stream, session, callback) {
        secured.push(session.secure);
        stream.resume();
        stream.on('end', () => callback());
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const message = { channel: 'email' as const, to: 'lea@example.org', subject: 's', text: 't' };

  it('upgrades the connection with the TLS options given', async () => {
    const sut = new SmtpProvider({
      host: '127.0.0.1',
      port,
      defaultFrom: 'rdv@cabinet.example',
      requireTLS: true,
      tls: { rejectUnauthorized: false },
    });
    expect(await sut.send(message, 'k')).toMatchObject({ accepted: true });
    await sut.close();
    expect(secured).toEqual([true]);
  });

  it('refuses for good a certificate it cannot trust', async () => {
    const sut = new SmtpProvider({
      host: '127.0.0.1',
      port,
      defaultFrom: 'rdv@cabinet.example',
      requireTLS: true,
      timeoutMs: 2000,
    });
    expect(await sut.send(message, 'k')).toMatchObject({
      accepted: false,
      kind: 'final',
      code: 'tls',
      reason: expect.stringMatching(/certificate/),
    });
    await sut.close();
  });
});
