// The database server's guard: a small process that stops the server when the process that started it is gone,
// however it went (SIGKILL, an out-of-memory kill), so that neither `npm start` nor a test run leaves a server
// holding its port and data folder. A Go or C server cannot watch its parent for us; a pipe can: the starter
// holds this guard's standard input open, and the pipe closes when the starter ends.
//
//   node stop-when-orphaned.cjs <server pid>
//
// Lines "wait <pid>" on standard input name processes to wait for (up to WAIT_MS) before the server is stopped:
// the API, which drains against the database when it loses its launcher too.
const SERVER_STOP_MS = 5_000;
const WAIT_MS = 12_000;
const POLL_MS = 200;

const server = Number(process.argv[2]);
const waitFor = new Set();
let orphaned = false;

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

async function until(done, ms) {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  return done();
}

async function stopServer() {
  if (orphaned) return;
  orphaned = true;
  await until(() => [...waitFor].every((pid) => !alive(pid)), WAIT_MS);
  signal(server, 'SIGTERM');
  if (!(await until(() => !alive(server), SERVER_STOP_MS))) signal(server, 'SIGKILL');
  process.exit(0);
}

if (!Number.isInteger(server) || server <= 0) {
  console.error('usage: stop-when-orphaned.cjs <server pid>');
  process.exit(2);
}
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  pending += chunk;
  const lines = pending.split('\n');
  pending = lines.pop();
  for (const line of lines) {
    const [verb, pid] = line.trim().split(/\s+/);
    if (verb === 'wait' && Number(pid) > 0) waitFor.add(Number(pid));
  }
});
process.stdin.on('end', stopServer);
process.stdin.on('close', stopServer);
process.stdin.on('error', stopServer);
// A server stopped by its starter (or that died) needs no guard: this one ends with it.
setInterval(() => {
  if (!orphaned && !alive(server)) process.exit(0);
}, 1_000);
