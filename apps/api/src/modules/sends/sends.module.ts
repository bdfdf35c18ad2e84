import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DirectoryModule } from '../directory/directory.module';
import { RunsModule } from '../runs/runs.module';
import { SettingsModule } from '../settings/settings.module';
import { TemplatesModule } from '../templates/templates.module';
import { UsersModule } from '../users/users.module';
import { BatchListExportService } from './batch-list-export.service';
import { BatchRecipientsService } from './batch-recipients.service';
import { BatchSendRepository } from './batch-send.repository';
import { BatchSendService } from './batch-send.service';
import { OneOffSendService } from './one-off-send.service';
import { SendsController } from './sends.controller';

/**
 * Ad-hoc sends: one-off messages (F12) and batches (F11). Their messages are deliveries like a flow's, so
 * the dispatcher, the report and the live events treat them the same. The context (patient, appointment,
 * service, resource, location) is read as the runs read it, so the same template variables work.
 */
@Module({
  imports: [
    AppointmentsModule,
    DeliveriesModule,
    DirectoryModule,
    RunsModule,
    SettingsModule,
    TemplatesModule,
    UsersModule,
  ],
  controllers: [SendsController],
  providers: [
    BatchSendRepository,
    OneOffSendService,
    BatchRecipientsService,
    BatchSendService,
    BatchListExportService,
  ],
})
export class SendsModule {}
