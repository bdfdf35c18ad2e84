import { Injectable, Logger } from '@nestjs/common';
import { DAILY_TRIGGER_EVENT, dueDailyFiring } from '@clinicflow/rules';
import { externalDocumentId } from '../../common/ids';
import type { DailyEventPayload, EventDocument } from '../events/event.repository';
import { EventService } from '../events/event.service';
import { FlowService } from '../flows/flow.service';
import { SettingsService } from '../settings/settings.service';
import { EventEngineService } from './event-engine.service';
import { RunFlowsService } from './run-flows.service';
import { loggedError } from '../../common/logged-error';

/** A clinic's daily time (F10): the flows that fire at it start on one event per clinic-local day. */
interface DailySchedule {
  clinicId: string;
  timeZone: string;
  dailyAt: string;
  /** The earliest publication of a flow firing at this time: a moment before it does not fire. */
  since: number;
}

/** How often the daily flows of every clinic are looked up again (the engine's one look across clinics). */
const RELOAD_MS = 60_000;

/**
 * The time trigger "every day at HH:mm" (F10, docs/engine.md "Daily triggers"). Each tick looks for the clinics'
 * daily times whose moment has come today (clinic-local, luxon: right across daylight-saving changes) and fires
 * each by recording an internal `schedule.daily` event whose id names the clinic, the day and the time: the
 * insert decides which process fires it, so it fires once per day and clinic however many processes tick. The
 * event then goes the way of every event (outbox, runs with deterministic ids, the sweep after a crash).
 */
@Injectable()
export class DailyTriggerService {
  private readonly logger = new Logger(DailyTriggerService.name);
  private loaded: { at: number; schedules: DailySchedule[] } | null = null;
  /** Firings this process recorded or found recorded (clinic|day|time → day), so it tries each once. */
  private readonly tried = new Map<string, string>();

  constructor(
    private readonly flows: FlowService,
    private readonly runFlows: RunFlowsService,
    private readonly settings: SettingsService,
    private readonly events: EventService,
    private readonly engine: EventEngineService,
  ) {}

  /** Fires the daily times whose moment has come: answers how many this process fired. */
  async fireDue(now: Date): Promise<number> {
    let fired = 0;
    for (const schedule of await this.schedules(now)) {
      const due = dueDailyFiring(now.getTime(), schedule.dailyAt, schedule.timeZone);
      // A flow published after today's moment waits for tomorrow's (it would fire at once otherwise).
      if (!due || due.at < schedule.since) continue;
      const key = `${schedule.clinicId}|${due.day}|${schedule.dailyAt}`;
      if (this.tried.has(key)) continue;
      let eventId: string | null;
      try {
        eventId = await this.record(schedule, due.day, new Date(due.at), now);
      } catch (error) {
        // Not recorded (the database did not answer): the next tick tries again.
        this.logger.error(`A daily time of clinic ${schedule.clinicId} did not fire: ${loggedError(error)}`);
        continue;
      }
      this.tried.set(key, due.day);
      if (!eventId) continue;
      fired++;
      try {
        await this.engine.process(schedule.clinicId, eventId);
      } catch (error) {
        // Left in the events' outbox: the sweep processes it.
        this.logger.error(`Daily event ${eventId} not yet turned into runs: ${loggedError(error)}`);
      }
    }
    return fired;
  }

  /**
   * Records the firing: the event's id is derived from the clinic, the day and the time, so only one process
   * stores it (the others get a duplicate); answers its `_id` when this call stored it.
   */
  private async record(schedule: DailySchedule, day: string, at: Date, now: Date): Promise<string | null> {
    const eventId = `internal:daily:${day}:${schedule.dailyAt}`;
    const _id = externalDocumentId('evt', schedule.clinicId, eventId);
    const payload: DailyEventPayload = {
      id: eventId,
      type: DAILY_TRIGGER_EVENT,
      occurredAt: at.toISOString(),
      day,
      dailyAt: schedule.dailyAt,
    };
    const event: Omit<EventDocument, 'clinicId'> = {
      _id,
      eventId,
      type: DAILY_TRIGGER_EVENT,
      occurredAt: at,
      receivedAt: now,
      payload,
      appointmentId: null,
      patientId: null,
      resourceId: null,
      engine: { status: 'pending', applied: true },
    };
    return (await this.events.record(schedule.clinicId, event)) === 'recorded' ? _id : null;
  }

  /** The daily times of every clinic, looked up again once a minute (or when the clock went back). */
  private async schedules(now: Date): Promise<DailySchedule[]> {
    const at = now.getTime();
    if (this.loaded && at - this.loaded.at < RELOAD_MS && at >= this.loaded.at) return this.loaded.schedules;
    const byTime = new Map<string, DailySchedule>();
    for (const stored of await this.flows.withDailyTrigger()) {
      const flow = await this.runFlows.version(stored.clinicId, stored._id, stored.latestVersion!);
      const dailyAt = flow?.trigger.data.dailyAt;
      if (!flow || !dailyAt || !flow.trigger.data.events.includes(DAILY_TRIGGER_EVENT)) continue;
      const settings = await this.settings.find(stored.clinicId);
      if (!settings) continue;
      const key = `${stored.clinicId}|${dailyAt}`;
      const since = Math.min(byTime.get(key)?.since ?? Infinity, flow.publishedAt.getTime());
      byTime.set(key, { clinicId: stored.clinicId, timeZone: settings.timeZone, dailyAt, since });
    }
    this.loaded = { at, schedules: [...byTime.values()] };
    this.forgetOldFirings(now);
    return this.loaded.schedules;
  }

  /** Keeps the firings tried today and yesterday (in any zone), forgets older ones. */
  private forgetOldFirings(now: Date): void {
    const yesterday = new Date(now.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
    for (const [key, day] of this.tried) if (day < yesterday) this.tried.delete(key);
  }
}
