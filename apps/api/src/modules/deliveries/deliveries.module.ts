import { Module } from '@nestjs/common';
import { DeliveryClaimRepository } from './delivery-claim.repository';
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
];

/** Deliveries: the messages, their dispatch queue, their claims and their provider ids. */
@Module({ providers: [...repositories], exports: [...repositories] })
export class DeliveriesModule {}
