// One database server for the whole Jest run, in a fresh temporary directory; every test file then takes its
// own database name (test/test-app.ts), so files run in parallel without seeing each other's documents.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
const { startDatabase } = createRequire(import.meta.url)('../../../scripts/database/embedded-database.cjs');

export default async function globalSetup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'clinicflow-api-test-'));
  const database = await startDatabase({
    dataDir: path.join(dir, 'data'),
    logFile: path.join(dir, 'database.log'),
  });
  process.env.MONGODB_URI = database.uri;
  process.env.CLINICFLOW_TEST_DIR = dir;
  globalThis.__clinicflowDatabase = database;
}
