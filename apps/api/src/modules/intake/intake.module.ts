import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module';
import { DirectoryModule } from '../directory/directory.module';
import { EventsModule } from '../events/events.module';
import { RunsModule } from '../runs/runs.module';
import { SettingsModule } from '../settings/settings.module';
import { EventIntakeService } from './event-intake.service';
import { EventsController } from './events.controller';
import { EventsSetAsideController } from './events-set-aside.controller';
import { PatientIntakeController } from './patient-intake.controller';
import { PatientIntakeService } from './patient-intake.service';

/**
 * The PMS's way in (`/api/events`): events recorded once, applied to the appointment book and the directory,
 * and handed to the engine; the sweep finishes what an intake that died left behind. New patients (from an
 * event, the PMS's key or staff: `POST /api/patients`) are recorded as `patient.created` events and handed to
 * the engine too. An event that fails its attempts is set aside (the engine tells the admin) until a manager
 * processes it again. Owns no collection.
 */
@Module({
  imports: [AppointmentsModule, DirectoryModule, EventsModule, RunsModule, SettingsModule],
  controllers: [EventsController, EventsSetAsideController, PatientIntakeController],
  providers: [EventIntakeService, PatientIntakeService],
  exports: [EventIntakeService, PatientIntakeService],
})
export class IntakeModule {}
