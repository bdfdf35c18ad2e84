// Installs the npm dependencies when node_modules is missing or was installed from another package-lock.json.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCommand } from './run-command.mjs';

export const root = path.resolve(import.meta.dirname, '../..');
const stampFile = path.join(root, 'node_modules', '.clinicflow-lock-hash');

function lockHash() {
  return createHash('sha256')
    .update(readFileSync(path.join(root, 'package-lock.json')))
    .digest('hex');
}

/** Runs `npm ci` unless node_modules already matches package-lock.json. */
export async function ensureDependencies() {
  const wanted = lockHash();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === wanted) return;
  console.log('Installing dependencies with npm ci (first run, or package-lock.json changed)…');
  const code = await runCommand('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    // Browsers come from Debian's chromium package, never from a download.
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  if (code !== 0) throw new Error(`npm ci failed (exit ${code}); see the output above.`);
  writeFileSync(stampFile, `${wanted}\n`);
}
