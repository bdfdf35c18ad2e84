import { Module } from '@nestjs/common';
import { DeliveryCancelService } from '../deliveries/delivery-cancel.service';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { SettingsModule } from '../settings/settings.module';
import { DeliveriesController } from './deliveries.controller';
import { DeliveryActionsService } from './delivery-actions.service';
import { DeliveryReportRepository } from './delivery-report.repository';
import { DeliveryReportService } from './delivery-report.service';

/** The message summary report's API (issue 8): deliveries listed with totals, one in detail, retry, cancel. */
@Module({
  imports: [DeliveriesModule, SettingsModule],
  controllers: [DeliveriesController],
  // DeliveryCancelService is stateless; provided here too so the report does not depend on what
  // DeliveriesModule chooses to export.
  providers: [DeliveryCancelService, DeliveryReportRepository, DeliveryReportService, DeliveryActionsService],
  exports: [DeliveryReportService],
})
export class ReportModule {}
