import { Module } from '@nestjs/common';
import { EventRepository } from './event.repository';
import { EventService } from './event.service';
import { PendingEventRepository } from './pending-event.repository';

/** The event log and its outbox: what the PMS (and the engine itself) said happened, stored once. */
@Module({
  providers: [EventRepository, PendingEventRepository, EventService],
  exports: [EventService],
})
export class EventsModule {}
