import { Module } from '@nestjs/common';
import { AppointmentRepository } from '../appointments/appointment.repository';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import {
  LocationRepository,
  PatientRepository,
  ResourceRepository,
  ServiceRepository,
} from '../directory/directory.repository';
import { EvaluationContextService } from '../runs/evaluation-context.service';
import { SettingsModule } from '../settings/settings.module';
import { TemplatesModule } from '../templates/templates.module';
import { BatchProgressRepository, BatchSendRepository } from './batch-send.repository';
import { BatchSendService } from './batch-send.service';
import { OneOffSendService } from './one-off-send.service';
import { SendsController } from './sends.controller';

/**
 * Ad-hoc sends: one-off messages (F12) and batches (F11). Their messages are deliveries like a flow's, so
 * the dispatcher, the report and the live events treat them the same. The context (patient, appointment,
 * service, resource, location) is read as the runs read it, so the same template variables work.
 */
@Module({
  imports: [DeliveriesModule, SettingsModule, TemplatesModule],
  controllers: [SendsController],
  providers: [
    AppointmentRepository,
    PatientRepository,
    ServiceRepository,
    ResourceRepository,
    LocationRepository,
    EvaluationContextService,
    BatchSendRepository,
    BatchProgressRepository,
    OneOffSendService,
    BatchSendService,
  ],
})
export class SendsModule {}
