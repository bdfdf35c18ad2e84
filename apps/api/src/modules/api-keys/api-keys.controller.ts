import { Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CreateApiKey, createApiKeySchema } from '@clinicflow/contract';
import { ZodBody } from '../../http/zod-validation';
import { ClinicId, CurrentPrincipal, ManagersOnly, Principal } from '../../http/principal';
import { ApiKeyService } from './api-key.service';

const keyExample = {
  id: '3f1c2a9b8d7e6f50',
  name: 'Cabinet PMS',
  createdBy: 'manager@cabinet.fr',
  prefix: 'cf_3f1c2a9b8d7e6f50',
  scopes: ['events', 'directory'],
  createdAt: '2026-03-20T10:00:00.000Z',
  revokedAt: null,
  lastUsedAt: null,
};

@ApiTags('api-keys')
@ApiBearerAuth()
@ManagersOnly()
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeyService) {}

  @Post()
  @ApiOperation({
    summary:
      'Create an API key for the PMS; the key is in this answer only. Scopes: `events` (POST /api/events, the default), `directory` (patients, services, resources, locations and consent), `reports` (GET deliveries, appointments and events).',
  })
  @ApiCreatedResponse({ schema: { example: { ...keyExample, key: 'cf_3f1c2a9b8d7e6f50.<secret>' } } })
  create(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(createApiKeySchema, { name: 'Cabinet PMS', scopes: ['events', 'directory'] }) body: CreateApiKey,
  ) {
    return this.apiKeys.create(principal, body.name, body.scopes);
  }

  @Get()
  @ApiOperation({
    summary:
      "The clinic's API keys (never the secrets), with their label (`name`), their creator and when each was last used (to the minute).",
  })
  @ApiOkResponse({ schema: { example: [keyExample] } })
  list(@ClinicId() clinicId: string) {
    return this.apiKeys.list(clinicId);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke an API key: it stops working at once.' })
  @ApiOkResponse({ schema: { example: { ...keyExample, revokedAt: '2026-03-21T08:00:00.000Z' } } })
  revoke(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.apiKeys.revoke(principal, id);
  }
}
