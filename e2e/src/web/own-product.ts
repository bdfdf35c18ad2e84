import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** A product of a spec's own: `npm start`'s script on its own port and empty data directory. */
export interface OwnProduct {
  baseURL: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the product as `npm start` does (scripts/start.mjs), with a fresh data directory and `SEED_DEMO=false`:
 * an empty installation, for the first-run specs (the suite's shared product has the demo clinic). Resolves once
 * `/api/health` answers; `stop()` ends it as Ctrl-C would and removes its data.
 */
export async function startOwnProduct(port: number): Promise<OwnProduct> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'clinicflow-e2e-first-run-'));
  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      CLINICFLOW_DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the product stopped while starting:\n${output.join('')}`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the product did not start:\n${output.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    baseURL,
    port,
    dataDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `npm run clinic -- <args>` for real against that product (its data directory); answers its output. */
export function runClinicCommand(
  product: OwnProduct,
  args: string[],
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'clinic', '--', ...args], {
      cwd: ROOT,
      env: { ...process.env, CLINICFLOW_DATA_DIR: product.dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}
