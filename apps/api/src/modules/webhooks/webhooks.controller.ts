import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { webhookEndpointInputSchema, type WebhookEndpointInput } from '@clinicflow/contract';
import { ClinicId, CurrentPrincipal, ManagersOnly, Principal } from '../../http/principal';
import { openApiSchema, ZodValidationPipe } from '../../http/zod-validation';
import { WebhookEndpointsService } from './webhook-endpoints.service';

const inputExample = {
  url: 'https://pms.example.org/clinicflow/webhooks',
  events: ['appointment.confirmed', 'appointment.declined', 'delivery.status_changed'],
  description: 'Practice software',
  enabled: true,
};
const endpointExample = {
  id: 'whe_7c1d…',
  ...inputExample,
  disabledReason: null,
  createdAt: '2026-03-20T10:00:00.000Z',
};
const messageExample = {
  id: 'whm_2a9f…',
  eventId: 'msg_5be1…',
  type: 'appointment.confirmed',
  status: 'delivered',
  createdAt: '2026-03-20T10:05:00.000Z',
  nextAttemptAt: null,
  attempts: [{ at: '2026-03-20T10:05:01.000Z', statusCode: 200, latencyMs: 84, error: null }],
};

@ApiTags('settings')
@ApiBearerAuth()
@ManagersOnly()
@Controller('settings/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhookEndpointsService) {}

  @Get()
  @ApiOperation({ summary: "The clinic's webhook endpoints (managers)." })
  @ApiOkResponse({ schema: { example: [endpointExample] } })
  list(@ClinicId() clinicId: string) {
    return this.webhooks.list(clinicId);
  }

  @Post()
  @ApiOperation({
    summary:
      'Register an endpoint: its events are POSTed to it signed per the Standard Webhooks spec with the secret ' +
      'answered here, once. 400 naming body.url for a local or private address (managers).',
  })
  @ApiBody({ schema: { ...openApiSchema(webhookEndpointInputSchema), example: inputExample } })
  @ApiCreatedResponse({
    schema: { example: { ...endpointExample, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' } },
  })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(webhookEndpointInputSchema, 'body')) body: WebhookEndpointInput,
  ) {
    return this.webhooks.create(principal, body);
  }

  @Get('flow-steps/secret')
  @ApiOperation({
    summary: "The secret the clinic's flows' webhook steps are signed with (Standard Webhooks; managers).",
  })
  @ApiOkResponse({ schema: { example: { secret: 'whsec_…' } } })
  async flowStepsSecret(@ClinicId() clinicId: string) {
    return { secret: await this.webhooks.flowStepsSecret(clinicId) };
  }

  @Put(':id')
  @ApiOperation({ summary: 'Change an endpoint; enabled: true turns on one that was turned off (managers).' })
  @ApiBody({ schema: { ...openApiSchema(webhookEndpointInputSchema), example: inputExample } })
  @ApiOkResponse({ schema: { example: endpointExample } })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body(new ZodValidationPipe(webhookEndpointInputSchema, 'body')) body: WebhookEndpointInput,
  ) {
    return this.webhooks.update(principal, id, body);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove an endpoint: its waiting messages are given up (managers).' })
  @ApiOkResponse({ schema: { example: { removed: true } } })
  async remove(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    await this.webhooks.remove(principal, id);
    return { removed: true };
  }

  @Post(':id/secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new secret for the endpoint, shown this once (managers).' })
  @ApiOkResponse({ schema: { example: { secret: 'whsec_…' } } })
  newSecret(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.webhooks.newSecret(principal, id);
  }

  @Get(':id/messages')
  @ApiOperation({
    summary:
      "The endpoint's delivery log: its latest 50 messages with each attempt's status code and latency.",
  })
  @ApiOkResponse({ schema: { example: [messageExample] } })
  messages(@ClinicId() clinicId: string, @Param('id') id: string) {
    return this.webhooks.messagesOf(clinicId, id);
  }

  @Post(':id/messages/:messageId/resend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a message again now, with the same webhook-id (managers).' })
  @ApiOkResponse({ schema: { example: { ...messageExample, status: 'pending' } } })
  resend(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('messageId') messageId: string,
  ) {
    return this.webhooks.resend(principal, id, messageId);
  }
}
