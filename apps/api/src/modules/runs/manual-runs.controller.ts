import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../../http/principal';
import { ZodBody } from '../../http/zod-validation';
import { ManualRunService } from './manual-run.service';
import {
  manualRunAnswerExample,
  manualRunExample,
  ManualRunRequest,
  manualRunRequestSchema,
} from './staff-actions.dto';

@ApiTags('flows')
@ApiBearerAuth()
@Controller('flows')
export class ManualRunsController {
  constructor(private readonly manualRuns: ManualRunService) {}

  @Post(':id/manual-runs')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Runs a published, enabled flow whose trigger is "manual" for the chosen patients (one run each); the same requestId again starts nothing twice.',
  })
  @ApiOkResponse({ schema: { example: manualRunAnswerExample } })
  @ApiBadRequestResponse({
    description: 'A field is wrong (body.patientIds.N), or the flow cannot run by hand (flow.enabled…)',
  })
  @ApiNotFoundResponse({ description: 'No flow of that id in the clinic' })
  run(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @ZodBody(manualRunRequestSchema, manualRunExample) body: ManualRunRequest,
  ) {
    return this.manualRuns.run(principal, id, body);
  }
}
