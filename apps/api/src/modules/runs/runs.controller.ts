import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ClinicId, ManagersOnly } from '../../http/principal';
import { ZodQuery } from '../../http/zod-validation';
import { runDetailExample, RunListQuery, runListQuerySchema, runPageExample } from './run-explorer.dto';
import { RunExplorerService } from './run-explorer.service';

@ApiTags('runs')
@ApiBearerAuth()
@Controller('runs')
export class RunsController {
  constructor(private readonly explorer: RunExplorerService) {}

  @Get()
  @ApiOperation({
    summary: "A patient's, an appointment's or a flow's runs (one of them is needed), newest first.",
  })
  @ApiOkResponse({ schema: { example: runPageExample } })
  @ApiBadRequestResponse({ description: 'Neither a patient, an appointment nor a flow (query.patientId)' })
  list(@ClinicId() clinicId: string, @ZodQuery(runListQuerySchema) query: RunListQuery) {
    return this.explorer.search(clinicId, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One run with every decision it made (its steps, each with its reason).' })
  @ApiOkResponse({ schema: { example: runDetailExample } })
  @ApiNotFoundResponse({ description: 'No run of that id in the clinic' })
  get(@ClinicId() clinicId: string, @Param('id') id: string) {
    return this.explorer.get(clinicId, id);
  }

  @Post(':id/retry')
  @ManagersOnly()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Retries a run an engine error ended, from the step it stopped at: the failed move is done again (once, ' +
      'whoever asks at the same time).',
  })
  @ApiOkResponse({ schema: { example: runDetailExample } })
  @ApiConflictResponse({ description: 'The run was not ended by an engine error, or a retry is under way' })
  @ApiNotFoundResponse({ description: 'No run of that id in the clinic' })
  retry(@ClinicId() clinicId: string, @Param('id') id: string) {
    return this.explorer.retry(clinicId, id);
  }
}
