import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DispatcherModule } from '../dispatcher/dispatcher.module';
import { FlowsModule } from '../flows/flows.module';
import { RunsModule } from '../runs/runs.module';
import { SettingsModule } from '../settings/settings.module';
import { UsersModule } from '../users/users.module';
import { DeliveriesController } from './deliveries.controller';
import { DeliveryActionsService } from './delivery-actions.service';
import { DeliveryCreditsRetryService } from './delivery-credits-retry.service';
import { DeliveryExportService } from './delivery-export.service';
import { DeliveryRefreshService } from './delivery-refresh.service';
import { DeliveryReportService } from './delivery-report.service';

/**
 * The message summary report's API (issue 8): deliveries listed with totals, one in detail, retry, cancel, export,
 * and "retry all failed for credits" (S7).
 */
@Module({
  imports: [DeliveriesModule, DispatcherModule, FlowsModule, RunsModule, SettingsModule, UsersModule],
  controllers: [DeliveriesController],
  providers: [
    DeliveryRefreshService,
    DeliveryReportService,
    DeliveryActionsService,
    DeliveryExportService,
    DeliveryCreditsRetryService,
  ],
  exports: [DeliveryReportService],
})
export class ReportModule {}
