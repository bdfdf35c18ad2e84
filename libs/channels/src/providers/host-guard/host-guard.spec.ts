import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connectionFailureOf } from './connection-failure';
import { guardedRequest } from './guarded-request';
import {
  cappedTimeout,
  isForbiddenAddress,
  isListedHost,
  parseAllowedHosts,
  ProviderHostNotAllowedError,
  resolveProviderHost,
} from './host-guard';

describe('isForbiddenAddress', () => {
  const forbidden = [
    '127.0.0.1',
    '127.1.2.3',
    '::1',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    'fc00::1',
    'fd12:3456::1',
    '169.254.169.254',
    'fe80::1',
    '100.64.0.1',
    '0.0.0.0',
    '::',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    'fd00:ec2::254',
    '224.0.0.1',
    'not an address',
  ];
  const allowed = ['8.8.8.8', '93.184.216.34', '2a00:1450:4007:80a::200e', '::ffff:8.8.8.8'];
  it.each(forbidden)('refuses %s', (address) => expect(isForbiddenAddress(address)).toBe(true));
  it.each(allowed)('accepts %s', (address) => expect(isForbiddenAddress(address)).toBe(false));
});

describe('isListedHost', () => {
  const policy = { allowed: parseAllowedHosts(' LocalHost , 127.0.0.1:2775,[::1]:8080,smpp.lan ') };
  it.each([
    ['localhost', 25, true],
    ['127.0.0.1', 2775, true],
    ['127.0.0.1', 2776, false],
    ['::1', 8080, true],
    ['[::1]', 8080, true],
    ['::1', 80, false],
    ['smpp.lan', undefined, true],
    ['evil.example', 80, false],
  ] as const)('%s:%s listed is %s', (host, port, expected) =>
    expect(isListedHost(policy, host, port)).toBe(expected),
  );
});

describe('resolveProviderHost', () => {
  const none = { allowed: [] };
  it('refuses a loopback literal and a name that resolves to loopback', async () => {
    await expect(resolveProviderHost('127.0.0.1', 80, none)).rejects.toBeInstanceOf(
      ProviderHostNotAllowedError,
    );
    await expect(resolveProviderHost('[::1]', 80, none)).rejects.toBeInstanceOf(ProviderHostNotAllowedError);
    await expect(resolveProviderHost('localhost', 80, none)).rejects.toBeInstanceOf(
      ProviderHostNotAllowedError,
    );
  });

  it('answers a public literal as is, and a listed host without a check', async () => {
    await expect(resolveProviderHost('8.8.8.8', 53, none)).resolves.toBe('8.8.8.8');
    await expect(resolveProviderHost('localhost', 80, { allowed: ['localhost'] })).resolves.toBe('localhost');
  });
});

describe('guardedRequest', () => {
  let server: Server;
  let port: number;
  let hits = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits++;
      res.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('never connects to a host the policy refuses, and does when it is listed', async () => {
    const request = { method: 'GET', headers: {}, timeoutMs: 2000 };
    await expect(
      guardedRequest(`http://127.0.0.1:${port}/x`, { ...request, policy: { allowed: [] } }),
    ).rejects.toBeInstanceOf(ProviderHostNotAllowedError);
    expect(hits).toBe(0);
    const answer = await guardedRequest(`http://127.0.0.1:${port}/x`, {
      ...request,
      policy: { allowed: [`127.0.0.1:${port}`] },
    });
    expect(answer).toEqual({ status: 200, text: '{"ok":true}' });
    expect(hits).toBe(1);
  });
});

describe('connectionFailureOf', () => {
  it.each([
    [new ProviderHostNotAllowedError('10.0.0.1'), 'not-allowed'],
    [Object.assign(new Error('aborted'), { name: 'TimeoutError' }), 'timed-out'],
    [Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }), 'timed-out'],
    [new Error('bind timed out'), 'timed-out'],
    [
      Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
      'tls-failed',
    ],
    [Object.assign(new Error('x'), { code: 'ERR_SSL_WRONG_VERSION_NUMBER' }), 'tls-failed'],
    [Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:25'), { code: 'ECONNREFUSED' }), 'refused'],
    [new Error('<html>anything a host answers</html>'), 'refused'],
  ] as const)('%s is %s', (error, expected) => expect(connectionFailureOf(error)).toBe(expected));
});

describe('cappedTimeout', () => {
  it('never waits longer than the cap', () => {
    expect(cappedTimeout(undefined)).toBe(10_000);
    expect(cappedTimeout(60_000)).toBe(10_000);
    expect(cappedTimeout(2_000)).toBe(2_000);
  });
});
