import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ManagersOnly, type Principal } from '../../http/principal';
import { EventIntakeService } from './event-intake.service';

/**
 * Events the engine set aside after their attempts (listed by `GET /api/status`), put back by a manager once
 * the cause is fixed. Not for API keys: the PMS sends events, staff decide about those that failed.
 */
@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsSetAsideController {
  constructor(private readonly intake: EventIntakeService) {}

  @Post(':id/process-again')
  @ManagersOnly()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Process again an event the engine set aside (its attempts spent): it goes back to the engine at its next tick, with its attempts afresh. `id` is the event’s id as the PMS sent it.',
  })
  @ApiOkResponse({
    description: 'Put back: pending again, the engine processes it within seconds.',
    schema: { example: { id: 'pms-evt-123', status: 'pending' } },
  })
  @ApiNotFoundResponse({ description: 'The clinic has no event of this id set aside.' })
  async processAgain(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    await this.intake.processAgain(principal, id);
    return { id, status: 'pending' as const };
  }
}
