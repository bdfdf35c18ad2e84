import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { LiveEventRepository, RelayedLiveEvents, relayKeyAt } from './live-event.repository';
import { LiveEvent, LiveEventsService } from './live-events.service';
import { errorSummary } from '../../common/logged-error';

/** How often this process writes its buffered events and reads the others'. */
export const RELAY_INTERVAL_MS = 150;
/** Events are read again this far back, so one written late by a slow process is not missed (seen ids dedupe). */
const OVERLAP_MS = 3_000;
/** Relayed events older than this are deleted: a socket that was away refetches from REST anyway. */
const KEEP_MS = 60_000;
const PRUNE_EVERY_MS = 10_000;
/** Batches read per round: 20 a process in the overlap, this process's own included (room for 25 processes). */
const READ_LIMIT = 500;
/** Events per written document (a document stays far below MongoDB's 16 MB). */
const EVENTS_PER_DOCUMENT = 5_000;

/**
 * Carries live events between API processes over the database (no extra server to run): the events raised
 * here are written to `live_events` in batches, and the events the other processes wrote are read back by
 * key and handed to this process's sockets (`LiveEventsService.relayed`).
 *
 * The relay runs on wall-clock time, not `ClockRepository`: it is transport between processes that must
 * agree on "now" even when a test freezes the engine's clock.
 */
@Injectable()
export class LiveRelayService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveRelayService.name);
  private readonly origin = randomUUID();
  /** Events to write, the latest per run or delivery (a socket only needs to hear that something changed). */
  private buffer = new Map<string, LiveEvent>();
  private counter = 0;
  private readonly seen = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private running: Promise<void> | undefined;
  private startedAt = 0;
  private lastPrune = 0;
  private stopped = false;

  constructor(
    private readonly live: LiveEventsService,
    private readonly repository: LiveEventRepository,
  ) {}

  onModuleInit() {
    this.startedAt = Date.now();
    this.unsubscribe = this.live.subscribe((event) => {
      const key = `${event.name}:${event.payload.id}`;
      this.buffer.delete(key);
      this.buffer.set(key, event);
    });
    this.timer = setInterval(() => void this.cycle(), RELAY_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy() {
    this.stopped = true;
    clearInterval(this.timer);
    this.unsubscribe?.();
    await this.running;
    await this.flush().catch(() => undefined);
  }

  /** One write-then-read round; rounds never overlap. */
  cycle(): Promise<void> {
    if (this.running || this.stopped) return this.running ?? Promise.resolve();
    this.running = (async () => {
      try {
        await this.flush();
        await this.poll();
        await this.prune();
      } catch (error) {
        // The database may be briefly away; the next round tries again (the buffer is kept).
        this.logger.warn(`live relay: ${errorSummary(error)}`);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private async flush() {
    if (this.buffer.size === 0) return;
    const pending = this.buffer;
    this.buffer = new Map();
    const events = [...pending.values()];
    const writtenAt = Date.now();
    const documents: RelayedLiveEvents[] = [];
    for (let i = 0; i < events.length; i += EVENTS_PER_DOCUMENT) {
      documents.push({
        _id: `${relayKeyAt(writtenAt)}:${this.origin}:${String(++this.counter).padStart(10, '0')}`,
        writtenAt,
        origin: this.origin,
        events: events.slice(i, i + EVENTS_PER_DOCUMENT),
      });
    }
    try {
      await this.repository.insertMany(documents);
    } catch (error) {
      // Kept for the next round, unless newer events of the same run or delivery came meanwhile.
      for (const [key, event] of pending) if (!this.buffer.has(key)) this.buffer.set(key, event);
      throw error;
    }
  }

  private async poll() {
    const now = Date.now();
    for (const [id, at] of this.seen) if (at < now - 2 * OVERLAP_MS) this.seen.delete(id);
    // The others' events are only for this process's sockets: with none open, reading them (every batch about
    // twenty times, for the overlap) would cost the database more than a burst's sends.
    if (!this.live.watched) return;
    const found = await this.repository.since(
      Math.max(this.startedAt, now - OVERLAP_MS),
      this.origin,
      READ_LIMIT,
    );
    for (const document of found) {
      if (this.seen.has(document._id)) continue;
      this.seen.set(document._id, now);
      for (const event of document.events) this.live.relayed(event);
    }
  }

  private async prune() {
    const now = Date.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await this.repository.pruneBefore(now - KEEP_MS);
  }
}
