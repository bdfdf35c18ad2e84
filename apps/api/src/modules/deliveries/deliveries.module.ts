import { Module } from '@nestjs/common';
import { DeliveryCancelService } from './delivery-cancel.service';
import { DeliveryClaimRepository } from './delivery-claim.repository';
import { DeliveryPlanningService } from './delivery-planning.service';
import { DeliveryQueueRepository } from './delivery-queue.repository';
import { DeliveryRepository } from './delivery.repository';
import { DeliveryStatusService } from './delivery-status.service';
import { ProviderMessageRepository } from './provider-message.repository';

const repositories = [
  DeliveryRepository,
  DeliveryQueueRepository,
  DeliveryClaimRepository,
  ProviderMessageRepository,
  DeliveryStatusService,
  DeliveryPlanningService,
  DeliveryCancelService,
];

/** Deliveries: the messages, their dispatch queue, their claims and their provider ids. */
@Module({ providers: [...repositories], exports: [...repositories] })
export class DeliveriesModule {}
