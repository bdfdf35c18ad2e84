import { createServer } from 'node:net';
import {
  BulkWriteResult,
  MongoBulkWriteError,
  MongoClient,
  MongoNetworkError,
  MongoServerError,
  MongoServerSelectionError,
} from 'mongodb';
import { isTransientError } from './transient-error';

/** A port nothing listens on: taken from the OS, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe(isTransientError.name, () => {
  it('should call transient what the driver throws when the database is not there', async () => {
    const client = new MongoClient(`mongodb://127.0.0.1:${await closedPort()}/`, {
      serverSelectionTimeoutMS: 300,
    });
    const thrown = await client
      .db('x')
      .collection('runs')
      .findOne({})
      .catch((error: unknown) => error);
    await client.close();
    expect(thrown).toBeInstanceOf(Error);
    expect(isTransientError(thrown)).toBe(true);
  });

  it('should call transient a socket error, a stepping-down server and a retryable write, also as a cause', () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const steppedDown = new MongoServerError({ message: 'not primary', code: 10107 });
    const retryable = new MongoServerError({
      message: 'write',
      code: 1,
      errorLabels: ['RetryableWriteError'],
    });
    expect(isTransientError(reset)).toBe(true);
    expect(isTransientError(steppedDown)).toBe(true);
    expect(isTransientError(retryable)).toBe(true);
    expect(isTransientError(new MongoNetworkError('connection closed'))).toBe(true);
    expect(isTransientError(new Error('saving the run failed', { cause: reset }))).toBe(true);
  });

  it('should call transient a bulk write that met no server, as the driver wraps it', () => {
    // What `insertMany` throws when the database went away after the client had connected (the driver's
    // bulk/common.js: "a driver related error not a bulk op error"); the integration test
    // database-reconnect.spec.ts meets it against a real database.
    const unreached = new MongoServerSelectionError('Server selection timed out after 5000 ms', {} as never);
    const bulk = new MongoBulkWriteError(unreached as never, {} as BulkWriteResult);
    expect(bulk).toBeInstanceOf(MongoServerError);
    expect(isTransientError(bulk)).toBe(true);
    const duplicate = new MongoBulkWriteError(
      { message: 'E11000 duplicate key', code: 11000, writeErrors: [] },
      {} as BulkWriteResult,
    );
    expect(isTransientError(duplicate)).toBe(false);
  });

  it('should not call transient what would happen again', () => {
    expect(isTransientError(new MongoServerError({ message: 'E11000 duplicate key', code: 11000 }))).toBe(
      false,
    );
    expect(isTransientError(new TypeError("Cannot read properties of undefined (reading 'nodes')"))).toBe(
      false,
    );
    expect(isTransientError(new Error('the database did not answer'))).toBe(false);
    expect(isTransientError('ECONNRESET')).toBe(false);
    expect(isTransientError(undefined)).toBe(false);
  });
});
