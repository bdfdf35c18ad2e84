import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ZodBody } from '../../http/zod-validation';
import { OperatorOnly, Origin, type RequestOrigin } from '../../http/principal';
import { type OperatorClinicInput, operatorClinicSchema } from './operator.dto';
import { OperatorService } from './operator.service';

const clinicExample = {
  id: 'c0a80101-0000-4000-8000-000000000001',
  name: 'Cabinet dentaire des Lilas',
  timeZone: 'Europe/Paris',
  createdAt: '2026-03-20T10:00:00.000Z',
  disabledAt: null,
};

/**
 * The platform operator's routes for hosting providers, with `X-Operator-Key` (`CLINICFLOW_OPERATOR_KEY`).
 * They exist only when that variable is set.
 */
@ApiTags('operator')
@ApiSecurity('operator-key')
@OperatorOnly()
@Controller('operator/clinics')
export class OperatorController {
  constructor(private readonly operator: OperatorService) {}

  @Post()
  @ApiOperation({
    summary:
      'Create a clinic (test mode, the starter flows as drafts) and invite its manager: the answer carries the one-time link (72 h) with which they choose a password.',
  })
  @ApiCreatedResponse({
    schema: {
      example: {
        clinicId: clinicExample.id,
        name: clinicExample.name,
        managerEmail: 'camille@cabinet-des-lilas.fr',
        setPasswordLink: 'https://clinic.example.com/set-password#<token>',
        expiresAt: '2026-03-23T10:00:00.000Z',
      },
    },
  })
  create(
    @ZodBody(operatorClinicSchema, {
      name: clinicExample.name,
      timeZone: 'Europe/Paris',
      country: 'FR',
      defaultLanguage: 'fr',
      manager: { email: 'camille@cabinet-des-lilas.fr', name: 'Camille Martin' },
    })
    body: OperatorClinicInput,
    @Origin() origin: RequestOrigin,
  ) {
    return this.operator.create(body, origin);
  }

  @Get()
  @ApiOperation({ summary: 'Every clinic of the installation.' })
  @ApiOkResponse({ schema: { example: [clinicExample] } })
  list() {
    return this.operator.list();
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Disable a clinic: its users and API keys are refused, nothing is sent any more.',
  })
  @ApiOkResponse({ schema: { example: { id: clinicExample.id, disabled: true } } })
  disable(@Param('id') id: string, @Origin() origin: RequestOrigin) {
    return this.operator.disable(id, origin);
  }
}
