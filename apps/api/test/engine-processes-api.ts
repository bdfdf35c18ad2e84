// Real API processes for scenario 11: `node apps/api/dist/main.js` (built by `npm test` before the tests).
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';

export const MAIN_JS = path.resolve(__dirname, '../dist/main.js');

/** Fails with what to do when the API has not been built. */
export function requireBuiltApi(): void {
  if (!existsSync(MAIN_JS)) {
    throw new Error(
      `${MAIN_JS} is missing: scenario 11 runs the built API. Run "npm test" (it builds first) or "npx nx run-many -t build".`,
    );
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ApiProcess {
  child: ChildProcess;
  port: number;
  /** What the process wrote to stderr (for a failure message). */
  errors: string[];
}

/** The secret every process of this test run shares. */
const SHARED_SECRET = randomBytes(32).toString('hex');

/** Starts one API process with the engine on, and waits until it answers /api/health. */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN_JS], {
    env: {
      ...process.env,
      // The specs' SMPP and SMTP peers listen on loopback: the provider host guard lets them in.
      CLINICFLOW_ALLOWED_PROVIDER_HOSTS: '127.0.0.1,localhost',
      // one secret for every process of a scenario: a token or a sealed credential made by one opens in another
      // (under NODE_ENV=test a process without one would make its own)
      APP_SECRET: SHARED_SECRET,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ENGINE_ENABLED: 'true',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const errors: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API process exited early: ${errors.join('')}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) throw new Error(`API process did not start: ${errors.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { child, port, errors };
}

/** Stops a process (SIGKILL: as a crash; SIGTERM: a clean stop) and waits for it to be gone. */
export async function stopApiProcess(api: ApiProcess, signal: NodeJS.Signals): Promise<void> {
  if (api.child.exitCode !== null || api.child.signalCode !== null) return;
  const exited = new Promise((resolve) => api.child.once('exit', resolve));
  api.child.kill(signal);
  const timer = setTimeout(() => api.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * The local TCP ports of a process's sockets (Linux: its descriptors' socket inodes looked up in
 * /proc/net/tcp and tcp6), so a test can tell which process a peer's connection belongs to.
 */
export function tcpPortsOf(pid: number): Set<number> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode) inodes.add(inode);
    } catch {
      // a descriptor closed while listing
    }
  }
  const ports = new Set<number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length > 9 && inodes.has(fields[9])) ports.add(parseInt(fields[1].split(':')[1], 16));
    }
  }
  return ports;
}
