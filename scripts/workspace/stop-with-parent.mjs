// npm passes SIGTERM to the shell it runs a script in, and the shell dies without passing it on: a script that
// runs until stopped (`npm start`, `npm run database`) then finds itself with another parent, and stops as for
// SIGTERM. Watched twice a second, without keeping the process alive.
const WATCH_MS = 500;

/** Calls `stop` once this process's parent is gone. */
export function stopWithParent(stop) {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, WATCH_MS).unref();
}
