import { Module } from '@nestjs/common';
import { AppointmentRepository } from '../appointments/appointment.repository';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import {
  LocationRepository,
  PatientRepository,
  ResourceRepository,
  ServiceRepository,
} from '../directory/directory.repository';
import { EventStoreModule } from '../events/event-store.module';
import { FlowRepository, FlowVersionRepository } from '../flows/flow.repository';
import { SettingsModule } from '../settings/settings.module';
import { EvaluationContextService } from './evaluation-context.service';
import { EventEngineService } from './event-engine.service';
import { PendingEventRepository } from './pending-event.repository';
import { RunAdvanceRepository } from './run-advance.repository';
import { RunFlowsService } from './run-flows.service';
import { RunOutcomeService } from './run-outcome.service';
import { RunTimerRepository } from './run-timer.repository';
import { RunTimerService } from './run-timer.service';
import { RunWebhookRepository } from './run-webhook.repository';
import { RunRepository } from './run.repository';
import { RunService } from './run.service';

/**
 * Runs: events → runs → planned deliveries, timers, reschedule/cancel, resource alerts. The collections it
 * reads of other modules (flows, appointments, directory) are read through their repositories here, so
 * this module depends on no other module's services.
 */
@Module({
  imports: [DeliveriesModule, EventStoreModule, SettingsModule],
  providers: [
    RunRepository,
    RunTimerRepository,
    RunAdvanceRepository,
    PendingEventRepository,
    RunWebhookRepository,
    FlowRepository,
    FlowVersionRepository,
    AppointmentRepository,
    PatientRepository,
    ServiceRepository,
    ResourceRepository,
    LocationRepository,
    RunFlowsService,
    RunOutcomeService,
    EvaluationContextService,
    RunService,
    RunTimerService,
    EventEngineService,
  ],
  exports: [RunService, RunTimerService, EventEngineService],
})
export class RunsModule {}
