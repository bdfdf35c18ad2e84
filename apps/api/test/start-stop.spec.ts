// `npm start` stopped as a process manager, a terminal or the kernel stops it (issue 22): whichever process of
// it gets the signal, the API and the database end within 15 s and no process of it is left. Real `npm start`
// (the built product, an empty data folder), real signals, the process table read from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../../scripts/database/embedded-database.cjs';

const ROOT = path.resolve(__dirname, '../../..');
const START_TIMEOUT_MS = 300_000;
/**
 * How long a case waits for the processes to end. The launcher's own bound is 15 s (the API 10 s to drain, the
 * database 5 s); the time each case took is printed (tests do not assert on time), this only ends a wait.
 */
const WAIT_AT_MOST_MS = 30_000;

jest.setTimeout(15 * 60_000);

interface Proc {
  pid: number;
  ppid: number;
  state: string;
  command: string;
}

/** The process table: pid, parent, state (Z: a zombie, ended) and command line. */
function processTable(): Proc[] {
  const table: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      table.push({ pid: Number(entry), ppid: Number(ppid), state, command });
    } catch {
      // ended while read
    }
  }
  return table;
}

function descendants(root: number, table: Proc[]): Proc[] {
  const found: Proc[] = [];
  let parents = new Set([root]);
  while (parents.size > 0) {
    const children = table.filter((proc) => parents.has(proc.ppid));
    found.push(...children);
    parents = new Set(children.map((proc) => proc.pid));
  }
  return found;
}

function running(pids: number[]): Proc[] {
  const alive = new Set(pids);
  return processTable().filter((proc) => alive.has(proc.pid) && proc.state !== 'Z');
}

interface Started {
  npm: ChildProcess;
  port: number;
  dataDir: string;
  /** npm's descendants once the product answers: the shell, the launcher, the database, its guard, the API. */
  tree: Proc[];
  output: string[];
}

async function startProduct(): Promise<Started> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'clinicflow-start-stop-'));
  const output: string[] = [];
  // Its own embedded database, not the one of the test run.
  const { MONGODB_URI: _testDatabase, ...env } = process.env;
  // A group of its own, as a terminal's job: a signal to the group reaches npm and what it started, not Jest.
  const npm = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      PORT: String(port),
      CLINICFLOW_DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    },
  });
  npm.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  npm.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (npm.exitCode !== null) throw new Error(`npm start ended while starting:\n${output.join('')}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`npm start did not answer:\n${output.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { npm, port, dataDir, tree: descendants(npm.pid!, processTable()), output };
}

/** Waits until none of the processes runs (or the bound passes); answers those left and the time it took. */
async function untilGone(pids: number[]): Promise<{ left: Proc[]; ms: number }> {
  const started = Date.now();
  let left = running(pids);
  while (left.length > 0 && Date.now() - started < WAIT_AT_MOST_MS) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    left = running(pids);
  }
  return { left, ms: Date.now() - started };
}

function portAnswers(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/api/health`).then(
    () => true,
    () => false,
  );
}

describe('npm start stops on a signal and leaves no process', () => {
  const started: Started[] = [];
  const times: string[] = [];
  afterAll(() => {
    if (times.length > 0) console.log(`npm start stopped:\n${times.join('\n')}`);
    // Whatever a failed case left is killed here, so that one failure does not leave servers behind.
    for (const { npm, tree, dataDir } of started) {
      for (const proc of running([npm.pid!, ...tree.map((p) => p.pid)])) process.kill(proc.pid, 'SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  function pidOf(product: Started, command: RegExp): number {
    const proc = product.tree.find((p) => command.test(p.command));
    if (!proc)
      throw new Error(
        `no process matches ${command}: ${product.tree.map((p) => p.command).join('; ')}\n${product.output.join('')}`,
      );
    return proc.pid;
  }

  it.each([
    [
      'SIGTERM to npm alone (what systemd and `kill <pid>` send)',
      (p: Started) => process.kill(p.npm.pid!, 'SIGTERM'),
    ],
    ['SIGTERM to its process group', (p: Started) => process.kill(-p.npm.pid!, 'SIGTERM')],
    ['SIGINT to its process group (Ctrl-C)', (p: Started) => process.kill(-p.npm.pid!, 'SIGINT')],
    [
      'SIGKILL to the launcher (scripts/start.mjs): its children stop by themselves',
      (p: Started) => process.kill(pidOf(p, /scripts\/start\.mjs/), 'SIGKILL'),
    ],
  ])('%s', async (name, stop) => {
    const product = await startProduct();
    started.push(product);
    // What has to stop: the API and the database server (and the guard that stops the server).
    const api = pidOf(product, /apps\/api\/dist\/main\.js/);
    const database = pidOf(product, /ferretdb|mongod/);
    const pids = [product.npm.pid!, ...product.tree.map((proc) => proc.pid)];
    expect(running([api, database])).toHaveLength(2);

    stop(product);
    const { left, ms } = await untilGone(pids);

    times.push(
      `  ${name}: ${left.length === 0 ? `no process left after ${(ms / 1000).toFixed(1)} s` : `${left.length} left`}`,
    );
    expect(left.map((proc) => proc.command)).toEqual([]);
    expect(await portAnswers(product.port)).toBe(false);
  });
});
