import { Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ClinicId } from '../../http/principal';
import { ZodBody } from '../../http/zod-validation';
import { ResourceAlertService } from './resource-alert.service';
import {
  ResourceAbsence,
  resourceAbsenceExample,
  resourceAbsenceSchema,
  resourceAlertAnswerExample,
  ResourceDelay,
  resourceDelayExample,
  resourceDelaySchema,
} from './staff-actions.dto';

/** 202 when the request was new, 200 when its request id had come before (as `/api/events` answers). */
function withStatus<Answer extends { duplicate: boolean }>(res: Response, answer: Answer): Answer {
  res.status(answer.duplicate ? 200 : 202);
  return answer;
}

@ApiTags('directory')
@ApiBearerAuth()
@Controller('resources')
export class ResourceAlertsController {
  constructor(private readonly alerts: ResourceAlertService) {}

  @Post(':id/delays')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'The practitioner is running late (F9): records resource.delayed; the flows that start on it tell every patient still to come today.',
  })
  @ApiResponse({ status: 202, schema: { example: resourceAlertAnswerExample } })
  @ApiBadRequestResponse({ description: 'A field is wrong; errors[].path names it (e.g. body.minutes)' })
  @ApiNotFoundResponse({ description: 'No resource of that id in the clinic' })
  async delay(
    @ClinicId() clinicId: string,
    @Param('id') id: string,
    @ZodBody(resourceDelaySchema, resourceDelayExample) body: ResourceDelay,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withStatus(res, await this.alerts.delay(clinicId, id, body));
  }

  @Post(':id/absences')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'The practitioner is absent on a range of clinic days (F9): records resource.absent; the flows that start on it tell the patients of every day of it still to come.',
  })
  @ApiResponse({ status: 202, schema: { example: resourceAlertAnswerExample } })
  @ApiBadRequestResponse({ description: 'A field is wrong; errors[].path names it (e.g. body.absence.to)' })
  @ApiNotFoundResponse({ description: 'No resource of that id in the clinic' })
  async absence(
    @ClinicId() clinicId: string,
    @Param('id') id: string,
    @ZodBody(resourceAbsenceSchema, resourceAbsenceExample) body: ResourceAbsence,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withStatus(res, await this.alerts.absence(clinicId, id, body));
  }
}
