// Process roles and readiness (issue 22, docs/production.md): a web process serves requests and does not run the
// engine; a worker runs the engine and answers only its health and metrics; readiness says "stopping" while a
// process drains.
import type { INestApplication } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import request from 'supertest';
import { Draining } from '../src/modules/health/draining';
import { createTestApp } from './test-app';

/** Whether the engine's tick is scheduled in this application (it is, from bootstrap on, where the engine runs). */
const engineTicks = (app: INestApplication) => app.get(SchedulerRegistry).doesExist('timeout', 'engine-tick');

describe('process roles (CLINICFLOW_ROLE)', () => {
  const apps: INestApplication[] = [];
  // Each application names its role and whether its engine runs.
  const start = async (overrides: Record<string, string>) => {
    const app = await createTestApp({ CLINICFLOW_ROLE: 'all', ENGINE_ENABLED: 'false', ...overrides });
    apps.push(app);
    return app;
  };
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  it('should run the engine in a worker, which answers only health, readiness and metrics', async () => {
    const worker = await start({
      CLINICFLOW_ROLE: 'worker',
      ENGINE_ENABLED: 'true',
      ENGINE_TICK_MS: '60000',
    });
    expect(engineTicks(worker)).toBe(true);
    const http = () => request(worker.getHttpServer());
    await http().get('/api/health').expect(200);
    const ready = await http().get('/api/health/ready').expect(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, process: { status: 'up', role: 'worker' } },
    });
    for (const path of ['/api/flows', '/api/settings', '/', '/api/docs']) {
      const refused = await http().get(path).expect(404);
      expect(refused.body.message).toContain('CLINICFLOW_ROLE=worker');
    }
    await http().post('/api/events').send({}).expect(404);
  });

  it('should serve requests in a web process and leave the engine to the workers', async () => {
    const web = await start({ CLINICFLOW_ROLE: 'web', ENGINE_ENABLED: 'true' });
    expect(engineTicks(web)).toBe(false);
    // Served as usual: an unauthenticated request to the API gets the API's 401, not the worker's 404.
    await request(web.getHttpServer()).get('/api/flows').expect(401);
    const ready = await request(web.getHttpServer()).get('/api/health/ready').expect(200);
    expect(ready.body.info.process).toEqual({ status: 'up', role: 'web' });
  });

  it('should run both in one process (all, the default)', async () => {
    const all = await start({ CLINICFLOW_ROLE: 'all', ENGINE_ENABLED: 'true', ENGINE_TICK_MS: '60000' });
    expect(engineTicks(all)).toBe(true);
    await request(all.getHttpServer()).get('/api/flows').expect(401);
  });

  it('should say "not ready" while the process drains, and stay alive', async () => {
    const app = await start({});
    await request(app.getHttpServer()).get('/api/health/ready').expect(200);
    app.get(Draining).begin();
    const ready = await request(app.getHttpServer()).get('/api/health/ready').expect(503);
    expect(ready.body).toMatchObject({
      status: 'error',
      error: { process: { status: 'down', message: 'stopping: finishing what it holds' } },
    });
    await request(app.getHttpServer()).get('/api/health').expect(200);
  });
});
