import { Body, Controller, Param, Post, Put, Req, Res, UseFilters } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AllowApiKey, ClinicId } from '../../http/principal';
import {
  appointmentExample,
  createdOutcomeExample,
  FHIR_CONTENT_TYPES,
  invalidOutcomeExample,
  notificationExample,
  transactionExample,
  transactionResponseExample,
} from './fhir.dto';
import { FhirExceptionFilter } from './fhir-exception.filter';
import { FhirAnswer, FhirService } from './fhir.service';

const unauthorized = { status: 401, description: 'No or a wrong X-Api-Key: an OperationOutcome (login).' };

@ApiTags('fhir')
@ApiSecurity('api-key')
@ApiBearerAuth()
@AllowApiKey()
@UseFilters(FhirExceptionFilter)
@ApiConsumes(...FHIR_CONTENT_TYPES)
@ApiProduces('application/fhir+json')
@Controller('fhir')
export class FhirController {
  constructor(private readonly fhir: FhirService) {}

  @Post('Appointment')
  @ApiOperation({
    summary:
      'Receive a FHIR R4 Appointment as the PMS holds it now: booked, moved, cancelled, no-show or attended is derived from what clinicflow holds. 201 for a new booking, 200 otherwise; 400 names the FHIR path.',
  })
  @ApiBody({ schema: { type: 'object', example: appointmentExample } })
  @ApiResponse({ status: 201, schema: { example: createdOutcomeExample } })
  @ApiResponse({ status: 400, schema: { example: invalidOutcomeExample } })
  @ApiResponse(unauthorized)
  async appointment(
    @ClinicId() clinicId: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    return answered(res, await this.fhir.receiveAppointment(clinicId, body));
  }

  @Put('Appointment/:id')
  @ApiOperation({
    summary:
      'The same as POST, as a FHIR update (what an R4 Subscription rest-hook with a payload sends): the body’s id, when present, must be the URL’s.',
  })
  @ApiBody({ schema: { type: 'object', example: appointmentExample } })
  @ApiResponse({ status: 200, schema: { example: createdOutcomeExample } })
  @ApiResponse({ status: 400, schema: { example: invalidOutcomeExample } })
  @ApiResponse(unauthorized)
  async updateAppointment(
    @ClinicId() clinicId: string,
    @Param('id') id: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    return answered(res, await this.fhir.receiveAppointment(clinicId, body, id));
  }

  @Post()
  @ApiOperation({
    summary:
      'Receive a FHIR Bundle of type transaction (all or nothing) or batch (each entry on its own) carrying Appointment and Patient entries: a transaction-response or batch-response Bundle, one entry per entry.',
  })
  @ApiBody({ schema: { type: 'object', example: transactionExample } })
  @ApiResponse({ status: 200, schema: { example: transactionResponseExample } })
  @ApiResponse({ status: 400, schema: { example: invalidOutcomeExample } })
  @ApiResponse(unauthorized)
  async bundle(
    @ClinicId() clinicId: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    return answered(res, await this.fhir.receiveBundle(clinicId, body));
  }

  @Post('subscription-notification')
  @ApiOperation({
    summary:
      'A FHIR Subscription rest-hook endpoint: a notification Bundle (R4 backport history, or R4B/R5 subscription-notification) with full resources, or a bare Appointment. 200, or 400 naming the refused entries.',
  })
  @ApiBody({ schema: { type: 'object', example: notificationExample } })
  @ApiResponse({ status: 200, schema: { example: createdOutcomeExample } })
  @ApiResponse({ status: 400, schema: { example: invalidOutcomeExample } })
  @ApiResponse(unauthorized)
  async notification(
    @ClinicId() clinicId: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return answered(res, await this.fhir.receiveNotification(clinicId, payloadOf(req)));
  }
}

/**
 * The parsed body; undefined when the request carried none (an R4 rest-hook ping), null when it carried one the
 * JSON parser did not take (`application/fhir+xml`), as a body parser leaves both the same.
 */
function payloadOf(req: Request): unknown {
  const sent =
    req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  return sent ? (req.body ?? null) : undefined;
}

/** FHIR's status and content type on the answer. */
function answered(res: Response, answer: FhirAnswer) {
  res.status(answer.status).type('application/fhir+json');
  return answer.body;
}
