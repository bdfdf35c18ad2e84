import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { PatientRepository } from '../directory/directory.repository';
import { RunsModule } from '../runs/runs.module';
import { CredentialCipherRepository } from '../settings/credential-cipher.repository';
import { SettingsModule } from '../settings/settings.module';
import { TemplatesModule } from '../templates/templates.module';
import { CreditsService } from './credits.service';
import { DeliveryOutcomeService } from './delivery-outcome.service';
import { DeliveryReceiptService } from './delivery-receipt.service';
import { DeliveryRendererService } from './delivery-renderer.service';
import { DeliveryRetryService } from './delivery-retry.service';
import { DeliveryStatusRefreshService } from './delivery-status-refresh.service';
import { DispatcherService } from './dispatcher.service';
import { ProviderRegistry } from './provider-registry.service';

/** The dispatcher: due deliveries → claims → last checks → provider → outcome; providers, receipts, credits. */
@Module({
  imports: [DeliveriesModule, SettingsModule, TemplatesModule, RunsModule],
  providers: [
    PatientRepository,
    CredentialCipherRepository,
    ProviderRegistry,
    DeliveryRendererService,
    CreditsService,
    DeliveryOutcomeService,
    DeliveryReceiptService,
    DeliveryRetryService,
    DeliveryStatusRefreshService,
    DispatcherService,
  ],
  exports: [
    DispatcherService,
    ProviderRegistry,
    DeliveryReceiptService,
    DeliveryRetryService,
    CreditsService,
    DeliveryStatusRefreshService,
  ],
})
export class DispatcherModule {}
