import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module';
import { DirectoryModule } from '../directory/directory.module';
import { EventsModule } from '../events/events.module';
import { RunsModule } from '../runs/runs.module';
import { SettingsModule } from '../settings/settings.module';
import { EventIntakeService } from './event-intake.service';
import { EventsController } from './events.controller';

/**
 * The PMS's way in (`/api/events`): events recorded once, applied to the appointment book and the directory,
 * and handed to the engine; the sweep finishes what an intake that died left behind. Owns no collection.
 */
@Module({
  imports: [AppointmentsModule, DirectoryModule, EventsModule, RunsModule, SettingsModule],
  controllers: [EventsController],
  providers: [EventIntakeService],
  exports: [EventIntakeService],
})
export class IntakeModule {}
