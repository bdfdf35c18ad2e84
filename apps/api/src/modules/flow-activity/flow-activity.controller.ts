import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodQuery } from '../../http/zod-validation';
import { ClinicId } from '../../http/principal';
import { flowActivityExample, FlowActivityQuery, flowActivityQuerySchema } from './flow-activity.dto';
import { FlowActivityService } from './flow-activity.service';

@ApiTags('flows')
@ApiBearerAuth()
@Controller('flows')
export class FlowActivityController {
  constructor(private readonly activity: FlowActivityService) {}

  @Get(':id/activity')
  @ApiOperation({
    summary:
      "Per step counts of a clinic day (today in the clinic's time zone by default): runs entered, waiting now, messages sent, skipped and failed (by send day); and the latest 20 outcomes.",
  })
  @ApiOkResponse({ schema: { example: flowActivityExample } })
  @ApiNotFoundResponse({ description: 'No such flow in the caller’s clinic.' })
  get(
    @ClinicId() clinicId: string,
    @Param('id') id: string,
    @ZodQuery(flowActivityQuerySchema) query: FlowActivityQuery,
  ) {
    return this.activity.activity(clinicId, id, query);
  }
}
