import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startDatabase } from '../../../scripts/database/embedded-database.cjs';
import { bookingEvent } from './engine-fixtures';
import { createTestApp, createTestContext, type TestClinic, type TestContext } from './test-app';

describe('GET /api/health', () => {
  it('should answer ok with the database up', async () => {
    const app = await createTestApp();
    const res = await request(app.getHttpServer()).get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    await app.close();
  });

  describe('when the database dies', () => {
    let dir: string;
    let app: INestApplication;
    let ctx: TestContext;
    let clinic: TestClinic;
    let database: Awaited<ReturnType<typeof startDatabase>>;

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'clinicflow-health-'));
      database = await startDatabase({
        dataDir: path.join(dir, 'data'),
        logFile: path.join(dir, 'db.log'),
        env: { PATH: process.env.PATH },
      });
      ctx = await createTestContext({ MONGODB_URI: database.uri });
      app = ctx.app;
      clinic = await ctx.newClinic();
    });

    afterAll(async () => {
      await app.close().catch(() => undefined);
      await database.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('should answer 503 with status error within 10 seconds', async () => {
      await request(app.getHttpServer()).get('/api/health').expect(200);
      process.kill(database.pid!, 'SIGKILL');
      const deadline = Date.now() + 10_000;
      let res = await request(app.getHttpServer()).get('/api/health');
      while (res.status !== 503 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        res = await request(app.getHttpServer()).get('/api/health');
      }
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
    });

    it("should answer the PMS's event 503 with Retry-After (try again), not 500", async () => {
      // The key is checked against the database too: the whole request meets the database away.
      const res = await request(app.getHttpServer())
        .post('/api/events')
        .set('x-api-key', clinic.apiKey)
        .send(bookingEvent('E-AWAY', 'A-AWAY', '2027-03-07T10:00'));
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body).toEqual({
        statusCode: 503,
        message: 'The database did not answer; try again shortly',
        errors: [],
      });
    });
  });
});
