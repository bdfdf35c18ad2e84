import { Logger } from '@nestjs/common';
import type { MongoClient, ServerHeartbeatStartedEvent } from 'mongodb';

/**
 * How long a server check may run before it counts as stuck: the driver bounds its own (`connectTimeoutMS`,
 * 30 s by default, plus the `heartbeatFrequencyMS` a streaming check waits, 10 s), so this is twice as much.
 */
export const STUCK_CHECK_MS = 80_000;
const LOOK_EVERY_MS = 5_000;

/** The server checks (heartbeats) under way, by server address, with when each started. */
export class HeartbeatWatch {
  private readonly running = new Map<string, number>();

  /** A check of `address` started (a streaming check starts again at once: its first start counts). */
  started(address: string, at: number): void {
    if (!this.running.has(address)) this.running.set(address, at);
  }

  /** The check of `address` ended, answered or failed. */
  ended(address: string): void {
    this.running.delete(address);
  }

  /** The addresses whose check has run longer than `limitMs` at `now`. */
  stuck(now: number, limitMs: number): string[] {
    return [...this.running].filter(([, at]) => now - at > limitMs).map(([address]) => address);
  }

  clear(): void {
    this.running.clear();
  }
}

/**
 * Reconnects the client when a server check never ends. The Node driver (7.9 included) waits for a socket's
 * `drain` when a write is not taken at once; a socket closed just before the write (the database killed or
 * restarted at that moment) emits neither `drain` nor `error`, so the check waits forever, the server stays
 * "unknown" and every operation fails its server selection until the process restarts (seen in `npm run chaos`:
 * one worker of two never sent again after the database came back). A closed and reconnected client starts
 * fresh checks; the repositories' `Db` and collections go on working with it. Answers how to stop watching (after
 * a reconnection under way).
 */
export function reconnectWhenStuck(
  client: MongoClient,
  { limitMs = STUCK_CHECK_MS, everyMs = LOOK_EVERY_MS } = {},
): () => Promise<void> {
  const logger = new Logger('Database');
  const watch = new HeartbeatWatch();
  const onStarted = (event: ServerHeartbeatStartedEvent) => watch.started(event.connectionId, Date.now());
  const onEnded = (event: { connectionId: string }) => watch.ended(event.connectionId);
  client.on('serverHeartbeatStarted', onStarted);
  client.on('serverHeartbeatSucceeded', onEnded);
  client.on('serverHeartbeatFailed', onEnded);
  // Closed and not yet connected again: a closed client never connects by itself, so the watch tries until it does.
  let closed = false;
  let looking: Promise<void> | null = null;
  let stopped = false;
  const connectAgain = async () => {
    try {
      await client.connect();
      closed = false;
      logger.warn('Reconnected to the database');
    } catch (error) {
      // The database is still away: tried again at the next look.
      logger.warn(`Reconnecting to the database failed: ${(error as Error).name}`);
    }
  };
  const look = async () => {
    if (!closed) {
      if (watch.stuck(Date.now(), limitMs).length === 0) return;
      logger.error(
        `The database driver's check of the server has not ended for ${Math.round(limitMs / 1000)} s: reconnecting`,
      );
      watch.clear();
      closed = true;
      await client.close().catch(() => undefined);
    }
    if (!stopped) await connectAgain();
  };
  const timer = setInterval(() => {
    if (looking || stopped) return;
    looking = look().finally(() => (looking = null));
  }, everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await looking;
    client.off('serverHeartbeatStarted', onStarted);
    client.off('serverHeartbeatSucceeded', onEnded);
    client.off('serverHeartbeatFailed', onEnded);
  };
}
