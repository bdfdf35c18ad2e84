import express from 'express';
import { Writable } from 'node:stream';
import { pinoHttp, type Options } from 'pino-http';
import request from 'supertest';
import { loggedUrl, requestLogParams } from './request-log';

/** The log lines an express app writes with the API's request-log settings while serving `path`. */
async function logLinesOf(path: string, headers: Record<string, string> = {}) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const { pinoHttp: options } = requestLogParams({ LOG_LEVEL: 'info' });
  const app = express();
  app.use(pinoHttp(options as Options, destination));
  app.get('/api/deliveries', (_req, res) => res.json({ items: [] }));
  app.get('/p/u/:token', (_req, res) => res.json({}));
  for (const probe of ['/api/health', '/api/health/ready', '/metrics'])
    app.get(probe, (_req, res) => res.json({}));
  await request(app).get(path).set(headers).expect(200);
  return lines;
}

describe('the request log', () => {
  it('leaves out the probes of process managers and Prometheus, which come every few seconds', async () => {
    for (const probe of ['/api/health', '/api/health/ready', '/metrics'])
      expect(await logLinesOf(probe)).toEqual([]);
    expect(await logLinesOf('/api/deliveries')).toHaveLength(1);
  });

  it('names the path and the parameters, never the values a search or a patient filter carried', async () => {
    const lines = await logLinesOf('/api/deliveries?q=Dupont&patientId=P-1003&q=0612345678', {
      authorization: 'Bearer secret-token',
      'x-api-key': 'ck_live_secret',
    });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]) as { req: { url: string; queryKeys: string[]; query?: unknown } };
    expect(entry.req.url).toBe('/api/deliveries');
    expect(entry.req.queryKeys).toEqual(['q', 'patientId']);
    expect(entry.req.query).toBeUndefined();
    for (const secret of ['Dupont', 'P-1003', '0612345678', 'secret-token', 'ck_live_secret']) {
      expect(lines[0]).not.toContain(secret);
    }
  });

  it("never writes a patient link's token, which opens the link for whoever reads it", () => {
    const token = '0123456789abcdef0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAA';
    expect(loggedUrl(`/p/u/${token}`)).toEqual({ url: '/p/u/<token>' });
    expect(loggedUrl(`/p/o/${token}?x=1`)).toEqual({ url: '/p/o/<token>', queryKeys: ['x'] });
    expect(loggedUrl('/p/Hk2mX9aT7bLp1zQc')).toEqual({ url: '/p/<token>' });
    expect(loggedUrl('/api/patients/p-1')).toEqual({ url: '/api/patients/p-1' });
  });

  it("logs a patient's link without its token, their address or their browser", async () => {
    const token = '0123456789abcdef0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAA';
    const [line] = await logLinesOf(`/p/u/${token}`, { 'user-agent': 'Mail/1.0 (iPhone of Lea)' });
    const entry = JSON.parse(line) as { req: Record<string, unknown> };
    expect(entry.req).toEqual({ id: expect.anything(), method: 'GET', url: '/p/u/<token>' });
    for (const secret of [token, '127.0.0.1', 'iPhone']) expect(line).not.toContain(secret);
  });

  it('keeps a URL without a query string as it is', () => {
    expect(loggedUrl('/api/flows/f-1')).toEqual({ url: '/api/flows/f-1' });
    expect(loggedUrl('/api/deliveries?')).toEqual({ url: '/api/deliveries', queryKeys: [] });
  });
});
