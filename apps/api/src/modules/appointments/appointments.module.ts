import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { AppointmentRepository } from './appointment.repository';
import { AppointmentService } from './appointment.service';
import { AppointmentsController } from './appointments.controller';

/** The appointment book as the PMS's events wrote it; each appointment with its history of events. */
@Module({
  imports: [EventsModule],
  controllers: [AppointmentsController],
  providers: [AppointmentRepository, AppointmentService],
  exports: [AppointmentService],
})
export class AppointmentsModule {}
