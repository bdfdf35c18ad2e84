import { Global, Injectable, Module } from '@nestjs/common';
import type { WebhookEventType } from '@clinicflow/contract';
import { EventEmitter } from 'node:events';

/**
 * Something that happened in a clinic which its own systems may want to hear (webhooks, docs/integrations.md):
 * `key` names the occurrence (the same occurrence announced twice is sent once), `data` is what the receiver
 * gets. A flow's webhook step carries its own `url` and goes there only.
 */
export type ClinicEvent =
  | { clinicId: string; type: WebhookEventType; key: string; at: Date; data: Record<string, unknown> }
  | {
      clinicId: string;
      type: 'flow.webhook';
      key: string;
      at: Date;
      data: Record<string, unknown>;
      url: string;
    };

/**
 * Where modules announce what happened (a patient confirmed by reply, a consent changed…), without knowing who
 * listens: the webhooks module does. In-process, like the live events: an announcement is made right after the
 * change it tells of is stored.
 */
@Injectable()
export class ClinicEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  announce(event: ClinicEvent): void {
    this.emitter.emit('event', event);
  }

  /** Listens to announcements; answers the function that stops listening. */
  subscribe(listener: (event: ClinicEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}

@Global()
@Module({ providers: [ClinicEvents], exports: [ClinicEvents] })
export class ClinicEventsModule {}
