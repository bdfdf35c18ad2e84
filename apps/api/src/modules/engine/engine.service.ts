import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ClockRepository } from '../../common/clock.repository';
import { DueWork } from '../../common/due-work';
import type { Env } from '../../config/env';
import { runsEngine } from '../../config/process-role';
import { DeliveryQueueService } from '../deliveries/delivery-queue.service';
import { AdminAlertService } from '../dispatcher/admin-alert.service';
import { DeliveryStatusRefreshService } from '../dispatcher/delivery-status-refresh.service';
import type { DispatchReport } from '../dispatcher/dispatch-report';
import { DispatcherService } from '../dispatcher/dispatcher.service';
import { EventIntakeService } from '../intake/event-intake.service';
import { DailyTriggerService } from '../runs/daily-trigger.service';
import { RunTimerService } from '../runs/run-timer.service';
import { WebhookSenderService } from '../webhooks/webhook-sender.service';
import { loggedError, errorSummary } from '../../common/logged-error';

/** What one tick did. */
export interface TickReport {
  eventsSwept: number;
  /** Daily triggers this process fired (F10). */
  dailyFired: number;
  timersFired: number;
  dispatch: DispatchReport;
  /** Whether this tick started a status refresh at the providers (it runs beside the ticks). */
  statusRefreshStarted: boolean;
  /** Webhook attempts this process made (docs/integrations.md). */
  webhooksSent: number;
  /** Deliveries the consistency sweep gave their lost queue entry back (`DeliveryQueueService.repair`). */
  queueRepaired: number;
}

const TIMEOUT_NAME = 'engine-tick';
/** Status refresh at providers (S2) at most this often. */
const REFRESH_EVERY_MS = 60_000;
/**
 * The queue's consistency sweep (every `QUEUE_REPAIR_EVERY_SECONDS`) looks over the deliveries changed in the last
 * day (the first sweep of a process: all of them, for what a process stopped long ago left).
 */
const REPAIR_WINDOW_MS = 24 * 3_600_000;

/**
 * The engine's heartbeat (not in a web process, `CLINICFLOW_ROLE`): events left behind by a crash, the daily triggers whose time has come, due run timers, due deliveries, and now and then a
 * status refresh. With ENGINE_ENABLED it ticks every ENGINE_TICK_MS, sooner when something is due sooner
 * (the earliest queue entry or timer, or a `wake()`), at once again while work is left over. Ticks of one
 * process never overlap; several processes tick side by side (claims decide who does what).
 */
