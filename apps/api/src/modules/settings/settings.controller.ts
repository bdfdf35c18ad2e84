import { Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe, ZodBody } from '../../http/zod-validation';
import { ClinicId, CurrentPrincipal, ManagersOnly, Principal } from '../../http/principal';
import {
  Channel,
  CHANNELS,
  channelParamSchema,
  settingsExample,
  settingsViewExample,
  SettingsUpdate,
  settingsUpdateSchema,
  TopUp,
  topUpSchema,
} from './settings.dto';
import { SettingsService } from './settings.service';

const creditsExample = settingsViewExample.credits;

@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @ApiOperation({ summary: "The clinic's settings; provider credentials come back masked." })
  @ApiOkResponse({ schema: { example: settingsViewExample } })
  get(@ClinicId() clinicId: string) {
    return this.settings.view(clinicId);
  }

  @Put()
  @ManagersOnly()
  @ApiOperation({
    summary:
      'Change settings: each section given replaces that section; provider credentials left out are kept. ' +
      '`previous` may name the values a section was edited from: 409 naming the section when someone ' +
      'changed it since.',
  })
  @ApiOkResponse({ schema: { example: settingsViewExample } })
  update(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(settingsUpdateSchema, settingsExample) body: SettingsUpdate,
  ) {
    return this.settings.update(principal, body);
  }

  @Post('credits/top-ups')
  @ManagersOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Add credits to the clinic (or to one practitioner) and record the top-up.' })
  @ApiOkResponse({ schema: { example: creditsExample } })
  topUp(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(topUpSchema, { credits: 500, note: 'Pack 500', requestId: 'pack-500-2026-03-20' }) body: TopUp,
  ) {
    return this.settings.topUp(principal, body);
  }

  @Post('providers/:channel/test')
  @ManagersOnly()
  @HttpCode(200)
  @ApiParam({ name: 'channel', enum: CHANNELS })
  @ApiOperation({
    summary:
      "Test the connection of the channel's provider: `result` is connected, refused, timed-out, tls-failed or " +
      'not-allowed (a local or private address not in CLINICFLOW_ALLOWED_PROVIDER_HOSTS); the remote’s answer is never echoed.',
  })
  @ApiOkResponse({
    schema: { example: { ok: true, result: 'connected', message: 'Sandbox sms provider is reachable' } },
  })
  testConnection(
    @ClinicId() clinicId: string,
    @Param('channel', new ZodValidationPipe(channelParamSchema, 'params.channel')) channel: Channel,
  ) {
    return this.settings.testConnection(clinicId, channel);
  }
}
