import { Injectable, Logger } from '@nestjs/common';
import type { LookupResult, SendOutcome } from '@clinicflow/channels';
import { reasonOf, type Reason, type RunSignal } from '@clinicflow/rules';
import { ClockRepository } from '../../common/clock.repository';
import type { DeliveryDocument } from '../deliveries/delivery.document';
import { DeliveryStatusService } from '../deliveries/delivery-status.service';
import { RunService } from '../runs/run.service';
import { AdminAlertService } from './admin-alert.service';
import type { DispatchReport } from './dispatch-report';
import type { Rendered } from './delivery-renderer.service';
import type { LastCheck } from './last-checks';
import { PROCESS_ID } from './process-id';
import type { ClinicProvider } from './provider-registry.service';
import { attemptOutcome, failuresBefore, pausedRetryGivesUp, retryDeadline } from './retry-policy';
import { loggedError } from '../../common/logged-error';
import { Metrics } from '../../metrics/metrics';

/** The provider label of an outcome decided before any provider was asked. */
const NO_PROVIDER = 'none';

/** What the send adds to the delivery besides its status. */
interface SendFacts {
  inDoubt: boolean;
  credits: number | null;
  segments: number | null;
}

/**
 * Records what became of a send attempt, right after the provider answered (or a last check said no):
 * sent (with the provider's id, linked for receipts), retrying later with backoff, or failed, skipped,
 * expired with the reason. A question (`ask` step) that cannot be delivered tells its run.
 */
@Injectable()
export class DeliveryOutcomeService {
  private readonly logger = new Logger(DeliveryOutcomeService.name);

  constructor(
    private readonly clock: ClockRepository,
    private readonly status: DeliveryStatusService,
    private readonly runs: RunService,
    private readonly alerts: AdminAlertService,
    private readonly metrics: Metrics,
  ) {}

  async answered(
    delivery: DeliveryDocument,
    clinicProvider: ClinicProvider,
    outcome: SendOutcome,
    rendered: Extract<Rendered, { ok: true }>,
    report: DispatchReport,
    facts: SendFacts,
  ): Promise<void> {
    const now = this.clock.now();
    const written = {
      text: hideAccountLink(delivery, rendered.message.text),
      subject: rendered.message.subject ?? null,
      // the sender as the renderer resolved it (step, template or clinic): what the report shows (S4)
      from: rendered.message.from ?? null,
      segments: facts.segments,
      inDoubt: facts.inDoubt,
      ...(rendered.namedAppointments ? { namedAppointments: rendered.namedAppointments } : {}),
    };
    await this.alerts.providerAnswered(delivery, outcome, now);
    const budget = { failures: failuresBefore(delivery) + 1, deadline: retryDeadline(delivery) };
    const next = attemptOutcome(outcome, budget, now);
    const provider = clinicProvider.provider.name;
    if (facts.inDoubt && !delivery.inDoubt) this.metrics.inDoubt.inc({ channel: delivery.channel, provider });
    this.count(delivery, provider, next.status);
    switch (next.status) {
      case 'sent':
        await this.sent(delivery, provider, next.providerMessageId, now, {
          ...written,
          credits: facts.credits,
        });
        this.metrics.lag.observe(
          { channel: delivery.channel },
          Math.max(0, now.getTime() - new Date(delivery.sendAt).getTime()) / 1000,
        );
        report.sent++;
        return;
      case 'retrying':
        await this.status.record(delivery, {
          status: 'retrying',
          at: now,
          by: PROCESS_ID,
          reason: next.reason,
          set: { ...written, error: { code: next.code, reason: next.reason }, leaseUntil: null },
          dueAt: next.dueAt,
        });
        report.retrying++;
        return;
      case 'failed':
        await this.record(delivery, next.code, next.reason, report, written);
    }
  }

  /** After a crash: the provider says it had accepted the message, so it is sent (not sent again). */
  async sentBefore(
    delivery: DeliveryDocument,
    clinicProvider: ClinicProvider,
    known: LookupResult,
    report: DispatchReport,
  ): Promise<void> {
    const now = this.clock.now();
    this.count(delivery, clinicProvider.provider.name, 'recovered');
    await this.sent(delivery, clinicProvider.provider.name, known.providerMessageId, now, {});
    report.sent++;
  }

  /** Failed for good before reaching the provider (no clinic, no provider, no credits, no template). */
  async fail(
    delivery: DeliveryDocument,
    code: string,
    reason: string,
    report: DispatchReport,
    set: Partial<DeliveryDocument> = {},
  ): Promise<void> {
    this.count(delivery, NO_PROVIDER, 'failed');
    await this.record(delivery, code, reason, report, set);
  }

  /** Records a failure for good (a dead letter): the admin is told, a question's run too. */
  private async record(
    delivery: DeliveryDocument,
    code: string,
    reason: string,
    report: DispatchReport,
    set: Partial<DeliveryDocument>,
  ): Promise<void> {
    const now = this.clock.now();
    await this.status.record(delivery, {
      status: 'failed',
      at: now,
      by: PROCESS_ID,
      reason,
      set: { ...set, error: { code, reason }, leaseUntil: null },
    });
    report.failed++;
    await this.alerts.deadLetter(delivery, code, now);
    await this.tellRun(delivery, reason);
  }

