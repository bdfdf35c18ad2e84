import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AllowApiKey, CurrentPrincipal, Principal } from '../auth/principal';

@ApiTags('events')
@ApiSecurity('api-key')
@AllowApiKey()
@Controller('events')
export class EventsController {
  @Get('probe')
  @ApiOperation({ summary: 'Check an API key: answers its clinic (PMS set-up).' })
  @ApiOkResponse({ schema: { example: { ok: true, clinicId: 'c0a80101-0000-4000-8000-000000000001' } } })
  probe(@CurrentPrincipal() principal: Principal) {
    return { ok: true, clinicId: principal.clinicId };
  }
}
