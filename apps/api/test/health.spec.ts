import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startDatabase } from '../../../scripts/database/embedded-database.cjs';
import { createTestApp } from './test-app';

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
    let database: Awaited<ReturnType<typeof startDatabase>>;

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'clinicflow-health-'));
      database = await startDatabase({
        dataDir: path.join(dir, 'data'),
        logFile: path.join(dir, 'db.log'),
        env: { PATH: process.env.PATH },
      });
      app = await createTestApp({ MONGODB_URI: database.uri });
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
  });
});
