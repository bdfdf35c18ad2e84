// `npm run database`: the embedded database alone, for processes started by hand (docs/production.md: one web and
// two worker processes on one machine). Prints the MONGODB_URI to give them; Ctrl-C or SIGTERM stops it.
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureDependencies, root } from './workspace/ensure-dependencies.mjs';
import { stopWithParent } from './workspace/stop-with-parent.mjs';

const dataDir = path.resolve(root, process.env.CLINICFLOW_DATA_DIR ?? '.data');

async function main() {
  if (process.env.MONGODB_URI) {
    console.error('MONGODB_URI is set: that database is the one to use, nothing to start.');
    process.exit(1);
  }
  await ensureDependencies();
  mkdirSync(dataDir, { recursive: true });
  const { startDatabase } = createRequire(import.meta.url)('./database/embedded-database.cjs');
  const database = await startDatabase({
    dataDir: path.join(dataDir, 'db'),
    logFile: path.join(dataDir, 'database.log'),
  });
  const stop = async () => {
    await database.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  stopWithParent(stop);
  console.log(`Database: ${database.kind}, data in ${path.join(dataDir, 'db')} (log: ${database.logFile})`);
  console.log(`\n  MONGODB_URI=${database.uri}\n\nCtrl-C stops it.`);
  // Runs until stopped: the server is a child of this process (its guard stops it if this one is killed).
  setInterval(() => undefined, 1 << 30);
}

main().catch((error) => {
  console.error(`The database could not start: ${error.message ?? error}`);
  process.exit(1);
});
