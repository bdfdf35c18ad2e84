import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '../../config/env';
import { ClockRepository } from '../../common/clock.repository';
import { Metrics } from '../../metrics/metrics';
import { DeliveryClaimRepository, type ClaimKind, type DeliveryClaim } from './delivery-claim.repository';
import { DeliveryQueueRepository, type DeliveryQueueEntry, type DueScan } from './delivery-queue.repository';
import { DeliveryRepository } from './delivery.repository';
import type { DeliveryDocument } from './delivery.document';

const REPAIR_BATCH = 500;

/** The due count of the metrics stops here: a scrape never counts a whole burst. */
const DUE_COUNT_CAP = 10_000;

/**
 * The dispatcher's side of the deliveries (docs/engine.md, "A delivery's life"): the queue of deliveries that
 * still need it, and the claims `<delivery>#<attempt>` that decide who takes an attempt (a send, a recovery
 * after a crash, or a cancel), since inserting a claim is atomic on every database.
 */
@Injectable()
export class DeliveryQueueService {
  /** A change this recent may still be writing its entry: the sweep leaves it alone. */
  private readonly repairSettleMs: number;

  constructor(
    config: ConfigService<Env, true>,
    private readonly queue: DeliveryQueueRepository,
    private readonly claims: DeliveryClaimRepository,
    private readonly deliveries: DeliveryRepository,
    clock: ClockRepository,
    private readonly metrics: Metrics,
  ) {
    this.repairSettleMs = config.get('QUEUE_REPAIR_SETTLE_SECONDS', { infer: true }) * 1000;
    // Read at each scrape, across clinics: the same figures in every process.
    metrics.gauge('clinicflow_queue_entries', 'Deliveries waiting in the queue, due or not (estimate)', () =>
      this.queue.estimatedSize(),
    );
    metrics.gauge(
      'clinicflow_queue_due',
      `Deliveries due now and not yet sent (counted up to ${DUE_COUNT_CAP})`,
      () => this.queue.countDue(clock.now(), DUE_COUNT_CAP),
    );
    metrics.gauge(
      'clinicflow_queue_oldest_due_seconds',
      'Seconds since the oldest due delivery was due',
      async () => {
        const oldest = await this.queue.next();
        const late = oldest ? clock.now().getTime() - new Date(oldest.dueAt).getTime() : 0;
        return Math.max(0, late / 1000);
      },
    );
  }

  /**
   * Renews the lease of attempt `attempt` of a delivery still being sent, until `leaseUntil`: its claim's
   * `leaseUntil`, what a process that finds the queue entry due and loses the claim checks.
   */
  renewLease(deliveryId: string, attempt: number, leaseUntil: Date): Promise<void> {
    return this.claims.renew(deliveryId, attempt, leaseUntil);
  }

  /**
   * The consistency sweep (issue 22): a delivery's status and its queue entry are written one after the other,
   * so a process that died (or a database that went away) between the two can leave a delivery that needs an
   * entry without one: `scheduled` and never sent. Finds those last changed in (`from`, `now` − the settle time,
   * `QUEUE_REPAIR_SETTLE_SECONDS`] (`from` null: ever) and gives them back their entry: due at their send time when `scheduled`, at once when `retrying`
   * or `sending` (the claim's rules then decide, a lease taken over as after a crash). Answers how many it
   * repaired. The other disagreement, an entry whose delivery is done, the scan already drops.
   */
  async repair(from: Date | null, now: Date): Promise<number> {
    const settled = new Date(now.getTime() - this.repairSettleMs);
    let repaired = 0;
    let afterId: string | null = null;
    for (;;) {
      const queued = await this.deliveries.queuedChangedBetween(from, settled, afterId, REPAIR_BATCH);
      const existing = await this.queue.existing(queued.map((d) => d._id));
      const entryless = queued.filter((d) => !existing.has(d._id));
      // Sent (its entry removed) or moved (its entry moved) between the two reads: it needs nothing from here.
      const still = await this.deliveries.stillQueuedUnchanged(
        entryless.map((d) => d._id),
        settled,
      );
      const missing = entryless.filter((d) => still.has(d._id));
      repaired += await this.queue.insertMissing(
        missing.map((d) => ({
          _id: d._id,
          clinicId: d.clinicId,
          dueAt: d.status === 'scheduled' ? new Date(d.sendAt) : now,
        })),
      );
      if (queued.length < REPAIR_BATCH) break;
      afterId = queued[queued.length - 1]._id;
    }
    if (repaired > 0) this.metrics.queueRepairs.inc(repaired);
    return repaired;
  }

  /** Entries due at `now` (DeliveryQueueRepository.due). */
  due(now: Date, scan: DueScan): Promise<DeliveryQueueEntry[]> {
    return this.queue.due(now, scan);
  }

  /** The earliest entry still to come, of any clinic (the engine's wake-up). */
  next(): Promise<DeliveryQueueEntry | null> {
    return this.queue.next();
  }

  /** The earliest entry of a clinic that is due at `now` (the dispatcher's lag on the status page). */
  oldestDue(clinicId: string, now: Date): Promise<DeliveryQueueEntry | null> {
    return this.queue.oldestDue(clinicId, now);
  }

  /** Removes an entry whose delivery is done or gone. */
  drop(deliveryId: string): Promise<void> {
    return this.queue.remove(deliveryId);
  }

  /**
   * Takes attempt `attempt` of a delivery for `kind` (a send or a recovery with its lease until `leaseUntil`):
   * false when someone else holds it.
   */
  claim(
    delivery: DeliveryDocument,
    attempt: number,
    kind: ClaimKind,
    by: string,
    at: Date,
    leaseUntil?: Date,
  ): Promise<boolean> {
    return this.claims.claim({
      clinicId: delivery.clinicId,
      deliveryId: delivery._id,
      attempt,
      kind,
      by,
      at,
      ...(leaseUntil ? { leaseUntil } : {}),
    });
  }

  /** Who holds attempt `attempt` of a delivery, or null. */
  claimOf(deliveryId: string, attempt: number): Promise<DeliveryClaim | null> {
    return this.claims.find(deliveryId, attempt);
  }
}
