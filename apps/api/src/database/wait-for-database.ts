import { MongoClient } from 'mongodb';
import { maskUri } from '../config/env';

export class DatabaseUnreachableError extends Error {}

/**
 * Retries a ping until the database answers or `timeoutSeconds` pass, so a database that starts a little after
 * the API (or a network blip at boot) is not fatal, while a wrong URI ends start-up with a clear reason.
 */
export async function waitForDatabase(
  uri: string,
  timeoutSeconds: number,
  onRetry: (message: string) => void = () => undefined,
): Promise<void> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  let reason: string;
  for (let attempt = 1; ; attempt++) {
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 2_000, connectTimeoutMS: 2_000 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    } finally {
      await client.close().catch(() => undefined);
    }
    if (Date.now() >= deadline) break;
    onRetry(`Database at ${maskUri(uri)} not reachable yet (attempt ${attempt}): ${reason}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new DatabaseUnreachableError(
    `Cannot reach the database at ${maskUri(uri)} after ${timeoutSeconds} s: ${reason}`,
  );
}
