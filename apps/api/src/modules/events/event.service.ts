import { Injectable } from '@nestjs/common';
import { ClockRepository } from '../../common/clock.repository';
import { Metrics } from '../../metrics/metrics';
import type { EventListQuery } from './event.dto';
import { EventDocument, EventRepository, toEventView } from './event.repository';
import { PendingEventRepository, type PendingEvent } from './pending-event.repository';

/** What recording an event did: stored now, or already there (the same event id was received before). */
export type Recorded = 'recorded' | 'duplicate';

/**
 * The event log (`events`) and its outbox (`pending_events`): every event is marked pending before it is
 * stored and stays so until the engine has turned it into runs (docs/engine.md, "A run's life"), so an intake
 * that dies half-way is finished by the sweep. Events are stored once: their `_id` is deterministic.
 */
@Injectable()
export class EventService {
  constructor(
    private readonly events: EventRepository,
    private readonly pending: PendingEventRepository,
    private readonly clock: ClockRepository,
    metrics: Metrics,
  ) {
    metrics.gauge('clinicflow_events_set_aside', 'Events the engine set aside after their attempts', () =>
      this.pending.countSetAside(),
    );
  }

  /**
   * Marks the event pending, then stores it; a duplicate leaves no pending mark of its own behind once the event
   * is done. Two processes recording one event at once (a daily trigger fires in every process) may each win
   * one insert: the mark this call made is then the only one of the event another call stored, so it stays
   * until that event is done (the sweep drops it then, or finishes the event when its process died).
   */
  async record(clinicId: string, event: Omit<EventDocument, 'clinicId'>): Promise<Recorded> {
    const marked = await this.pending.add(clinicId, [event._id], this.clock.now());
    if (await this.events.add(clinicId, event)) return 'recorded';
    if (marked.size && (await this.events.findById(clinicId, event._id))?.engine.status === 'done') {
      await this.pending.remove([event._id]);
    }
    return 'duplicate';
  }

  /** Records many at once (one unordered insert); answers the positions of the duplicates. */
  async recordMany(clinicId: string, events: Omit<EventDocument, 'clinicId'>[]): Promise<Set<number>> {
    const marked = await this.pending.add(
      clinicId,
      events.map((e) => e._id),
      this.clock.now(),
    );
    const duplicates = await this.events.addMany(clinicId, events);
    await this.pending.remove(
      events.filter((e, position) => duplicates.has(position) && marked.has(e._id)).map((e) => e._id),
    );
    return duplicates;
  }

  find(clinicId: string, id: string): Promise<EventDocument | null> {
    return this.events.findById(clinicId, id);
  }

  async list(clinicId: string, query: EventListQuery) {
    const page = await this.events.page(clinicId, query, query);
    return { ...page, items: page.items.map(toEventView) };
  }

  /** Every event of an appointment, in the order they happened, as answered. */
  async history(clinicId: string, appointmentId: string) {
    return (await this.events.ofAppointment(clinicId, appointmentId)).map(toEventView);
  }

  /** The event was written to its appointment and patient; it waits for the engine (still pending). */
  markApplied(clinicId: string, id: string): Promise<void> {
    return this.events.markApplied(clinicId, id);
  }

  /** The engine turned the event into runs: done, and out of the outbox (last, so a crash redoes it). */
  async processed(event: EventDocument): Promise<void> {
    await this.events.setEngineState(event, { status: 'done', applied: true });
    await this.pending.remove([event._id]);
  }

  /**
   * Erases the events about a patient or their appointments, and their outbox marks (the patient's erasure,
   * docs/privacy.md: an event's payload holds the patient's details); answers how many were removed.
   */
  async eraseAbout(clinicId: string, patientId: string, appointmentIds: readonly string[]): Promise<number> {
    const ids = await this.events.idsAbout(clinicId, patientId, appointmentIds);
    await this.pending.remove(ids);
    return this.events.deleteMany(clinicId, ids);
  }

  /**
   * Outbox entries recorded before `at` (an intake that died, or a processing that failed) that may be tried
   * `now` (not set aside, not backing off), oldest first.
   */
  leftovers(at: Date, now: Date, limit: number): Promise<PendingEvent[]> {
    return this.pending.due(at, now, limit);
  }

  /** An outbox entry whose event is not there or already done: nothing is left to do for it. */
  dropPending(id: string): Promise<void> {
    return this.pending.remove([id]);
  }

  /** One more failed attempt at an outbox entry: tried again at `retryAt`, or set aside at `deadAt`. */
  pendingFailed(id: string, next: { retryAt: Date } | { deadAt: Date }, lastError: string): Promise<void> {
    return this.pending.failed(id, next, lastError);
  }

  /**
   * Events the engine could not process within their attempts (dead letters), oldest first: at most `limit`,
   * with their PMS id and type, and how many there are.
   */
  async setAside(clinicId: string, limit: number) {
    const { count, items } = await this.pending.dead(clinicId, limit);
    const events = await Promise.all(items.map((entry) => this.events.findById(clinicId, entry._id)));
    return {
      count,
      items: items.map((entry, index) => ({
        id: events[index]?.eventId ?? null,
        type: events[index]?.type ?? null,
        receivedAt: events[index]?.receivedAt ?? entry.at,
        attempts: entry.failures,
        lastError: entry.lastError ?? null,
        setAsideAt: entry.deadAt!,
      })),
    };
  }

  /** Puts an event set aside back for the engine's next sweep; whether it was set aside. */
  processAgain(clinicId: string, id: string): Promise<boolean> {
    return this.pending.retry(clinicId, id);
  }
}
