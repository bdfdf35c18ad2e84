import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { AppModule } from '../src/app.module';
import { loadEnv } from '../src/config/env';
import { configureHttp } from '../src/http/configure-http';

/** A database name of its own for one test file (FerretDB allows [A-Za-z0-9_-], 63 characters). */
export function testDatabaseName() {
  return `t_${randomBytes(8).toString('hex')}`;
}

/** The real application, configured as main.ts does, against the test run's database. */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<INestApplication> {
  const env = loadEnv({
    ...process.env,
    MONGODB_DB_NAME: testDatabaseName(),
    LOG_LEVEL: 'silent',
    EDITOR_DIST_DIR: '/nonexistent',
    ...overrides,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(env)] }).compile();
  const app = moduleRef.createNestApplication({ bodyParser: false });
  configureHttp(app);
  await app.init();
  return app;
}
