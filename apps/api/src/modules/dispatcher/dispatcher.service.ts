import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NO_ANSWER, type SendOutcome } from '@clinicflow/channels';
import { ProviderBreaker } from './provider-breaker';
import { isProviderFailure } from './provider-failure';
import { sendingRateOf } from '@clinicflow/contract';
import type { Channel } from '@clinicflow/rules';
import { ClockRepository } from '../../common/clock.repository';
import type { Env } from '../../config/env';
import type { ClaimKind } from '../deliveries/delivery-claim.repository';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import type { DeliveryQueueEntry } from '../deliveries/delivery-queue.repository';
import { DeliveryQueueService } from '../deliveries/delivery-queue.service';
import { DeliveryService } from '../deliveries/delivery.service';
import { DeliveryStatusService } from '../deliveries/delivery-status.service';
import type { PatientDocument } from '../directory/directory.repository';
import { PatientService } from '../directory/patient.service';
import { CreditsService, type CreditDebit } from '../settings/credits.service';
import { ProviderSettingsError } from '../settings/provider-settings';
import type { SettingsDocument } from '../settings/settings.repository';
import { SettingsService } from '../settings/settings.service';
import type { TemplateDocument } from '../templates/template.repository';
import { AdminAlertService } from './admin-alert.service';
import { CreditsNoticeService } from './credits-notice.service';
import { DeliveryOutcomeService } from './delivery-outcome.service';
import { DeliveryRendererService } from './delivery-renderer.service';
import { lastChecks } from './last-checks';
import { PROCESS_ID } from './process-id';
import { ProviderRateService } from './provider-rate.service';
import { slotStillOpen } from './provider-rate-slots';
import { ProviderRegistry, type ClinicProvider } from './provider-registry.service';
import { recipientAddress } from './recipient-address';
import { inRandomOrder, ScanOffset } from './scan-offset';
import { SendPool } from './send-pool';
import { emptyDispatchReport, type DispatchReport } from './dispatch-report';
import { loadOnce } from '../../common/concurrently';
import { loggedError } from '../../common/logged-error';

/** Queue scans one tick may make before handing back (the next tick goes on). */
const MAX_SCANS_PER_TICK = 20;
/** A rate slot this close is waited for in the pool; a later one sends the message back to the queue. */
const RATE_WAIT_IN_PLACE_MS = 1000;
/** The share of the pool one clinic may hold, so that other clinics always find room. */
const CLINIC_SHARE = 0.75;
/** How long a due delivery found in another process's hands is stepped over before its claim is read again. */
const HELD_RECHECK_MS = 2000;
/** How long a pass that may take no more waits for its own sends before handing back to the engine. */
const HAND_BACK_AFTER_MS = 1000;
/** A queue entry without its delivery is removed only once this old (planning inserts the delivery first). */
const ORPHAN_AGE_MS = 60_000;

interface Batch {
  settings: Map<string, Promise<SettingsDocument | null>>;
  templates: Map<string, Promise<TemplateDocument | null>>;
  report: DispatchReport;
  /** Due deliveries found in another process's hands during this pass. */
  held: Set<string>;
}

/**
 * Sends due deliveries (docs/engine.md): scans `delivery_queue`, reads the deliveries by `_id`, wins each by
 * its claim `<id>#<attempt + 1>`, applies the last checks, renders, sends through the clinic's provider with
 * the delivery `_id` as idempotency key, and records the outcome as soon as the provider answers. A claim
 * whose lease ran out (its process died) is recovered: the provider is asked first where it can be.
 */
@Injectable()
export class DispatcherService {
  private readonly logger = new Logger(DispatcherService.name);
  private readonly batchSize: number;
  private readonly pool: SendPool;
  private readonly leaseMs: number;
  /**
   * Due deliveries another process is sending, with when to look at them again: a send leaves its queue entry
   * due, so the scans step over these instead of losing their claims again. Until the end of the lease read
   * from the claim, but at most `HELD_RECHECK_MS`: most sends end within it, their entries gone, and each one
   * remembered widens every scan by one entry.
   */
  private readonly heldElsewhere = new Map<string, number>();
  /** Each clinic's provider of a channel, paused while it fails everything (this process's view). */
  private readonly breaker = new ProviderBreaker();
  private readonly scanOffset: ScanOffset;

