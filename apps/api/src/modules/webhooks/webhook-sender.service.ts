import { Injectable, Logger } from '@nestjs/common';
import { guardedRequest } from '@clinicflow/channels';
import { Webhook } from 'standardwebhooks';
import { errorSummary } from '../../common/logged-error';
import { AdminAlertService } from '../dispatcher/admin-alert.service';
import { SettingsService } from '../settings/settings.service';
import { WebhookEndpointRepository, type WebhookEndpointDocument } from './webhook-endpoint.repository';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WebhookMessageRepository, type WebhookMessageDocument } from './webhook-message.repository';

/** Messages one tick sends at most, and at once. */
const BATCH = 50;
const IN_FLIGHT = 10;
/** A receiver has this long to answer (then the attempt failed, and is tried again). */
const TIMEOUT_MS = 10_000;
/** The waits after each failed attempt (a little more, at random, so that retries of many do not line up). */
const BACKOFF_MS = [5, 30, 120, 600, 1800, 3600, 7200, 14_400, 28_800].map((s) => s * 1000);

/** The wait after failed attempt `n` (from 1): the schedule, then its last step, plus up to 10 % at random. */
export function backoffAfter(attempt: number, random = Math.random): number {
  const base = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length) - 1];
  return Math.round(base * (1 + random() * 0.1));
}

/**
 * Sends the outbox's due messages (each engine tick): each attempt is won by an insert (`webhook_claims`), so
 * two processes never send the same attempt; the body is signed per the Standard Webhooks spec (`webhook-id`
 * the event's id, the same on every attempt; `webhook-timestamp`; `webhook-signature`); the request goes only
 * to an address the outbound guard lets through. A 2xx delivers it; anything else waits (backoff) and is tried
 * again until 24 hours after the event, then given up: the endpoint is turned off and the admin told.
 */
@Injectable()
export class WebhookSenderService {
  private readonly logger = new Logger(WebhookSenderService.name);

  constructor(
    private readonly messages: WebhookMessageRepository,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly endpointService: WebhookEndpointsService,
    private readonly settings: SettingsService,
    private readonly alerts: AdminAlertService,
  ) {}

  /** Sends what is due at `now`; answers how many attempts this process made. */
  async sendDue(now: Date): Promise<number> {
    const due = await this.messages.due(now, BATCH);
    let made = 0;
    const work = [...due];
    await Promise.all(
      Array.from({ length: Math.min(IN_FLIGHT, work.length) }, async () => {
        for (let message = work.shift(); message; message = work.shift()) {
          if (await this.attempt(message, now)) made++;
        }
      }),
    );
    return made;
  }

  private async attempt(message: WebhookMessageDocument, now: Date): Promise<boolean> {
    const number = message.attempts.length + 1;
    if (!(await this.messages.claim(message._id, number, now))) return false;
    try {
      const endpoint = await this.endpoints.findById(message.clinicId, message.endpointId);
      const isStep = message.endpointId === WebhookEndpointRepository.flowStepsId(message.clinicId);
      if (!isStep && (!endpoint || !endpoint.enabled)) {
        await this.messages.recordAttempt(
          message,
          { at: now, statusCode: null, latencyMs: 0, error: 'the endpoint is turned off or removed' },
          { status: 'failed', nextAttemptAt: null },
        );
        return true;
      }
      const secret = isStep
        ? await this.endpointService.flowStepsSecret(message.clinicId)
        : this.endpointService.secretOf(endpoint!);
      const { statusCode, error, latencyMs } = await this.post(message, secret);
      const attempt = { at: now, statusCode, latencyMs, error };
      if (statusCode !== null && statusCode >= 200 && statusCode < 300) {
        await this.messages.recordAttempt(message, attempt, { status: 'delivered', nextAttemptAt: null });
        return true;
      }
      const next = new Date(now.getTime() + backoffAfter(number));
      if (next <= message.giveUpAt) {
        await this.messages.recordAttempt(message, attempt, { status: 'pending', nextAttemptAt: next });
        return true;
      }
      await this.messages.recordAttempt(message, attempt, { status: 'failed', nextAttemptAt: null });
      if (endpoint && !isStep) await this.turnOff(endpoint, statusCode, now);
      return true;
    } catch (failure) {
      this.logger.error(`Webhook message of clinic ${message.clinicId} not sent: ${errorSummary(failure)}`);
      return false;
    }
  }

  /** One signed POST; a receiver that does not answer, or the guard refusing its address, is an attempt that failed. */
  private async post(message: WebhookMessageDocument, secret: string) {
    // The timestamp is the real time of sending (receivers compare it with their own clock), not the engine's.
    const sentAt = new Date();
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'clinicflow-webhooks/1',
      'webhook-id': message.eventId,
      'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(message.eventId, sentAt, message.body),
    };
    const started = performance.now();
    try {
      const answer = await guardedRequest(message.url, {
        method: 'POST',
        headers,
        body: message.body,
        timeoutMs: TIMEOUT_MS,
        policy: this.settings.hostPolicy(),
      });
      return { statusCode: answer.status, error: null, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return {
        statusCode: null,
        // the error's kind only: a message of the guard or the network names no request value
        error: errorSummary(error).slice(0, 200),
        latencyMs: Math.round(performance.now() - started),
      };
    }
  }

  private async turnOff(endpoint: WebhookEndpointDocument, statusCode: number | null, now: Date) {
    const last = statusCode === null ? 'no answer' : `HTTP ${statusCode}`;
    const reason = `its messages failed for 24 hours (last: ${last})`;
    if (!(await this.endpointService.disable(endpoint, reason, now))) return;
    await this.alerts.webhookDisabled(endpoint.clinicId, endpoint._id, new URL(endpoint.url!).host, now);
  }
}
