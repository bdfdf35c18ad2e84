// Runs a command with inherited output and resolves to its exit code; the scripts' one way to run a step.
import { spawn } from 'node:child_process';

/** Runs `command args` and resolves to the exit code (a signal counts as failure). */
export function runCommand(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