  constructor(
    config: ConfigService<Env, true>,
    private readonly clock: ClockRepository,
    private readonly queue: DeliveryQueueService,
    private readonly deliveries: DeliveryService,
    private readonly status: DeliveryStatusService,
    private readonly settings: SettingsService,
    private readonly patients: PatientService,
    private readonly registry: ProviderRegistry,
    private readonly renderer: DeliveryRendererService,
    private readonly credits: CreditsService,
    private readonly creditsNotice: CreditsNoticeService,
    private readonly outcomes: DeliveryOutcomeService,
    private readonly alerts: AdminAlertService,
    private readonly rates: ProviderRateService,
  ) {
    this.batchSize = config.get('DISPATCH_BATCH_SIZE', { infer: true });
    this.pool = new SendPool(config.get('DISPATCH_CONCURRENCY', { infer: true }));
    this.leaseMs = config.get('DISPATCH_LEASE_SECONDS', { infer: true }) * 1000;
    this.scanOffset = new ScanOffset(this.batchSize);
  }

  /**
   * Dispatches what is due now. The sends run in a pool of `DISPATCH_CONCURRENCY` that refills as they finish
   * (a slow send holds its own place, not its batch's), scanning the queue again whenever a quarter of the pool
   * (what a clinic at its share leaves to the others) is free, until the queue has nothing due this process may
   * take, or the pass has scanned enough. One clinic holds at most `CLINIC_SHARE` of the pool, so a clinic
   * whose provider hangs leaves room for the others. A pass waits for its own sends, except when none of them
   * has started for `HAND_BACK_AFTER_MS` and due messages are left that it may not take (scans spent, pool
   * full), or, with `handBack` (the engine's ticks), whatever is left: then it hands back, its sends stay in the
   * pool, and the engine's next tick (timers, events, scans) goes on. Without `handBack` a pass that took all
   * that was due reports every outcome. The writes and reads of the sends in flight go to the database
   * together (database/coalesced.ts).
   */
  async dispatchDue({ handBack = false }: { handBack?: boolean } = {}): Promise<DispatchReport> {
    const report = emptyDispatchReport();
    const pool = this.pool;
    const held = new Set<string>();
    const mine = new Set<Promise<void>>();
    const clinicCap = Math.max(1, Math.ceil(pool.capacity * CLINIC_SHARE));
    // The queue is read again once half the pool is free, or as soon as the room a clinic at its share leaves
    // for the others is free (a clinic whose sends hang must not keep the others waiting for half the pool).
    const refillAt = Math.max(1, Math.min(Math.ceil(pool.capacity / 2), pool.capacity - clinicCap));
    let scans = 0;
    let drained = false;
    let lastStart = Date.now();
    for (;;) {
      if (!drained && scans < MAX_SCANS_PER_TICK && pool.free >= refillAt) {
        scans++;
        const now = this.clock.now();
        // Settings and templates are read once per scan: a change reaches the next scan's sends.
        const batch: Batch = { settings: new Map(), templates: new Map(), report, held };
        this.forgetEndedLeases(now);
        // The pool's own sends and the entries held elsewhere are left out by the database. No more is read than
        // the pool can take, unless a clinic is at its share: its entries are then passed over, and a whole
        // batch is read to find the others'.
        const limit = pool.someClinicHolds(clinicCap) ? this.batchSize : Math.min(this.batchSize, pool.free);
        const skip = this.scanOffset.next();
        const due = await this.queue.due(now, {
          limit,
          skip,
          leaveOut: [...pool.deliveryIds(), ...this.heldElsewhere.keys()],
          fromTheEnd: this.scanOffset.fromTheEnd,
        });
        // Processes reading the queue at once see the same earliest entries: each works through them in its
        // own random order, so they mostly claim different ones instead of racing for the same. (Filtered again
        // although the scan left them out: a direct `dispatchDue()` beside an engine tick is a second pass, which
        // may have taken some while this scan was at the database.)
        const fresh = inRandomOrder(
          due.filter((entry) => !pool.has(entry._id) && !this.heldElsewhere.has(entry._id)),
        );
        // Held as last seen (until its recheck, 2 s at most): the engine then waits for its next tick.
        for (const deliveryId of this.heldElsewhere.keys()) held.add(deliveryId);
        const taken: DeliveryQueueEntry[] = [];
        for (const entry of fresh) {
          if (pool.free === 0) break;
          if (pool.heldBy(entry.clinicId) >= clinicCap) continue;
          pool.reserve(entry._id, entry.clinicId);
          taken.push(entry);
        }
        // Nothing due that is not in hand, or all of it taken: the next tick goes on (a clinic at its share waits
        // for its sends in flight to finish, then the queue is read again). Only a scan from its start (either
        // end) can tell: one that skipped ahead and passed the end of what is due may have left entries before
        // the skipped ones, so the start is read at once (a pass ending there, nothing taken, would tell the
        // engine that the queue had nothing for it). Nothing left due at all: the next burst is read earliest
        // first again.
        const passedTheEnd = skip > 0 && due.length < limit;
        if (passedTheEnd) this.scanOffset.passedTheEnd();
        else if (
          skip === 0 &&
          (fresh.length === 0 || (due.length < limit && taken.length === fresh.length))
        ) {
          drained = true;
          if (due.length === 0) this.scanOffset.drained();
        }
        if (taken.length > 0) lastStart = Date.now();
        for (const entry of taken) {
          const work = pool.run(entry._id, () =>
            this.deliveries
              .findAny(entry._id)
              .then((delivery) => this.dispatchEntry(entry, delivery ?? undefined, batch))
              .catch((error: unknown) =>
                this.logger.error(`Dispatching delivery ${entry._id} failed: ${loggedError(error)}`),
              ),
          );
          mine.add(work);
          void work.finally(() => mine.delete(work));
        }
        if (passedTheEnd) continue;
      }
      if (mine.size === 0) break;
      if (drained && !handBack) {
        await Promise.race(mine);
        continue;
      }
      // Sends of its own that run long, before due messages it may not take yet or the engine's next tick: hand back.
      const waited = Date.now() - lastStart;
      if (waited >= HAND_BACK_AFTER_MS) break;
      await Promise.race([...mine, delay(HAND_BACK_AFTER_MS - waited)]);
    }
    report.held = held.size;
    return report;
  }