@Injectable()
export class EngineService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EngineService.name);
  private readonly enabled: boolean;
  private readonly tickMs: number;
  private readonly repairEveryMs: number;
  private running: Promise<TickReport> | null = null;
  private stopped = false;
  private wakeRequested = false;
  private wakeOnSendEnd = false;
  private lastRefreshAt = 0;
  private lastRepairAt: number | null = null;
  private refreshing: Promise<unknown> | null = null;
  private stopListening: (() => void) | null = null;

  constructor(
    config: ConfigService<Env, true>,
    private readonly clock: ClockRepository,
    private readonly scheduler: SchedulerRegistry,
    private readonly intake: EventIntakeService,
    private readonly timers: RunTimerService,
    private readonly daily: DailyTriggerService,
    private readonly dispatcher: DispatcherService,
    private readonly queue: DeliveryQueueService,
    private readonly refresher: DeliveryStatusRefreshService,
    private readonly dueWork: DueWork,
    private readonly webhooks: WebhookSenderService,
    private readonly alerts: AdminAlertService,
  ) {
    this.enabled = runsEngine(config);
    this.tickMs = config.get('ENGINE_TICK_MS', { infer: true });
    this.repairEveryMs = config.get('QUEUE_REPAIR_EVERY_SECONDS', { infer: true }) * 1000;
  }

  onApplicationBootstrap() {
    if (!this.enabled) return;
    // A message planned to go now is sent at once, not at the next tick.
    this.stopListening = this.dueWork.subscribe((at) => {
      if (at.getTime() <= this.clock.now().getTime()) this.wake();
    });
    this.schedule(0);
  }

  async onModuleDestroy() {
    this.stopped = true;
    this.stopListening?.();
    this.clearTimeout();
    if (this.running || this.dispatcher.sending > 0)
      this.logger.log(
        `Stopping: the tick in progress and ${this.dispatcher.sending} send(s) in flight end first`,
      );
    await this.running?.catch(() => undefined);
    // A pass may have handed back while sends of its own went on: they end (or time out) before the close.
    await this.dispatcher.settle();
    await this.refreshing;
  }

  /** One tick; a call while a tick runs waits for that one (ticks never overlap). */
  tick(): Promise<TickReport> {
    this.running ??= this.runTick().finally(() => (this.running = null));
    return this.running;
  }

  /** Ticks until a tick finds nothing to do (tests: everything due at the clock's "now" is done). */
  async drain(maxTicks = 50): Promise<TickReport[]> {
    const reports: TickReport[] = [];
    for (let n = 0; n < maxTicks; n++) {
      const report = await this.tick();
      reports.push(report);
      // Sends a pass left in flight may make more work (a retry, a next step): wait for them, then tick again.
      if (!didWork(report) && !(await this.dispatcher.settle())) break;
    }
    return reports;
  }

  /** Something became due (sooner than the next tick): tick as soon as possible. */
  wake(): void {
    if (!this.enabled || this.stopped) return;
    if (this.running) this.wakeRequested = true;
    else this.schedule(0);
  }

  private async runTick(): Promise<TickReport> {
    const now = this.clock.now();
    const swept = await this.intake.sweepPending(now);
    for (const clinicId of new Set(swept.setAside)) await this.alerts.eventsSetAside(clinicId, now);
    const eventsSwept = swept.processed;
    const dailyFired = await this.daily.fireDue(now);
    const timersFired = await this.timers.fireDue(now);
    // A send that hangs (a provider that never answers, until its 10 s timeout) is left to finish in the pool:
    // the next tick's timers and events do not wait for it.
    const dispatch = await this.dispatcher.dispatchDue({ handBack: true });
    // Asking providers can be slow (a lookup waits for its answer): it runs beside the ticks, one at a time,
    // so that it never holds up a send.
    const statusRefreshStarted = !this.refreshing && now.getTime() - this.lastRefreshAt >= REFRESH_EVERY_MS;
    if (statusRefreshStarted) {
      this.lastRefreshAt = now.getTime();
      this.refreshing = this.refresher
        .refresh(now)
        .catch((error: unknown) => this.logger.warn(`Status refresh failed: ${errorSummary(error)}`))
        .finally(() => (this.refreshing = null));
    }
    const webhooksSent = await this.webhooks.sendDue(now);
    const queueRepaired = await this.repairQueue(now);
    return {
      eventsSwept,
      dailyFired,
      timersFired,
      dispatch,
      statusRefreshStarted,
      webhooksSent,
      queueRepaired,
    };
  }

  /** The queue's consistency sweep, when its time has come; answers how many deliveries it repaired. */
  private async repairQueue(now: Date): Promise<number> {
    if (this.lastRepairAt !== null && now.getTime() - this.lastRepairAt < this.repairEveryMs) return 0;
    const from = this.lastRepairAt === null ? null : new Date(now.getTime() - REPAIR_WINDOW_MS);
    this.lastRepairAt = now.getTime();
    try {
      const repaired = await this.queue.repair(from, now);
      if (repaired > 0)
        this.logger.warn(`Queue sweep: ${repaired} deliveries had lost their queue entry; given back`);
      return repaired;
    } catch (error) {
      this.logger.warn(`Queue sweep failed: ${errorSummary(error)}`);
      return 0;
    }
  }

  private async loop(): Promise<void> {
    let delay = this.tickMs;
    try {
      const report = await this.tick();
      delay = didWork(report) || this.wakeRequested ? 0 : await this.untilNextDue(report);
      // Sends still in flight hold their queue entries due: an engine about to wait ticks again when one ends.
      if (delay > 0 && this.dispatcher.sending > 0 && !this.wakeOnSendEnd) {
        this.wakeOnSendEnd = true;
        void this.dispatcher.oneSendEnded().then(() => {
          this.wakeOnSendEnd = false;
          this.wake();
        });
      }
    } catch (error) {
      this.logger.error(`Engine tick failed: ${loggedError(error)}`);
    }
    this.wakeRequested = false;
    if (!this.stopped) this.schedule(delay);
  }

  /**
   * Milliseconds until the earliest queue entry or timer, at most one tick. While a process is sending due
   * messages (their entries stay due), the queue's earliest entry may be one of theirs: the next tick looks
   * again (this process's own sends wake it when one ends).
   */
  private async untilNextDue(report: TickReport): Promise<number> {
    const [entry, timerAt] = await Promise.all([
      report.dispatch.held > 0 || this.dispatcher.sending > 0 ? null : this.queue.next(),
      this.timers.nextDueAt(),
    ]);
    const now = this.clock.now().getTime();
    const soonest = Math.min(
      entry ? new Date(entry.dueAt).getTime() : Infinity,
      timerAt ? new Date(timerAt).getTime() : Infinity,
    );
    return Math.max(0, Math.min(this.tickMs, soonest - now));
  }

  private schedule(ms: number): void {
    this.clearTimeout();
    const handle = setTimeout(() => {
      this.scheduler.deleteTimeout(TIMEOUT_NAME);
      void this.loop();
    }, ms);
    this.scheduler.addTimeout(TIMEOUT_NAME, handle);
  }

  private clearTimeout(): void {
    if (this.scheduler.doesExist('timeout', TIMEOUT_NAME)) this.scheduler.deleteTimeout(TIMEOUT_NAME);
  }
}

/**
 * Whether a tick did work, so that the loop ticks again at once: claims lost to another process and entries it
 * holds are not work (the loop would spin while the other sends them).
 */
export function didWork(report: TickReport): boolean {
  const { dispatch } = report;
  const dispatched =
    dispatch.sent +
    dispatch.failed +
    dispatch.retrying +
    dispatch.skipped +
    dispatch.expired +
    dispatch.later;
  return (
    report.queueRepaired +
      report.eventsSwept +
      report.dailyFired +
      report.timersFired +
      dispatched +
      dispatch.recovered +
      report.webhooksSent >
    0
  );
}
