import { Injectable, Logger } from '@nestjs/common';
import { guardedRequest } from '@clinicflow/channels';
import { readAck } from '@clinicflow/pms';
import { Webhook } from 'standardwebhooks';
import { sendOverMllp } from './mllp-client';
import { errorSummary } from '../../common/logged-error';
import { AdminAlertService } from '../dispatcher/admin-alert.service';
import { SettingsService } from '../settings/settings.service';
import { WebhookEndpointRepository, type WebhookEndpointDocument } from './webhook-endpoint.repository';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WebhookOutboxService } from './webhook-outbox.service';
import {
  WebhookMessageRepository,
  type WebhookAttempt,
  type WebhookMessageDocument,
} from './webhook-message.repository';

/**
 * How often the outbox is read when this process stored nothing new: a burst's ticks follow each other in
 * milliseconds, and one read each was a tenth of a database round trip per message sent (the engine bench).
 * Messages stored by another process, and retries coming due, wait this long at most.
 */
const LOOK_EVERY_MS = 1_000;

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
  private lastLookAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly messages: WebhookMessageRepository,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly endpointService: WebhookEndpointsService,
    private readonly settings: SettingsService,
    private readonly alerts: AdminAlertService,
    private readonly outbox: WebhookOutboxService,
  ) {}

  /** Sends what is due at `now`; answers how many attempts this process made. */
  async sendDue(now: Date): Promise<number> {
    const fresh = this.outbox.takeFresh();
    if (!fresh && now.getTime() - this.lastLookAt < LOOK_EVERY_MS) return 0;
    this.lastLookAt = now.getTime();
    const due = await this.messages.due(now, BATCH);
    // A full batch leaves more behind: the next tick looks again at once.
    if (due.length === BATCH) this.lastLookAt = Number.NEGATIVE_INFINITY;
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
      const { statusCode, error, latencyMs, taken } = await this.send(message, isStep ? null : endpoint);
      const attempt = { at: now, statusCode, latencyMs, error };
      if (taken) {
        await this.messages.recordAttempt(message, attempt, { status: 'delivered', nextAttemptAt: null });
        return true;
      }
      const next = new Date(now.getTime() + backoffAfter(number));
      if (next <= message.giveUpAt) {
        await this.messages.recordAttempt(message, attempt, { status: 'pending', nextAttemptAt: next });
        return true;
      }
      await this.messages.recordAttempt(message, attempt, { status: 'failed', nextAttemptAt: null });
      if (endpoint && !isStep) await this.turnOff(endpoint, attempt, now);
      return true;
    } catch (failure) {
      this.logger.error(`Webhook message of clinic ${message.clinicId} not sent: ${errorSummary(failure)}`);
      return false;
    }
  }

  /** Sends a message the way its endpoint hears; no answer, or the guard refusing the address, is a failed attempt. */
  private async send(message: WebhookMessageDocument, endpoint: WebhookEndpointDocument | null) {
    const started = performance.now();
    const took = () => Math.round(performance.now() - started);
    const policy = this.settings.hostPolicy();
    try {
      if (endpoint?.kind === 'hl7') {
        const ack = await sendOverMllp(message.url, message.body, { timeoutMs: TIMEOUT_MS, policy });
        const code = readAck(ack)?.code ?? '';
        // MLLP has no status code: an AA (or CA) is taken, anything else is the PMS refusing it for now
        return {
          statusCode: null,
          error: code === 'AA' || code === 'CA' ? null : `ACK ${code || 'without MSA'}`,
          latencyMs: took(),
          taken: code === 'AA' || code === 'CA',
        };
      }
      const answer = await guardedRequest(message.url, {
        method: 'POST',
        headers: await this.headersFor(message, endpoint),
        body: message.body,
        timeoutMs: TIMEOUT_MS,
        policy,
      });
      return {
        statusCode: answer.status,
        error: null,
        latencyMs: took(),
        taken: answer.status >= 200 && answer.status < 300,
      };
    } catch (error) {
      // the error's kind only: a message of the guard or the network names no request value
      return { statusCode: null, error: errorSummary(error).slice(0, 200), latencyMs: took(), taken: false };
    }
  }

  /** A FHIR server's headers (its Authorization), or a webhook's Standard Webhooks signature. */
  private async headersFor(
    message: WebhookMessageDocument,
    endpoint: WebhookEndpointDocument | null,
  ): Promise<Record<string, string>> {
    if (endpoint?.kind === 'fhir') {
      const authorization = this.endpointService.authorizationOf(endpoint);
      return {
        'content-type': 'application/fhir+json',
        accept: 'application/fhir+json',
        'user-agent': 'clinicflow-webhooks/1',
        ...(authorization ? { authorization } : {}),
      };
    }
    const secret = endpoint
      ? this.endpointService.secretOf(endpoint)
      : await this.endpointService.flowStepsSecret(message.clinicId);
    // The timestamp is the real time of sending (receivers compare it with their own clock), not the engine's.
    const sentAt = new Date();
    return {
      'content-type': 'application/json',
      'user-agent': 'clinicflow-webhooks/1',
      'webhook-id': message.eventId,
      'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(message.eventId, sentAt, message.body),
    };
  }

  private async turnOff(endpoint: WebhookEndpointDocument, attempt: WebhookAttempt, now: Date) {
    const last =
      attempt.statusCode !== null
        ? `HTTP ${attempt.statusCode}`
        : attempt.error?.startsWith('ACK')
          ? attempt.error
          : 'no answer';
    const reason = `its messages failed for 24 hours (last: ${last})`;
    if (!(await this.endpointService.disable(endpoint, reason, now))) return;
    await this.alerts.webhookDisabled(endpoint.clinicId, endpoint._id, new URL(endpoint.url!).host, now);
  }
}