  /** Sends of this process still in flight (passes hand back while slow sends go on). */
  get sending(): number {
    return this.pool.size;
  }

  /** Resolves when one of the sends in flight ends (at once when none is). */
  oneSendEnded(): Promise<void> {
    return this.pool.oneEnded();
  }

  /** Waits for every send in flight to end; whether there were any. */
  settle(): Promise<boolean> {
    return this.pool.settle();
  }

  private async dispatchEntry(
    entry: DeliveryQueueEntry,
    delivery: DeliveryDocument | undefined,
    batch: Batch,
    takeOver: 'send' | 'recover' | null = null,
  ): Promise<void> {
    const now = this.clock.now();
    if (!delivery) {
      if (now.getTime() - new Date(entry.dueAt).getTime() > ORPHAN_AGE_MS) await this.queue.drop(entry._id);
      return;
    }
    // The entry was read just before an attempt's outcome moved it past its backoff, the delivery just after:
    // that entry is not the retry's (due later, `retrying` is written at the outcome's time), so nothing goes now.
    if (!takeOver && delivery.status === 'retrying' && new Date(delivery.updatedAt) >= new Date(entry.dueAt))
      return;
    let kind: ClaimKind;
    if (takeOver) kind = takeOver;
    else if (delivery.status === 'scheduled' || delivery.status === 'retrying') kind = 'send';
    else if (delivery.status === 'sending') {
      // Written so by a process of the earlier protocol (the delivery itself carried the lease): it holds it
      // until its lease ends.
      if (delivery.leaseUntil && new Date(delivery.leaseUntil).getTime() > now.getTime()) return;
      kind = 'recover';
    } else {
      // Already done (its queue entry outlived it): nothing to send.
      await this.queue.drop(entry._id);
      return;
    }
    const attempt = delivery.attempt + 1;
    const leaseUntil = new Date(now.getTime() + this.leaseMs);
    const won = await this.queue.claim(delivery, attempt, kind, PROCESS_ID, now, leaseUntil);
    this.scanOffset.claimed(won);
    if (!won) {
      // The claimant stopped (its lease ended, the delivery never moved on): the next attempt is ours to win.
      // (A recovery whose process stopped in turn is taken over the same way, one attempt further.)
      const abandoned = await this.abandoned(delivery, attempt, now);
      if (abandoned && 'as' in abandoned)
        return this.dispatchEntry(entry, { ...abandoned.delivery, attempt }, batch, abandoned.as);
      if (abandoned) {
        this.heldElsewhere.set(delivery._id, Math.min(abandoned.leaseEnd, now.getTime() + HELD_RECHECK_MS));
        batch.held.add(delivery._id);
      } else batch.report.lost++;
      return;
    }
    // The delivery is not written here: the claim carries the lease (the queue entry stays due), and the
    // outcome writes the `sending` change with its own (DeliveryStatusService.startSending).
    const sending = await this.status.startSending(delivery, {
      attempt,
      leaseUntil,
      at: now,
      by: PROCESS_ID,
      reason: kind === 'recover' ? 'taken over after the process sending it stopped' : null,
    });
    if (kind === 'recover') batch.report.recovered++;
    // A send that takes long (a slow provider, a busy database) keeps its lease: renewed every half lease
    // while it runs, so no other process takes a live send over and sends it twice.
    const renewal = setInterval(() => {
      const until = new Date(this.clock.now().getTime() + this.leaseMs);
      this.queue
        .renewLease(delivery._id, attempt, until)
        .catch((error: unknown) =>
          this.logger.warn(`The lease of delivery ${delivery._id} was not renewed: ${loggedError(error)}`),
        );
    }, this.leaseMs / 2);
    try {
      await this.send(sending, kind === 'recover', batch, entry.rateSlotAt ?? null);
    } finally {
      clearInterval(renewal);
    }
  }

