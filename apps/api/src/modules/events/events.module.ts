import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module';
import { DirectoryModule } from '../directory/directory.module';
import { RunsModule } from '../runs/runs.module';
import { SettingsModule } from '../settings/settings.module';
import { EventStoreModule } from './event-store.module';
import { EventService } from './event.service';
import { EventsController } from './events.controller';

@Module({
  imports: [EventStoreModule, AppointmentsModule, DirectoryModule, SettingsModule, RunsModule],
  controllers: [EventsController],
  providers: [EventService],
  exports: [EventService],
})
export class EventsModule {}
