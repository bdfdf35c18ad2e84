import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { loadEnv } from '../src/config/env';
import { configureHttp } from '../src/http/configure-http';
import { testDatabaseName, useTestContext } from './test-app';

/**
 * The smaller doors of issue 17: security headers on every answer (the editor's pages and the API), live events
 * only for the clinic's own pages, the summary's range capped whatever the query leaves out, and API keys held
 * to their scopes on the report's routes.
 */
const editorDir = mkdtempSync(path.join(tmpdir(), 'clinicflow-editor-'));
writeFileSync(
  path.join(editorDir, 'index.html'),
  '<!doctype html><html><head><script type="module" src="/assets/index.js"></script></head><body><div id="root"></div></body></html>',
);

/**
 * The application as main.ts makes it (NestFactory): the testing module builds its modules before the HTTP
 * server exists, so it never serves the editor's files.
 */
async function startAsMainDoes(overrides: Record<string, string>): Promise<INestApplication> {
  const env = loadEnv({
    ...process.env,
    MONGODB_DB_NAME: testDatabaseName(),
    LOG_LEVEL: 'silent',
    ENGINE_ENABLED: 'false',
    EDITOR_DIST_DIR: editorDir,
    ...overrides,
  });
  const app = await NestFactory.create(AppModule.forRoot(env), { bodyParser: false, logger: false });
  configureHttp(app);
  await app.init();
  return app;
}

const ctx = useTestContext();
const clinic = ctx.clinic();

describe('security headers', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await startAsMainDoes({});
  });
  afterAll(() => app.close());

  it.each(['/', '/flows/some-flow', '/api/health', '/api/docs'])(
    'should answer %s with a CSP without inline scripts, no framing and no sniffing',
    async (url) => {
      const answer = await request(app.getHttpServer()).get(url).redirects(1);
      expect(answer.status).toBe(200);
      const csp = answer.headers['content-security-policy'] as string;
      const directives = new Map(
        csp.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values];
        }),
      );
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('script-src-attr')).toEqual(["'none'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.has('upgrade-insecure-requests')).toBe(false);
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      // PUBLIC_URL is not https here: no HSTS, which would lock an http installation out
      expect(answer.headers['strict-transport-security']).toBeUndefined();
    },
  );

  it('should serve the editor’s page itself under those headers', async () => {
    const answer = await request(app.getHttpServer()).get('/').expect(200);
    expect(answer.text).toContain('<div id="root"></div>');
  });

  it('should send HSTS and upgrade requests when PUBLIC_URL is https', async () => {
    const secure = await startAsMainDoes({ PUBLIC_URL: 'https://clinic.example' });
    try {
      for (const url of ['/', '/api/health']) {
        const answer = await request(secure.getHttpServer()).get(url).expect(200);
        expect(answer.headers['strict-transport-security']).toBe('max-age=31536000');
        expect(answer.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      }
    } finally {
      await secure.close();
    }
  });
});

describe('live events from another site', () => {
  beforeAll(() => ctx.app.listen(0, '127.0.0.1'));

  /** Opens the live socket as a page of this origin would; answers whether it connected, or why not. */
  async function connectFrom(origin: string) {
    const { port } = ctx.app.getHttpServer().address() as AddressInfo;
    const socket = io(`http://127.0.0.1:${port}/live`, {
      path: '/socket.io',
      auth: { token: clinic.managerToken },
      transports: ['websocket'],
      extraHeaders: { Origin: origin },
      reconnection: false,
      forceNew: true,
    });
    try {
      return await new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (error) => resolve(error.message));
      });
    } finally {
      socket.disconnect();
    }
  }

  it('should refuse a page of another site, even with a valid token', async () => {
    expect(await connectFrom('https://evil.example')).toMatch(/^Forbidden: live events open only/);
  });

  it('should accept the page this API served', async () => {
    const { port } = ctx.app.getHttpServer().address() as AddressInfo;
    expect(await connectFrom(`http://127.0.0.1:${port}`)).toBe('connected');
  });
});

describe('the summary’s range', () => {
  it('should answer 400 naming query.from when a from alone runs more than 366 days to today', async () => {
    const answer = await ctx.as(clinic).get('/api/deliveries/summary?from=0001-01-01').expect(400);
    expect(answer.body.errors).toEqual([
      { path: 'query.from', message: expect.stringMatching(/^a summary covers at most 366 days/) },
    ]);
  });

  it('should answer 400 naming query.to when both days are given too far apart', async () => {
    const answer = await ctx
      .as(clinic)
      .get('/api/deliveries/summary?from=2020-01-01&to=2026-01-01')
      .expect(400);
    expect(answer.body.errors).toEqual([{ path: 'query.to', message: 'a summary covers at most 366 days' }]);
  });

  it('should count a from alone within the cap, up to today', async () => {
    const from = new Date(Date.now() - 300 * 86_400_000).toISOString().slice(0, 10);
    const answer = await ctx.as(clinic).get(`/api/deliveries/summary?from=${from}`).expect(200);
    expect(answer.body.from).toBe(from);
    expect(answer.body.days.length).toBeGreaterThanOrEqual(300);
    expect(answer.body.days.length).toBeLessThanOrEqual(302);
  });
});

describe('SMTP’s TLS', () => {
  it('should refuse a requireTLS that is neither true nor false (400 naming it)', async () => {
    const answer = await ctx
      .as(clinic)
      .put('/api/settings', {
        providers: {
          email: {
            kind: 'smtp',
            options: { host: 'smtp.example', defaultFrom: 'rdv@cabinet.example', requireTLS: 'no' },
          },
        },
      })
      .expect(400);
    expect(answer.body.errors).toEqual([
      { path: 'body.providers.email.options.requireTLS', message: 'must be true or false' },
    ]);
  });
});

describe('API keys on the report’s routes', () => {
  it('should refuse a key holding only the events scope (403), and let a reports key read', async () => {
    const eventsOnly = await ctx.http().get('/api/deliveries').set('X-Api-Key', clinic.apiKey).expect(403);
    expect(eventsOnly.body.message).toMatch(/needs the reports scope/);
    await ctx.http().get('/api/deliveries/summary').set('X-Api-Key', clinic.apiKey).expect(403);

    const reports = await ctx
      .as(clinic)
      .post('/api/api-keys', { name: 'Reporting', scopes: ['reports'] })
      .expect(201);
    await ctx.http().get('/api/deliveries').set('X-Api-Key', reports.body.key).expect(200);
  });
});