  /**
   * When attempt `attempt`'s claimant stopped: its lease ended (`leaseUntil`, or `at` + the lease for a claim
   * without one) and the delivery never moved on from it. A send or a recovery may have handed the message
   * over before stopping, so it is taken over as a recovery (the provider is asked first); a cancel that
   * stopped before writing sent nothing, so the message is sent. The end of its lease while the claimant may
   * still be at work; null when the attempt is done (or gone).
   */
  private async abandoned(
    delivery: DeliveryDocument,
    attempt: number,
    now: Date,
  ): Promise<{ delivery: DeliveryDocument; as: 'send' | 'recover' } | { leaseEnd: number } | null> {
    const claim = await this.queue.claimOf(delivery._id, attempt);
    if (!claim) return null;
    const leaseEnd = claim.leaseUntil
      ? new Date(claim.leaseUntil).getTime()
      : new Date(claim.at).getTime() + this.leaseMs;
    if (leaseEnd > now.getTime()) return { leaseEnd };
    const current = await this.deliveries.findAny(delivery._id);
    // (`sending`: written by a process of the earlier protocol, whose lease ended too.)
    const untouched =
      current &&
      current.attempt < attempt &&
      (current.status === 'scheduled' || current.status === 'retrying' || current.status === 'sending');
    if (!untouched) return null;
    return { delivery: current, as: claim.kind === 'cancel' ? 'send' : 'recover' };
  }

