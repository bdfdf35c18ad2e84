import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DEFAULT_RETENTION } from '@clinicflow/contract';
import { runsEngine } from '../../config/process-role';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { clinicDay } from '../../common/clinic-day';
import { ClockRepository } from '../../common/clock.repository';
import type { Env } from '../../config/env';
import { AuditService } from '../audit/audit.service';
import { DeliveryPrivacyService } from '../deliveries/delivery-privacy.service';
import { Hl7SettingsService } from '../hl7/hl7-settings.service';
import { WebhookEndpointsService } from '../webhooks/webhook-endpoints.service';
import { SandboxPrivacyService } from '../dispatcher/sandbox-privacy.service';
import { ReplyPrivacyService } from '../replies/reply-privacy.service';
import { SettingsService } from '../settings/settings.service';
import { errorSummary } from '../../common/logged-error';

/** What the retention did for one clinic on one day. */
export interface RetentionReport {
  clinicId: string;
  day: string;
  cutoff: Date;
  deliveries: number;
  replies: number;
  sandboxMessages: number;
  hl7Messages: number;
  webhookMessages: number;
}

const INTERVAL_NAME = 'privacy-retention';
/** How often a process looks for clinics whose day's retention is still to do (once a day each). */
const CHECK_EVERY_MS = 60 * 60_000;
const SYSTEM = { kind: 'system', id: null, label: 'retention' } as const;
const NO_ORIGIN = { address: null, userAgent: null };

/**
 * The retention (GDPR 5(1)(e); docs/privacy.md): once per clinic-local day, the texts, subjects, recipients'
 * names and addresses of messages older than the clinic's retention, and the texts and senders of older
 * replies, are removed; counts, statuses and dates stay, so the report still adds up. Every API process checks
 * hourly; the first to insert the day's claim (`retention:<clinic>:<day>` in `delivery_claims`) does the work.
 * A process that dies after claiming leaves the day undone: the next day's run covers it, since it removes
 * everything older than the cutoff, and every update skips what is already emptied.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RetentionService.name);
  private readonly enabled: boolean;
  private readonly by = randomUUID();
  private running: Promise<RetentionReport[]> | null = null;

  constructor(
    config: ConfigService<Env, true>,
    private readonly clock: ClockRepository,
    private readonly scheduler: SchedulerRegistry,
    private readonly settings: SettingsService,
    private readonly deliveries: DeliveryPrivacyService,
    private readonly replies: ReplyPrivacyService,
    private readonly sandbox: SandboxPrivacyService,
    private readonly hl7: Hl7SettingsService,
    private readonly webhooks: WebhookEndpointsService,
    private readonly audit: AuditService,
  ) {
    // It runs beside the engine's tick: a process that does not tick (tests, a web-only process) does not.
    this.enabled = runsEngine(config);
  }

  onApplicationBootstrap() {
    if (!this.enabled) return;
    const check = () =>
      void this.runDue().catch((error: unknown) =>
        this.logger.warn(`Retention not applied: ${errorSummary(error)}`),
      );
    this.scheduler.addInterval(INTERVAL_NAME, setInterval(check, CHECK_EVERY_MS));
    check();
  }

  async onModuleDestroy() {
    if (this.scheduler.doesExist('interval', INTERVAL_NAME)) this.scheduler.deleteInterval(INTERVAL_NAME);
    await this.running?.catch(() => undefined);
  }

  /** Applies the retention of every clinic whose day's claim this process wins; answers what it did. */
  runDue(): Promise<RetentionReport[]> {
    this.running ??= this.applyDue().finally(() => (this.running = null));
    return this.running;
  }

  private async applyDue(): Promise<RetentionReport[]> {
    const now = this.clock.now();
    const reports: RetentionReport[] = [];
    for (const clinic of await this.settings.clinics()) {
      if (clinic.disabledAt) continue;
      const day = clinicDay(now, clinic.timeZone);
      if (!(await this.deliveries.claimRetentionDay(clinic.id, day, this.by, now))) continue;
      reports.push(await this.apply(clinic.id, day, now));
    }
    return reports;
  }

  /** Empties the clinic's messages and replies older than its retention. */
  private async apply(clinicId: string, day: string, now: Date): Promise<RetentionReport> {
    const settings = await this.settings.find(clinicId);
    const months = settings?.retention?.months ?? DEFAULT_RETENTION.months;
    const cutoff = DateTime.fromJSDate(now, { zone: settings?.timeZone ?? 'UTC' })
      .minus({ months })
      .toJSDate();
    const messages = await this.deliveries.removeContentBefore(clinicId, cutoff, now);
    const replies = await this.replies.removeContentBefore(clinicId, cutoff, now);
    const sandboxMessages = await this.sandbox.forgetMessages(messages.ids);
    const hl7Messages = await this.hl7.removeContentBefore(clinicId, cutoff);
    const webhookMessages = await this.webhooks.removeMessagesBefore(clinicId, cutoff);
    const report = {
      clinicId,
      day,
      cutoff,
      deliveries: messages.emptied,
      replies,
      sandboxMessages,
      hl7Messages,
      webhookMessages,
    };
    if (messages.emptied + replies + hl7Messages + webhookMessages > 0) {
      await this.audit.recordAs(clinicId, SYSTEM, NO_ORIGIN, {
        action: 'retention.applied',
        details: {
          months,
          deliveries: messages.emptied,
          replies,
          sandboxMessages,
          hl7Messages,
          webhookMessages,
        },
      });
    }
    return report;
  }
}
