import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DirectoryModule } from '../directory/directory.module';
import { EventsModule } from '../events/events.module';
import { FlowsModule } from '../flows/flows.module';
import { SettingsModule } from '../settings/settings.module';
import { DailyTriggerService } from './daily-trigger.service';
import { DayListService } from './day-list.service';
import { EvaluationContextService } from './evaluation-context.service';
import { EventEngineService } from './event-engine.service';
import { InternalEventService } from './internal-event.service';
import { ManualRunService } from './manual-run.service';
import { ManualRunsController } from './manual-runs.controller';
import { ResourceAlertService } from './resource-alert.service';
import { ResourceAlertsController } from './resource-alerts.controller';
import { RunAdvanceRepository } from './run-advance.repository';
import { RunAdvanceService } from './run-advance.service';
import { RunFlowsService } from './run-flows.service';
import { RunOutcomeService } from './run-outcome.service';
import { RunTimerRepository } from './run-timer.repository';
import { RunTimerService } from './run-timer.service';
import { RunWebhookRepository } from './run-webhook.repository';
import { RunExplorerService } from './run-explorer.service';
import { RunPrivacyService } from './run-privacy.service';
import { RunRepository } from './run.repository';
import { RunsController } from './runs.controller';
import { RunService } from './run.service';

/**
 * Runs: events → runs → planned deliveries, timers, reschedule/cancel, resource alerts. What it reads of
 * other modules (settings, flows, the appointment book, the directory, deliveries) it reads through their
 * services; it writes only its own collections (runs, their timers, advances and webhooks). Staff start runs
 * from the editor too: a practitioner late or absent (F9), a flow run by hand for chosen patients (B1); and the
 * run explorer reads runs and retries one an engine error ended.
 */
@Module({
  imports: [AppointmentsModule, DeliveriesModule, DirectoryModule, EventsModule, FlowsModule, SettingsModule],
  controllers: [ResourceAlertsController, ManualRunsController, RunsController],
  providers: [
    RunRepository,
    RunTimerRepository,
    RunAdvanceRepository,
    RunWebhookRepository,
    RunFlowsService,
    RunOutcomeService,
    EvaluationContextService,
    DayListService,
    DailyTriggerService,
    InternalEventService,
    RunAdvanceService,
    EventEngineService,
    RunTimerService,
    RunService,
    RunPrivacyService,
    ResourceAlertService,
    ManualRunService,
    RunExplorerService,
  ],
  exports: [
    RunService,
    RunPrivacyService,
    RunTimerService,
    EventEngineService,
    EvaluationContextService,
    DailyTriggerService,
  ],
})
export class RunsModule {}
