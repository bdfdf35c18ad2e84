import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClinicId, CurrentPrincipal, ManagersOnly, Principal } from '../../http/principal';
import { CallbackSecretService } from './callback-secret.service';

const example = { secret: '9f2c4e…64 hex characters' };

@ApiTags('settings')
@ApiBearerAuth()
@ManagersOnly()
@Controller('settings/callback-secret')
export class CallbackSecretController {
  constructor(private readonly secrets: CallbackSecretService) {}

  @Get()
  @ApiOperation({
    summary:
      'The secret sandbox callbacks are signed with: X-Clinicflow-Signature: sha256=<hex HMAC-SHA256 of the raw ' +
      'body with this secret> on /api/providers/{clinicId}/sandbox/inbound and /status (managers).',
  })
  @ApiOkResponse({ schema: { example } })
  get(@ClinicId() clinicId: string) {
    return this.secrets.reveal(clinicId);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replace the callback secret: callbacks signed with the old one are refused (managers).',
  })
  @ApiOkResponse({ schema: { example } })
  regenerate(@CurrentPrincipal() principal: Principal) {
    return this.secrets.regenerate(principal);
  }
}
