import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { WebhookEventType } from '@clinicflow/contract';
import { appointmentAnswerMessage, appointmentResponseOf } from '@clinicflow/pms';
import { createHash } from 'node:crypto';
import { ClinicEvents, type ClinicEvent } from '../../common/clinic-events';
import { ClockRepository } from '../../common/clock.repository';
import { errorSummary } from '../../common/logged-error';
import { LiveEventsService, type LiveEvent } from '../live/live-events.service';
import { WebhookEndpointRepository, type WebhookEndpointDocument } from './webhook-endpoint.repository';
import { WebhookMessageRepository, type WebhookMessageDocument } from './webhook-message.repository';

/** How long a message is tried: 24 hours after its event, then given up (and its endpoint turned off). */
export const WEBHOOK_RETRY_WINDOW_MS = 24 * 3_600_000;
/** How long the clinics' endpoints are kept in memory: the hot path (every status change) reads no database. */
const ENDPOINTS_TTL_MS = 5_000;
/** A message's statuses that are the dispatcher's own steps, not news for a PMS. */
const INTERNAL_STATUSES = new Set(['scheduled', 'sending']);

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/**
 * The webhooks' outbox: every clinic event (ClinicEvents) and status change (live events) that an enabled
 * endpoint of its clinic subscribes to becomes a message of `webhook_messages`, one per endpoint, under an id
 * derived from the endpoint and the event's key, so an event announced twice is sent once. A flow's webhook
 * step becomes a message to its own URL, signed with the clinic's flow-steps secret.
 */
