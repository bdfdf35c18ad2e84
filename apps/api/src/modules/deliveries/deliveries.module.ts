import { Module } from '@nestjs/common';
import { DeliveryCancelService } from './delivery-cancel.service';
import { DeliveryClaimRepository } from './delivery-claim.repository';
import { DeliveryPlanningService } from './delivery-planning.service';
import { DeliveryPrivacyService } from './delivery-privacy.service';
import { DeliveryQueueRepository } from './delivery-queue.repository';
import { DeliveryQueueService } from './delivery-queue.service';
import { DeliveryReportRepository } from './delivery-report.repository';
import { DeliveryRetryService } from './delivery-retry.service';
import { DeliveryStatsRepository } from './delivery-stats.repository';
import { DeliveryRepository } from './delivery.repository';
import { DeliveryService } from './delivery.service';
import { DeliveryStatusService } from './delivery-status.service';
import { ProviderMessageRepository } from './provider-message.repository';

const services = [
  DeliveryService,
  DeliveryPlanningService,
  DeliveryStatusService,
  DeliveryCancelService,
  DeliveryRetryService,
  DeliveryQueueService,
  DeliveryPrivacyService,
];
/** Read-only: the report's and the counters' queries, offered as they are. */
const queries = [DeliveryReportRepository, DeliveryStatsRepository];

/**
 * Deliveries: the messages (`deliveries`), their dispatch queue, their claims and their provider ids. Only
 * this module writes them; the dispatcher, the report and the engine go through its services.
 */
@Module({
  providers: [
    DeliveryRepository,
    DeliveryQueueRepository,
    DeliveryClaimRepository,
    ProviderMessageRepository,
    ...services,
    ...queries,
  ],
  exports: [...services, ...queries],
})
export class DeliveriesModule {}
