import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DirectoryModule } from '../directory/directory.module';
import { DispatcherModule } from '../dispatcher/dispatcher.module';
import { Hl7Module } from '../hl7/hl7.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { RepliesModule } from '../replies/replies.module';
import { RunsModule } from '../runs/runs.module';
import { SettingsModule } from '../settings/settings.module';
import { PatientErasureService } from './patient-erasure.service';
import { PatientExportService } from './patient-export.service';
import { PrivacyController } from './privacy.controller';
import { RetentionService } from './retention.service';

/**
 * Data protection (docs/privacy.md): a patient's erasure and export, and the daily retention. It owns no
 * collection: each owner removes or empties its own documents through its service. Nothing depends on it.
 */
@Module({
  imports: [
    AppointmentsModule,
    DeliveriesModule,
    DirectoryModule,
    DispatcherModule,
    Hl7Module,
    RepliesModule,
    RunsModule,
    SettingsModule,
    WebhooksModule,
  ],
  controllers: [PrivacyController],
  providers: [PatientErasureService, PatientExportService, RetentionService],
})
export class PrivacyModule {}