@Injectable()
export class WebhookOutboxService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(WebhookOutboxService.name);
  /** Each clinic's endpoints as read (a read under way included: the events of a burst share it). */
  private readonly cached = new Map<
    string,
    { endpoints: Promise<WebhookEndpointDocument[]>; until: number }
  >();
  private readonly stops: (() => void)[] = [];
  /** Whether this process stored messages (or made one due again) since the sender last looked. */
  private fresh = false;

  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly messages: WebhookMessageRepository,
    private readonly clinicEvents: ClinicEvents,
    private readonly live: LiveEventsService,
    private readonly clock: ClockRepository,
  ) {}

  onModuleInit() {
    this.stops.push(this.clinicEvents.subscribe((event) => this.keep(event)));
    this.stops.push(this.live.subscribe((event) => this.keep(this.fromLiveEvent(event))));
  }

  onModuleDestroy() {
    for (const stop of this.stops.splice(0)) stop();
  }

  /** Whether messages became due in this process since the last call (the sender then looks at once). */
  takeFresh(): boolean {
    const fresh = this.fresh;
    this.fresh = false;
    return fresh;
  }

  /** A message became due again in this process (a resend). */
  markFresh(): void {
    this.fresh = true;
  }

  /** Forgets the clinic's endpoints held in memory (they changed in this process). */
  forget(clinicId: string): void {
    this.cached.delete(clinicId);
  }

  /**
   * The message of an event for an endpoint: for a `webhook` the signed JSON, for a `fhir` server the patient's
   * answer as an `AppointmentResponse` (POSTed to its base), for an `hl7` endpoint as SIU^S14 (MLLP).
   */
  messageFor(endpoint: WebhookEndpointDocument, event: ClinicEvent, url: string): WebhookMessageDocument {
    const eventId = `msg_${hash(`${event.clinicId}\u0000${event.key}`)}`;
    return {
      _id: `whm_${hash(`${endpoint._id}\u0000${event.key}`)}`,
      clinicId: event.clinicId,
      endpointId: endpoint._id,
      eventId,
      type: event.type,
      ...this.addressed(endpoint.kind, event, url, eventId),
      status: 'pending',
      createdAt: event.at,
      nextAttemptAt: event.at,
      giveUpAt: new Date(event.at.getTime() + WEBHOOK_RETRY_WINDOW_MS),
      attempts: [],
    };
  }

  private addressed(kind: WebhookEndpointDocument['kind'], event: ClinicEvent, url: string, eventId: string) {
    if (kind === 'fhir' || kind === 'hl7') {
      const data = event.data as { appointment?: { externalId?: string } | null; answer?: string };
      const answer = {
        appointmentExternalId: data.appointment?.externalId ?? '',
        answer: data.answer === 'confirmed' ? ('confirmed' as const) : ('declined' as const),
        at: event.at,
      };
      if (kind === 'fhir')
        return {
          url: `${url.replace(/\/+$/, '')}/AppointmentResponse`,
          body: JSON.stringify(appointmentResponseOf(answer)),
        };
      // MSH-10 is at most 20 characters in v2.5: the event's id, shortened, the same on every attempt
      const facility = decodeURIComponent(new URL(url).pathname.replace(/^\/+/, '')) || 'PMS';
      return {
        url,
        body: appointmentAnswerMessage(answer, { controlId: `CF${eventId.slice(4, 22)}`, facility }),
      };
    }
    return {
      url,
      body: JSON.stringify({ type: event.type, timestamp: event.at.toISOString(), data: event.data }),
    };
  }

  private keep(event: ClinicEvent | null) {
    if (!event) return;
    this.store(event).catch((error: unknown) =>
      this.logger.error(`A webhook of clinic ${event.clinicId} was not stored: ${errorSummary(error)}`),
    );
  }

  private async store(event: ClinicEvent): Promise<void> {
    const endpoints = await this.endpointsOf(event.clinicId);
    if (event.type === 'flow.webhook') {
      const steps = endpoints.find((e) => e.kind === 'flow-steps');
      // Without its record yet (no step ever went): the sender makes it with its secret before the first send.
      const owner =
        steps ?? ({ _id: WebhookEndpointRepository.flowStepsId(event.clinicId) } as WebhookEndpointDocument);
      await this.messages.addMany([this.messageFor(owner, event, event.url)]);
      this.fresh = true;
      return;
    }
    const subscribed = endpoints.filter(
      (e) =>
        e.kind !== 'flow-steps' &&
        e.enabled &&
        e.url &&
        e.events.includes(event.type) &&
        // what a PMS's FHIR server or MLLP endpoint hears is an answer about one of its appointments
        (e.kind === 'webhook' || Boolean((event.data as { appointment?: unknown }).appointment)),
    );
    if (subscribed.length === 0) return;
    await this.messages.addMany(subscribed.map((e) => this.messageFor(e, event, e.url!)));
    this.fresh = true;
  }

  private endpointsOf(clinicId: string): Promise<WebhookEndpointDocument[]> {
    const now = Date.now();
    const cached = this.cached.get(clinicId);
    if (cached && cached.until > now) return cached.endpoints;
    const endpoints = this.endpoints.ofClinic(clinicId);
    if (this.cached.size >= 10_000) this.cached.clear();
    this.cached.set(clinicId, { endpoints, until: now + ENDPOINTS_TTL_MS });
    // A read that failed is not kept: the next event reads again.
    endpoints.catch(() => this.cached.get(clinicId)?.endpoints === endpoints && this.cached.delete(clinicId));
    return endpoints;
  }

  /** A delivery's status change or a run's end, as the webhook event it is (null: not one). */
  private fromLiveEvent(event: LiveEvent): ClinicEvent | null {
    if (event.name === 'delivery.updated' && !INTERNAL_STATUSES.has(event.payload.status)) {
      const { id, status, flowId, nodeId, at } = event.payload;
      return this.event(event.clinicId, 'delivery.status_changed', `delivery:${id}:${status}:${at}`, at, {
        deliveryId: id,
        status,
        flowId,
        nodeId,
      });
    }
    if (event.name === 'run.updated' && event.payload.status === 'ended') {
      const { id, flowId, nodeId, at } = event.payload;
      return this.event(event.clinicId, 'run.ended', `run.ended:${id}`, at, { runId: id, flowId, nodeId });
    }
    return null;
  }

  private event(
    clinicId: string,
    type: WebhookEventType,
    key: string,
    at: string,
    data: Record<string, unknown>,
  ): ClinicEvent {
    return { clinicId, type, key, at: Number.isNaN(Date.parse(at)) ? this.clock.now() : new Date(at), data };
  }
}
