import argon2 from 'argon2';
import { Worker } from 'node:worker_threads';

/**
 * Password hashes: argon2id (OWASP's parameters: 19 MiB, 2 passes, 1 lane), computed by the native `argon2`
 * package on libuv's thread pool, so a login never blocks the event loop. Hashes made by the earlier bcrypt
 * (`$2a$`/`$2b$`, bcryptjs) still verify, in a worker thread since bcryptjs is plain JavaScript; a user who
 * logs in with one gets an argon2id hash instead (`needsRehash`).
 */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

/** Whether a stored hash is of the earlier bcrypt kind, or of weaker argon2 parameters: to replace at login. */
export function needsRehash(hash: string): boolean {
  if (!hash.startsWith('$argon2')) return true;
  return argon2.needsRehash(hash, ARGON2_OPTIONS);
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (hash.startsWith('$argon2')) {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
  if (/^\$2[aby]\$/.test(hash)) return verifyBcryptInWorker(password, hash);
  return false;
}

let standIn: Promise<string> | undefined;

/**
 * A hash to verify against when the e-mail is unknown, so that both answers take the same time: made once per
 * process, of a random password nobody can type.
 */
export function unknownUserHash(): Promise<string> {
  standIn ??= hashPassword(`no user ${Math.random()} ${Date.now()}`);
  return standIn;
}

/** bcryptjs is JavaScript: its compare runs in a worker thread, off the event loop. */
function verifyBcryptInWorker(password: string, hash: string): Promise<boolean> {
  return new Promise((resolve) => {
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const bcrypt = require(workerData.module);
       parentPort.postMessage(bcrypt.compareSync(workerData.password, workerData.hash));`,
      { eval: true, workerData: { module: require.resolve('bcryptjs'), password, hash } },
    );
    worker.once('message', (valid: unknown) => resolve(valid === true));
    worker.once('error', () => resolve(false));
    worker.once('exit', () => resolve(false));
  });
}
