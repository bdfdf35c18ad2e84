import { Module } from '@nestjs/common';
import { DispatcherModule } from '../dispatcher/dispatcher.module';
import { SettingsModule } from '../settings/settings.module';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WebhookMessageRepository } from './webhook-message.repository';
import { WebhookOutboxService } from './webhook-outbox.service';
import { WebhookSenderService } from './webhook-sender.service';
import { WebhooksController } from './webhooks.controller';

/**
 * Webhooks out (B8, docs/integrations.md): the clinics' endpoints (`webhook_endpoints`), the outbox fed by the
 * clinic events and live status changes (`webhook_messages`, `webhook_claims`), and its sender, driven by the
 * engine's tick.
 */
@Module({
  imports: [SettingsModule, DispatcherModule],
  controllers: [WebhooksController],
  providers: [
    WebhookEndpointRepository,
    WebhookMessageRepository,
    WebhookEndpointsService,
    WebhookOutboxService,
    WebhookSenderService,
  ],
  exports: [WebhookSenderService, WebhookEndpointsService],
})
export class WebhooksModule {}
