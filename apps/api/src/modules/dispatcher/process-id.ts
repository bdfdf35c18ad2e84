import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * This process's name on the claims it wins (`hostname:pid:random`): the random part tells a restarted
 * process (same host, possibly the same pid in a container) from the one that died.
 */
export const PROCESS_ID = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
