// What each benchmark starts from: the built API (apps/api/dist, or BENCH_API_DIST) in this process, against a
// fresh embedded database, with one clinic. Not a benchmark itself (the runner takes *.bench.mjs only).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { startDatabase } = createRequire(import.meta.url)(
  path.join(root, 'scripts/database/embedded-database.cjs'),
);

/** `require` from the built API: its modules (`./modules/…`) and its dependencies (`luxon`, `mongodb`). */
export const api = createRequire(
  path.resolve(root, process.env.BENCH_API_DIST ?? 'apps/api/dist', 'main.js'),
);

/** The bench clinic's manager. */
export const benchManager = { email: 'bench@clinicflow.example', password: 'correct-horse-battery' };

/**
 * Starts the built API in this process against the database at `uri` (its database `dbName`). With `http` it
 * listens on a free port and `base` is its `/api` URL, otherwise it is only initialised (the caller uses its
 * services). The engine does not tick by itself: the caller calls `EngineService.tick()`. `close()` stops it.
 */
export async function startBenchApi({ uri, dbName, http = false }) {
  api('reflect-metadata');
  const { NestFactory } = api('@nestjs/core');
  const { AppModule } = api('./app.module');
  const { loadEnv } = api('./config/env');
  const env = loadEnv({
    ...process.env,
    MONGODB_URI: uri,
    MONGODB_DB_NAME: dbName,
    LOG_LEVEL: 'silent',
    EDITOR_DIST_DIR: '/nonexistent',
    ENGINE_ENABLED: 'false',
    // the API requires a secret of its own; a throw-away database needs no lasting one
    APP_SECRET: process.env.APP_SECRET ?? randomBytes(32).toString('hex'),
  });
  const app = await NestFactory.create(AppModule.forRoot(env), { logger: ['error'], bodyParser: false });
  let base = null;
  if (http) {
    api('./http/configure-http').configureHttp(app);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${app.getHttpServer().address().port}/api`;
  } else {
    await app.init();
  }
  return { app, base, close: () => app.close() };
}

/** Creates the bench clinic (Europe/Paris, managed by `benchManager`) and answers its id. */
export async function createBenchClinic(app) {
  const { ClinicService } = api('./modules/clinics/clinic.service');
  const { clinicId } = await app.get(ClinicService).create({
    name: 'Bench clinic',
    timeZone: 'Europe/Paris',
    country: 'FR',
    defaultLanguage: 'fr',
    manager: { ...benchManager, name: 'Bench' },
  });
  return clinicId;
}

/**
 * Runs `work` with the API and the bench clinic (Europe/Paris), then stops the API and the database and removes
 * their folder. The database is `<name>_bench`; with `http`, the API listens on a free port and `base` is its
 * `/api` URL, otherwise it is only initialised (the work calls its services).
 */
export async function withBenchApi(name, { http = false }, work) {
  const dir = mkdtempSync(path.join(tmpdir(), `clinicflow-${name}-bench-`));
  const database = await startDatabase({ dataDir: path.join(dir, 'db'), logFile: path.join(dir, 'db.log') });
  let started;
  try {
    started = await startBenchApi({ uri: database.uri, dbName: `${name}_bench`, http });
    const clinicId = await createBenchClinic(started.app);
    return await work({ app: started.app, database, clinicId, base: started.base });
  } finally {
    await started?.close();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
