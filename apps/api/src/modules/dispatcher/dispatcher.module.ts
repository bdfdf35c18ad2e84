import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DirectoryModule } from '../directory/directory.module';
import { PatientLinksModule } from '../patient-links/patient-links.module';
import { RunsModule } from '../runs/runs.module';
import { SettingsModule } from '../settings/settings.module';
import { TemplatesModule } from '../templates/templates.module';
import { AdminAlertService } from './admin-alert.service';
import { CreditsNoticeService } from './credits-notice.service';
import { DeliveryOutcomeService } from './delivery-outcome.service';
import { DeliveryReceiptService } from './delivery-receipt.service';
import { DeliveryRendererService } from './delivery-renderer.service';
import { DeliveryStatusRefreshService } from './delivery-status-refresh.service';
import { DispatcherService } from './dispatcher.service';
import { ProviderRateSlotRepository } from './provider-rate-slot.repository';
import { ProviderRateService } from './provider-rate.service';
import { ProviderRegistry } from './provider-registry.service';
import { SameDayAppointmentsService } from './same-day-appointments.service';
import { SandboxMessageRepository } from './sandbox-message.repository';
import { SandboxPrivacyService } from './sandbox-privacy.service';

/** The dispatcher: due deliveries → claims → last checks → provider → outcome; providers, receipts, credits. */
@Module({
  imports: [
    AppointmentsModule,
    DeliveriesModule,
    DirectoryModule,
    PatientLinksModule,
    RunsModule,
    SettingsModule,
    TemplatesModule,
  ],
  providers: [
    SandboxMessageRepository,
    ProviderRegistry,
    DeliveryRendererService,
    SameDayAppointmentsService,
    CreditsNoticeService,
    AdminAlertService,
    DeliveryOutcomeService,
    DeliveryReceiptService,
    DeliveryStatusRefreshService,
    DispatcherService,
    SandboxPrivacyService,
    ProviderRateSlotRepository,
    ProviderRateService,
  ],
  exports: [
    AdminAlertService,
    DispatcherService,
    ProviderRegistry,
    DeliveryReceiptService,
    DeliveryStatusRefreshService,
    SandboxPrivacyService,
  ],
})
export class DispatcherModule {}