  /** Sends a delivery whose attempt this process owns. */
  private async send(
    delivery: DeliveryDocument,
    recovering: boolean,
    batch: Batch,
    rateSlotAt: Date | null,
  ): Promise<void> {
    const { report, templates } = batch;
    const settings = await this.settingsOf(delivery.clinicId, batch);
    if (!settings) return this.outcomes.fail(delivery, 'no-clinic', 'The clinic no longer exists.', report);
    let clinicProvider: ClinicProvider;
    try {
      clinicProvider = await this.registry.forChannel(settings, delivery.channel);
    } catch (error) {
      const reason =
        error instanceof ProviderSettingsError
          ? error.message
          : `The ${delivery.channel} provider could not be set up: ${(error as Error).message}`;
      return this.outcomes.fail(delivery, 'provider-settings', reason, report);
    }
    let inDoubt = delivery.inDoubt;
    // The process that died may have handed it over already, and a request that got no answer may have been
    // taken: ask before sending again, or send it in doubt where the provider cannot be asked.
    if (recovering || delivery.error?.code === NO_ANSWER) {
      if (clinicProvider.canLookupByKey && clinicProvider.provider.lookup) {
        const known = await clinicProvider.provider.lookup({ idempotencyKey: delivery._id });
        if (known) return this.outcomes.sentBefore(delivery, clinicProvider, known, report);
      } else {
        inDoubt = true;
      }
    }
    const now = this.clock.now();
    const patient = await this.patientOf(delivery);
    const check = lastChecks(delivery, settings, patient, now);
    if (check) return this.outcomes.checked(delivery, check, report);
    const to = recipientAddress(delivery, settings.country);
    if (!to.ok) {
      const invalid = {
        outcome: 'skipped',
        code: 'invalid-address',
        reason: to.reason,
        why: to.why,
      } as const;
      return this.outcomes.checked(delivery, invalid, report);
    }
    const rendered = await this.renderer.render(
      delivery,
      settings,
      now,
      templates,
      to.address,
      patient?.whatsappMessageAt ?? null,
    );
    if (!rendered.ok) return this.outcomes.fail(delivery, rendered.code, rendered.reason, report);
    const segments = rendered.composed.sms?.segments ?? null;
    // A provider failing everything is left alone a while: its messages wait, they do not fail (issue 22).
    const providerKey = `${delivery.clinicId}:${delivery.channel}`;
    const gate = this.breaker.check(providerKey, now);
    if (!gate.go) return this.outcomes.waitForProvider(delivery, gate, report, inDoubt);
    const rate = sendingRate(settings, delivery.channel, clinicProvider.kind);
    if (rate !== null && !(rateSlotAt && slotStillOpen(new Date(rateSlotAt), now))) {
      const [slot] = await this.rates.reserve(delivery.clinicId, delivery.channel, rate, 1, now);
      const wait = slot.at.getTime() - now.getTime();
      if (!slot.granted || wait > RATE_WAIT_IN_PLACE_MS) {
        return this.outcomes.waitForRate(delivery, slot, rate, report, inDoubt);
      }
      // A slot within the second: waited for here (its lease renewed meanwhile), not through the queue.
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    let debit: CreditDebit = { ok: false };
    if (delivery.channel === 'sms' && !settings.testMode) {
      // Test mode sends nothing (C8), so it costs nothing.
      debit = await this.credits.debit(
        delivery.clinicId,
        delivery.resourceId,
        rendered.composed.sms?.credits ?? 1,
        { deliveryId: delivery._id, attempt: delivery.attempt },
        settings,
      );
      if (!debit.ok) {
        await this.outcomes.fail(delivery, 'credits-exhausted', 'credits exhausted', report, {
          text: rendered.message.text,
          from: rendered.message.from ?? null,
          segments,
        });
        await this.creditsNotice.notifyExhausted(settings, now);
        return;
      }
    }
    let outcome: SendOutcome;
    try {
      outcome = await clinicProvider.provider.send(rendered.message, delivery._id);
    } catch (error) {
      // A call that threw may have handed the message over (the sandbox's store kept it and lost the database's
      // answer; a request left before its connection broke): no answer, so the next attempt asks the provider
      // first or is marked in doubt. Chaos found the sandbox called twice, not in doubt, as a plain refusal.
      outcome = {
        accepted: false,
        kind: 'retryable',
        code: NO_ANSWER,
        reason: `The provider did not answer properly (${(error as Error).message}).`,
      };
    }
    this.breaker.answered(providerKey, isProviderFailure(outcome), this.clock.now());
    if (!outcome.accepted) await this.credits.refund(delivery.clinicId, debit);
    else await this.alerts.creditsTaken(settings, debit, now);
    await this.outcomes.answered(delivery, clinicProvider, outcome, rendered, report, {
      inDoubt,
      credits: debit.ok ? debit.credits : delivery.channel === 'sms' ? 0 : null,
      segments,
    });
  }

  /** Deliveries held elsewhere are looked at again in time: their claimant finished, renewed its lease, or stopped. */
  private forgetEndedLeases(now: Date): void {
    for (const [deliveryId, leaseEnd] of this.heldElsewhere) {
      if (leaseEnd <= now.getTime()) this.heldElsewhere.delete(deliveryId);
    }
  }

  private settingsOf(clinicId: string, batch: Batch): Promise<SettingsDocument | null> {
    return loadOnce(batch.settings, clinicId, () => this.settings.find(clinicId));
  }

  private patientOf(delivery: DeliveryDocument): Promise<PatientDocument | null> {
    if (delivery.recipient.type !== 'patient' || !delivery.patientId) return Promise.resolve(null);
    return this.patients.findInBatch(delivery.clinicId, delivery.patientId);
  }
}

/** The rate of the provider a channel's messages go through (the sandbox's in test mode): null, no limit. */
function sendingRate(settings: SettingsDocument, channel: Channel, kind: string): number | null {
  const stored = settings.providers[channel];
  return sendingRateOf(stored && stored.kind === kind ? stored : { kind });
}

/** A pause that does not keep the process alive (a pass that ends sooner leaves it behind). */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
