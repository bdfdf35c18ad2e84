// Runs a command with inherited output and resolves to its exit code; the scripts' one way to run a step.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Runs `command args` and resolves to the exit code (a signal counts as failure). With `onLine`, each line of
 * its standard output goes to `onLine` instead of straight through (standard error still does).
 */
export function runCommand(command, args, { onLine, ...options } = {}) {
  return new Promise((resolve, reject) => {
    const stdio = onLine ? ['inherit', 'pipe', 'inherit'] : 'inherit';
    const child = spawn(command, args, { stdio, ...options });
    if (onLine) createInterface({ input: child.stdout }).on('line', onLine);
    child.on('error', reject);
    // `close`, not `exit`: with `onLine`, the last lines are read only once the output is closed.
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
