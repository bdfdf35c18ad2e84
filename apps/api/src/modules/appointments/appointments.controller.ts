import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ZodQuery } from '../../http/zod-validation';
import { AllowApiKey, ClinicId } from '../../http/principal';
import {
  appointmentExample,
  AppointmentListQuery,
  appointmentListQuerySchema,
  NextVisitsQuery,
  nextVisitsQuerySchema,
} from './appointment.dto';
import { AppointmentService } from './appointment.service';

@ApiTags('appointments')
@ApiBearerAuth()
@ApiSecurity('api-key')
@AllowApiKey('reports')
@Controller('appointments')
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentService) {}

  @Get()
  @ApiOperation({
    summary: 'Appointments by clinic-local day, resource, patient and status, in start order.',
  })
  @ApiOkResponse({ schema: { example: { items: [appointmentExample], total: 1, page: 1, pageSize: 50 } } })
  list(@ClinicId() clinicId: string, @ZodQuery(appointmentListQuerySchema) query: AppointmentListQuery) {
    return this.appointments.list(clinicId, query);
  }

  @Get('next-visits')
  @ApiOperation({
    summary:
      "Each named patient's next visit (first booked or confirmed appointment still to come); patients without one are left out.",
  })
  @ApiOkResponse({
    schema: {
      example: { items: [{ patientId: appointmentExample.patientId, appointment: appointmentExample }] },
    },
  })
  nextVisits(@ClinicId() clinicId: string, @ZodQuery(nextVisitsQuerySchema) query: NextVisitsQuery) {
    return this.appointments.nextVisits(clinicId, query.patientIds);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One appointment with its history (every event that touched it).' })
  @ApiOkResponse({
    schema: {
      example: {
        ...appointmentExample,
        history: [{ id: 'pms-evt-123', type: 'appointment.booked', occurredAt: '2026-03-20T10:00:00.000Z' }],
      },
    },
  })
  get(@ClinicId() clinicId: string, @Param('id') id: string) {
    return this.appointments.get(clinicId, id);
  }
}
