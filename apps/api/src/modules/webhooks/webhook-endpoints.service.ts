import { Injectable } from '@nestjs/common';
import { ProviderHostNotAllowedError, resolveProviderHost } from '@clinicflow/channels';
import type { WebhookEndpointInput, WebhookEndpointView, WebhookMessageView } from '@clinicflow/contract';
import { randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../../common/app-error';
import { ClockRepository } from '../../common/clock.repository';
import type { Principal } from '../../http/principal';
import { AuditService } from '../audit/audit.service';
import { CredentialCipherRepository } from '../settings/credential-cipher.repository';
import { SettingsService } from '../settings/settings.service';
import { WebhookEndpointRepository, type WebhookEndpointDocument } from './webhook-endpoint.repository';
import { WebhookMessageRepository, type WebhookMessageDocument } from './webhook-message.repository';
import { WEBHOOK_RETRY_WINDOW_MS, WebhookOutboxService } from './webhook-outbox.service';

/** The port of a URL that names none, by scheme (MLLP's registered port is 2575). */
export const DEFAULT_PORTS: Record<string, number> = {
  'http:': 80,
  'https:': 443,
  'mllp:': 2575,
  'mllps:': 2575,
};

/** A Standard Webhooks secret: `whsec_` and 24 random bytes in base64 (what its libraries take as they are). */
function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

function toMessageView(message: WebhookMessageDocument): WebhookMessageView {
  return {
    id: message._id,
    eventId: message.eventId,
    type: message.type,
    status: message.status,
    createdAt: message.createdAt.toISOString(),
    nextAttemptAt: message.nextAttemptAt?.toISOString() ?? null,
    attempts: message.attempts.map((a) => ({ ...a, at: a.at.toISOString() })),
  };
}

export function toEndpointView(endpoint: WebhookEndpointDocument): WebhookEndpointView {
  return {
    id: endpoint._id,
    kind: endpoint.kind === 'flow-steps' ? 'webhook' : endpoint.kind,
    hasAuthorization: Boolean(endpoint.sealedAuthorization),
    url: endpoint.url ?? '',
    events: endpoint.events,
    description: endpoint.description,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    createdAt: endpoint.createdAt.toISOString(),
  };
}

/**
 * A clinic's webhook endpoints as managers register them (B8): the URL (checked against the outbound guard:
 * no local or private address unless CLINICFLOW_ALLOWED_PROVIDER_HOSTS lists it), the events, a secret shown
 * once; and the secret of its flows' webhook steps.
 */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly messages: WebhookMessageRepository,
    private readonly cipher: CredentialCipherRepository,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    private readonly clock: ClockRepository,
    private readonly outbox: WebhookOutboxService,
  ) {}

  async list(clinicId: string): Promise<WebhookEndpointView[]> {
    return (await this.endpoints.ofClinic(clinicId))
      .filter((e) => e.kind !== 'flow-steps')
      .map(toEndpointView);
  }

  /** A new endpoint; a `webhook` one answers its secret, this once. */
  async create(
    principal: Principal,
    { authorization, ...input }: WebhookEndpointInput,
  ): Promise<WebhookEndpointView & { secret?: string }> {
    await this.assertReachable(input.url);
    const now = this.clock.now();
    const secret = newSecret();
    const endpoint: WebhookEndpointDocument = {
      _id: `whe_${randomUUID()}`,
      clinicId: principal.clinicId,
      ...input,
      sealedAuthorization: authorization ? this.cipher.encrypt({ authorization }) : null,
      disabledAt: null,
      disabledReason: null,
      sealedSecret: this.cipher.encrypt({ secret }),
      createdAt: now,
      updatedAt: now,
    };
    await this.endpoints.add(principal.clinicId, endpoint);
    this.outbox.forget(principal.clinicId);
    await this.record(principal, endpoint._id, 'created');
    return { ...toEndpointView(endpoint), ...(input.kind === 'webhook' ? { secret } : {}) };
  }

  /** Changes an endpoint; turning it on again clears why it was turned off. Its secret is kept. */
  async update(
    principal: Principal,
    id: string,
    { authorization, ...input }: WebhookEndpointInput,
  ): Promise<WebhookEndpointView> {
    await this.find(principal.clinicId, id);
    await this.assertReachable(input.url);
    const changed = await this.endpoints.change(principal.clinicId, id, {
      ...input,
      ...(authorization ? { sealedAuthorization: this.cipher.encrypt({ authorization }) } : {}),
      ...(input.kind === 'fhir' ? {} : { sealedAuthorization: null }),
      ...(input.enabled ? { disabledAt: null, disabledReason: null } : {}),
      updatedAt: this.clock.now(),
    });
    if (!input.enabled) await this.messages.dropPendingOf(principal.clinicId, id);
    this.outbox.forget(principal.clinicId);
    await this.record(principal, id, 'changed');
    return toEndpointView(changed!);
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await this.find(principal.clinicId, id);
    await this.messages.dropPendingOf(principal.clinicId, id);
    await this.endpoints.remove(principal.clinicId, id);
    this.outbox.forget(principal.clinicId);
    await this.record(principal, id, 'removed');
  }

  /** A new secret, shown this once: messages signed from now on use it. */
  async newSecret(principal: Principal, id: string): Promise<{ secret: string }> {
    await this.find(principal.clinicId, id);
    const secret = newSecret();
    await this.endpoints.change(principal.clinicId, id, {
      sealedSecret: this.cipher.encrypt({ secret }),
      updatedAt: this.clock.now(),
    });
    await this.record(principal, id, 'new secret');
    return { secret };
  }

  /** The secret the clinic's flows' webhook steps are signed with (made the first time it is asked for). */
  async flowStepsSecret(clinicId: string): Promise<string> {
    const id = WebhookEndpointRepository.flowStepsId(clinicId);
    const existing = await this.endpoints.findById(clinicId, id);
    if (existing) return this.secretOf(existing);
    const now = this.clock.now();
    await this.endpoints.add(clinicId, {
      _id: id,
      kind: 'flow-steps',
      url: null,
      events: [],
      description: '',
      enabled: true,
      disabledAt: null,
      disabledReason: null,
      sealedSecret: this.cipher.encrypt({ secret: newSecret() }),
      sealedAuthorization: null,
      createdAt: now,
      updatedAt: now,
    });
    // Two processes racing: the first insert wins, both read its secret.
    return this.secretOf((await this.endpoints.findById(clinicId, id))!);
  }

  /** An endpoint's secret, to sign with. */
  secretOf(endpoint: WebhookEndpointDocument): string {
    return this.cipher.decrypt(endpoint.sealedSecret).secret;
  }

  /** A FHIR endpoint's Authorization header, or null. */
  authorizationOf(endpoint: WebhookEndpointDocument): string | null {
    return endpoint.sealedAuthorization
      ? this.cipher.decrypt(endpoint.sealedAuthorization).authorization
      : null;
  }

  async find(clinicId: string, id: string): Promise<WebhookEndpointDocument> {
    const endpoint = await this.endpoints.findById(clinicId, id);
    if (!endpoint || endpoint.kind === 'flow-steps') throw AppError.notFound(`No webhook endpoint ${id}`);
    return endpoint;
  }

  /** Turns an endpoint off by itself (its messages failed for 24 hours); answers whether this call did. */
  async disable(endpoint: WebhookEndpointDocument, reason: string, now: Date): Promise<boolean> {
    if (!endpoint.enabled) return false;
    await this.endpoints.change(endpoint.clinicId, endpoint._id, {
      enabled: false,
      disabledAt: now,
      disabledReason: reason,
      updatedAt: now,
    });
    await this.messages.dropPendingOf(endpoint.clinicId, endpoint._id);
    this.outbox.forget(endpoint.clinicId);
    return true;
  }

  /** The endpoint's delivery log: its latest messages with every attempt (status, latency, response code). */
  async messagesOf(clinicId: string, id: string): Promise<WebhookMessageView[]> {
    await this.find(clinicId, id);
    return (await this.messages.latest(clinicId, id)).map(toMessageView);
  }

  /** Removes the clinic's sent or given-up messages made before `cutoff` (its retention, docs/privacy.md). */
  removeMessagesBefore(clinicId: string, cutoff: Date): Promise<number> {
    return this.messages.removeBefore(clinicId, cutoff);
  }

  /** Sends a message again now (for another 24 hours), whatever became of it; same `webhook-id`. */
  async resend(principal: Principal, id: string, messageId: string): Promise<WebhookMessageView> {
    const endpoint = await this.find(principal.clinicId, id);
    const message = await this.messages.findById(principal.clinicId, messageId);
    if (!message || message.endpointId !== endpoint._id) throw AppError.notFound(`No message ${messageId}`);
    if (!endpoint.enabled)
      throw AppError.conflict('The endpoint is turned off: turn it on to send again', [
        { path: 'enabled', message: 'is false' },
      ]);
    const now = this.clock.now();
    const again = await this.messages.resend(message, now, new Date(now.getTime() + WEBHOOK_RETRY_WINDOW_MS));
    this.outbox.markFresh();
    return toMessageView(again!);
  }

  private async assertReachable(url: string) {
    const target = new URL(url);
    const port = target.port ? Number(target.port) : (DEFAULT_PORTS[target.protocol] ?? 80);
    try {
      await resolveProviderHost(target.hostname.replace(/^\[|\]$/g, ''), port, this.settings.hostPolicy());
    } catch (error) {
      // A name that does not resolve now is let through: the attempts will say so in the log.
      if (!(error instanceof ProviderHostNotAllowedError)) return;
      throw AppError.invalid(
        [
          {
            path: 'body.url',
            message:
              'is a local, private, link-local or metadata address, which is not allowed (CLINICFLOW_ALLOWED_PROVIDER_HOSTS)',
          },
        ],
        'The webhook address is not allowed',
      );
    }
  }

  private record(principal: Principal, id: string, what: string) {
    return this.audit.record(principal, {
      action: 'settings.changed',
      target: { type: 'webhook-endpoint', id },
      details: { sections: ['webhooks'], change: what },
    });
  }
}
