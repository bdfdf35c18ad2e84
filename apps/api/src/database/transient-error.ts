import {
  MongoError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerClosedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';

/** Labels the driver and the server put on errors that another attempt may not meet. */
const TRANSIENT_LABELS = [
  'RetryableWriteError',
  'TransientTransactionError',
  'ResetPool',
  'PoolRequestedRetry',
];

/**
 * Server codes of a server that is stepping down, shutting down or cut off (MongoDB's error_codes.yml:
 * HostUnreachable, HostNotFound, NetworkTimeout, ShutdownInProgress, PrimarySteppedDown, ExceededTimeLimit,
 * NotWritablePrimary, InterruptedAtShutdown, InterruptedDueToReplStateChange, NotPrimaryNoSecondaryOk,
 * NotPrimaryOrSecondary).
 */
const TRANSIENT_SERVER_CODES = new Set([6, 7, 89, 91, 189, 262, 10107, 11600, 11602, 13435, 13436]);

/** Errors of the operating system's network calls (a socket reset, a refused or timed-out connection). */
const TRANSIENT_ERRNO = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
]);

/**
 * Whether an error says the database (or the network to it) was away for a moment, so that the same work done
 * again later may succeed: the engine then leaves the work to be taken over (its lease) instead of ending it.
 * Anything else (a duplicate key, a validation error, an error of our own code) would recur.
 */
export function isTransientError(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 4) return false;
  if (
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoServerClosedError ||
    error instanceof MongoOperationTimeoutError
  ) {
    return true;
  }
  if (error instanceof MongoError && TRANSIENT_LABELS.some((label) => error.hasErrorLabel(label)))
    return true;
  if (error instanceof MongoServerError && TRANSIENT_SERVER_CODES.has(Number(error.code))) return true;
  const errno = (error as NodeJS.ErrnoException).code;
  if (typeof errno === 'string' && TRANSIENT_ERRNO.has(errno)) return true;
  // A bulk write (insertMany, bulkWrite) that met no server wraps the driver's error in a MongoBulkWriteError
  // without code, label or cause: the wrapped error is its `errorResponse`.
  if (error instanceof MongoServerError && error.errorResponse instanceof Error) {
    return isTransientError(error.errorResponse, depth + 1);
  }
  return isTransientError(error.cause, depth + 1);
}
