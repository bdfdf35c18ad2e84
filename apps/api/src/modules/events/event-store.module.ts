import { Module } from '@nestjs/common';
import { EventRepository } from './event.repository';

/** The stored events, shared by intake (events) and history (appointments). */
@Module({ providers: [EventRepository], exports: [EventRepository] })
export class EventStoreModule {}
