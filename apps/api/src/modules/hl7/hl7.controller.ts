import { Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { hl7ConnectionSchema, type Hl7Connection } from '@clinicflow/contract';
import { ClinicId, CurrentPrincipal, ManagersOnly, Principal } from '../../http/principal';
import { ZodBody } from '../../http/zod-validation';
import { Hl7SettingsService } from './hl7-settings.service';

const connectionExample = {
  sendingFacility: 'CABINET_PARC',
  allowedPeers: ['192.0.2.10', '10.20.0.0/24'],
  onlineApplications: ['AGENDA_WEB'],
};
const viewExample = {
  connection: { ...connectionExample, hasSecret: true },
  listener: { port: 2575, tls: false },
  messages: [
    {
      id: 'hl7m_5f0c…',
      receivedAt: '2026-03-20T10:00:01.000Z',
      controlId: 'MSG-0001',
      type: 'SIU^S12',
      outcome: 'accepted',
      reason: null,
      eventType: 'appointment.booked',
      text: null,
    },
  ],
};

@ApiTags('settings')
@ApiBearerAuth()
@ManagersOnly()
@Controller('settings/hl7')
export class Hl7Controller {
  constructor(private readonly hl7: Hl7SettingsService) {}

  @Get()
  @ApiOperation({
    summary:
      "The clinic's HL7 connection (sending facility of MSH-4, allowed peers, whether MSH-8 must carry a secret), " +
      'where the listener is, and the last 50 messages with their outcome (managers).',
  })
  @ApiOkResponse({ schema: { example: viewExample } })
  get(@ClinicId() clinicId: string) {
    return this.hl7.view(clinicId);
  }

  @Put()
  @ApiOperation({
    summary:
      'Connect the PMS under its sending facility (MSH-4), or change it or its allowed peers; 409 naming ' +
      '`body.sendingFacility` when another connection has that facility (managers).',
  })
  @ApiOkResponse({ schema: { example: viewExample } })
  connect(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(hl7ConnectionSchema, connectionExample) body: Hl7Connection,
  ) {
    return this.hl7.connect(principal, body);
  }

  @Delete()
  @ApiOperation({ summary: 'Disconnect the PMS: its HL7 messages are refused from now on (managers).' })
  @ApiOkResponse({ schema: { example: { ...viewExample, connection: null, messages: [] } } })
  disconnect(@CurrentPrincipal() principal: Principal) {
    return this.hl7.disconnect(principal);
  }

  @Post('secret')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'A new secret for MSH-8, shown this once (only its hash is kept); messages with another are refused ' +
      '(managers). 404 without a connection.',
  })
  @ApiOkResponse({ schema: { example: { secret: 'k3Xw…32 characters' } } })
  newSecret(@CurrentPrincipal() principal: Principal) {
    return this.hl7.newSecret(principal);
  }

  @Delete('secret')
  @ApiOperation({
    summary:
      'Stop asking for a secret: the allowed peers alone decide, and with none every message is refused.',
  })
  @ApiOkResponse({ schema: { example: viewExample } })
  removeSecret(@CurrentPrincipal() principal: Principal) {
    return this.hl7.removeSecret(principal);
  }
}
