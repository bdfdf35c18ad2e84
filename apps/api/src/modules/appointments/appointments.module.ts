import { Module } from '@nestjs/common';
import { EventStoreModule } from '../events/event-store.module';
import { AppointmentRepository } from './appointment.repository';
import { AppointmentService } from './appointment.service';
import { AppointmentsController } from './appointments.controller';

@Module({
  imports: [EventStoreModule],
  controllers: [AppointmentsController],
  providers: [AppointmentRepository, AppointmentService],
  exports: [AppointmentService],
})
export class AppointmentsModule {}