  /** A last check said no: expired, skipped with the reason, or later (back to scheduled at that time). */
  async checked(delivery: DeliveryDocument, check: LastCheck, report: DispatchReport): Promise<void> {
    const now = this.clock.now();
    this.count(delivery, NO_PROVIDER, check.outcome);
    if (check.outcome === 'later') {
      await this.status.record(delivery, {
        status: 'scheduled',
        at: now,
        by: PROCESS_ID,
        reason: check.reason,
        why: check.why,
        set: { leaseUntil: null },
        dueAt: check.at,
      });
      report.later++;
      return;
    }
    await this.status.record(delivery, {
      status: check.outcome,
      at: now,
      by: PROCESS_ID,
      reason: check.reason,
      why: check.why,
      set: { reason: check.reason, why: check.why, leaseUntil: null },
    });
    report[check.outcome]++;
    await this.tellRun(delivery, check.reason);
  }

  /**
   * Over its provider's rate: back to scheduled until `at`, with the slot held for it then (`granted`), or to
   * ask again then (docs/engine.md, "Provider rates"). The report shows the reason with the expected time.
   */
  async waitForRate(
    delivery: DeliveryDocument,
    slot: { at: Date; granted: boolean },
    rate: number,
    report: DispatchReport,
    inDoubt: boolean,
  ): Promise<void> {
    const at = slot.at.toISOString();
    await this.postpone(delivery, slot.at, report, {
      reason: `waiting for the provider's rate (${rate} a second): goes at ${at}`,
      why: reasonOf('provider-rate', { rate, at }),
      inDoubt,
      ...(slot.granted ? { rateSlotAt: slot.at } : {}),
    });
  }

  /** Its provider is paused (`ProviderBreaker`): back to scheduled until the pause is over, no attempt used. */
  async waitForProvider(
    delivery: DeliveryDocument,
    pause: { until: Date; failures: number },
    report: DispatchReport,
    inDoubt: boolean,
  ): Promise<void> {
    const at = pause.until.toISOString();
    // A retry the pause would push past its deadline has no time left: it fails now, as a refusal would.
    const budget = { failures: failuresBefore(delivery), deadline: retryDeadline(delivery) };
    const givenUp = pausedRetryGivesUp(budget, pause);
    if (givenUp) {
      this.count(delivery, NO_PROVIDER, 'failed');
      await this.record(delivery, delivery.error?.code ?? 'provider-failing', givenUp, report, {});
      return;
    }
    await this.postpone(delivery, pause.until, report, {
      reason: `the provider failed ${pause.failures} times in a row: paused, tried again at ${at}`,
      why: reasonOf('provider-paused', { failures: pause.failures, at }),
      inDoubt,
    });
  }

  /**
   * Back to scheduled until `until`: a wait, not a failure (it uses none of the retry budget). A message found in
   * doubt before the wait (a taken-over send the provider cannot be asked about) stays so: the attempt that sends
   * it later is a plain one, and the provider may have it already.
   */
  private async postpone(
    delivery: DeliveryDocument,
    until: Date,
    report: DispatchReport,
    {
      reason,
      why,
      rateSlotAt,
      inDoubt,
    }: { reason: string; why: Reason; rateSlotAt?: Date; inDoubt: boolean },
  ): Promise<void> {
    const now = this.clock.now();
    this.count(delivery, NO_PROVIDER, 'later');
    await this.status.record(delivery, {
      status: 'scheduled',
      at: now,
      by: PROCESS_ID,
      reason,
      why,
      set: { leaseUntil: null, ...(inDoubt ? { inDoubt } : {}) },
      dueAt: until,
      ...(rateSlotAt ? { rateSlotAt } : {}),
    });
    report.later++;
  }

  private count(delivery: DeliveryDocument, provider: string, outcome: string): void {
    this.metrics.sends.inc({ channel: delivery.channel, provider, outcome });
  }

  private async sent(
    delivery: DeliveryDocument,
    providerName: string,
    providerMessageId: string,
    now: Date,
    set: Partial<DeliveryDocument>,
  ): Promise<void> {
    await this.status.recordSent(
      delivery,
      { at: now, by: PROCESS_ID, set: { ...set, sentAt: now, error: null, leaseUntil: null } },
      providerName,
      providerMessageId,
    );
  }

  /**
   * A question that will not reach the patient ends its `ask` step on its "delivery failed" exit; a rung of a
   * "Reach the patient" step that will not makes its ladder try the next channel.
   */
  private async tellRun(delivery: DeliveryDocument, reason: string): Promise<void> {
    if (!delivery.runId || (!delivery.expectsReply && !delivery.ladder)) return;
    const signal: RunSignal = delivery.ladder
      ? { kind: 'delivery-status', deliveryKey: delivery.ladder.key, status: 'failed' }
      : { kind: 'delivery-failed', reason };
    try {
      await this.runs.signal(delivery.clinicId, delivery.runId, signal);
    } catch (error) {
      this.logger.error(`Run ${delivery.runId} was not told of a failed question: ${loggedError(error)}`);
    }
  }
}

/**
 * The text an account e-mail is kept with: its set-password link hidden, so that the report (which staff and
 * `reports` keys read) never shows a link that would open someone's account (docs/accounts.md).
 */
function hideAccountLink(delivery: DeliveryDocument, text: string): string {
  if (delivery.origin !== 'account') return text;
  return text.replace(/\S*\/set-password#\S+/g, '[link hidden]');
}
