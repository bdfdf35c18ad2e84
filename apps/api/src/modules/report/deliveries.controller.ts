import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ZodBody, ZodQuery } from '../../http/zod-validation';
import { ClinicId, CurrentPrincipal, Principal } from '../auth/principal';
import { DeliveryRefreshService } from './delivery-refresh.service';
import { DeliveryActionsService } from './delivery-actions.service';
import {
  DeliveryCancel,
  deliveryCancelSchema,
  deliveryDetailExample,
  DeliveryListQuery,
  deliveryListExample,
  deliveryListQuerySchema,
  DeliverySummaryQuery,
  deliverySummaryExample,
  deliverySummaryQuerySchema,
} from './delivery-report.dto';
import { DeliveryReportService } from './delivery-report.service';

@ApiTags('deliveries')
@ApiBearerAuth()
@Controller('deliveries')
export class DeliveriesController {
  constructor(
    private readonly report: DeliveryReportService,
    private readonly actions: DeliveryActionsService,
    private readonly refresher: DeliveryRefreshService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The message summary report: deliveries filtered by created / to-send / delivered ranges (instants, or clinic-local days), status and channel (comma-separated lists), flow, service, resource and patient name or number (q); newest first, with totals by status and by channel over the whole filter.',
  })
  @ApiOkResponse({ schema: { example: deliveryListExample } })
  list(@ClinicId() clinicId: string, @ZodQuery(deliveryListQuerySchema) query: DeliveryListQuery) {
    return this.report.list(clinicId, query);
  }

  @Get('summary')
  @ApiOperation({
    summary:
      'Counts per clinic-local send day × status × channel over a range of days (the last 30 by default), with credits used: the report’s chart.',
  })
  @ApiOkResponse({ schema: { example: deliverySummaryExample } })
  summary(@ClinicId() clinicId: string, @ZodQuery(deliverySummaryQuerySchema) query: DeliverySummaryQuery) {
    return this.report.summary(clinicId, query);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'One delivery: its text and subject, sender, segments and credits, provider id, error and status history.',
  })
  @ApiOkResponse({ schema: { example: deliveryDetailExample } })
  @ApiNotFoundResponse({ description: 'No such delivery in this clinic' })
  get(@ClinicId() clinicId: string, @Param('id') id: string) {
    return this.report.get(clinicId, id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sends a failed or expired delivery again (409 from any other status).' })
  @ApiOkResponse({ schema: { example: { ...deliveryDetailExample, status: 'scheduled' } } })
  @ApiConflictResponse({ description: 'The delivery is neither failed nor expired' })
  retry(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.actions.retry(principal, id);
  }

  @Post(':id/refresh')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Asks the provider what became of a sent message now (S2) and applies its answer (409 unless sent).',
  })
  @ApiOkResponse({ schema: { example: { ...deliveryDetailExample, providerAnswered: true } } })
  @ApiConflictResponse({ description: 'The delivery is not waiting for a receipt' })
  refresh(@ClinicId() clinicId: string, @Param('id') id: string) {
    return this.refresher.refresh(clinicId, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancels a scheduled or retrying delivery (409 once it is being sent or later).' })
  @ApiOkResponse({ schema: { example: { ...deliveryDetailExample, status: 'cancelled' } } })
  @ApiConflictResponse({ description: 'The delivery is no longer pending' })
  cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @ZodBody(deliveryCancelSchema, { reason: 'Patient called to cancel' }) body: DeliveryCancel,
  ) {
    return this.actions.cancel(principal, id, body?.reason);
  }
}
