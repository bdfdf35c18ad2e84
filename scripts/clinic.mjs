// `npm run clinic -- create|list|disable …`: the platform operator's commands, run against the running system's
// database (the one `npm start` wrote into <data dir>/runtime.json, or MONGODB_URI). See docs/accounts.md.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './workspace/ensure-dependencies.mjs';
import { runCommand } from './workspace/run-command.mjs';

function fail(message) {
  console.error(`clinicflow clinic: ${message}`);
  process.exit(1);
}

const dataDir = path.resolve(root, process.env.CLINICFLOW_DATA_DIR ?? '.data');

/** The running system's port and embedded database, as `npm start` wrote them. */
function runtime() {
  const file = path.join(dataDir, 'runtime.json');
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8'));
}

function appSecret() {
  if (process.env.APP_SECRET) return process.env.APP_SECRET;
  const file = path.join(dataDir, 'app-secret');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

async function main() {
  const running = runtime();
  const databaseUri = process.env.MONGODB_URI ?? running?.databaseUri;
  if (!databaseUri) {
    fail(`no running clinicflow found in ${dataDir} (start it with npm start), and MONGODB_URI is not set.`);
  }
  // A running system has its dependencies installed; only the API's build may be missing (a fresh checkout).
  if (!existsSync(path.join(root, 'apps/api/dist/cli.js'))) {
    const built = await runCommand('npx', ['nx', 'run', 'api:build', '--output-style=static'], { cwd: root });
    if (built !== 0) fail('the build failed; see the output above.');
  }
  const secret = appSecret();
  const code = await runCommand(
    process.execPath,
    [path.join(root, 'apps/api/dist/cli.js'), ...process.argv.slice(2)],
    {
      cwd: root,
      env: {
        ...process.env,
        MONGODB_URI: databaseUri,
        // the link printed points at the running system (PUBLIC_URL, when set, wins)
        PORT: process.env.PORT ?? String(running?.port ?? 3000),
        ...(secret ? { APP_SECRET: secret } : {}),
      },
    },
  );
  process.exit(code);
}

main().catch((error) => fail(error.stack ?? String(error)));
