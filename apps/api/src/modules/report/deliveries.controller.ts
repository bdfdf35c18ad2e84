import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiSecurity,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { creditsRetryProgressSchema, creditsRetrySchema, sentByOptionsSchema } from '@clinicflow/contract';
import { openApiSchema, ZodBody, ZodQuery } from '../../http/zod-validation';
import { AllowApiKey, ClinicId, CurrentPrincipal, Principal } from '../../http/principal';
import { DeliveryRefreshService } from './delivery-refresh.service';
import { DeliveryActionsService } from './delivery-actions.service';
import { CREDITS_STILL_EMPTY, DeliveryCreditsRetryService } from './delivery-credits-retry.service';
import {
  creditsRetryExample,
  creditsRetryProgressExample,
  DeliveryCancel,
  deliveryCancelSchema,
  deliveryDetailExample,
  deliveryExportCsvExample,
  DeliveryExportQuery,
  deliveryExportQuerySchema,
  DeliveryListQuery,
  deliveryListExample,
  deliveryListQuerySchema,
  DeliverySummaryQuery,
  deliverySummaryExample,
  deliverySummaryQuerySchema,
  sentByOptionsExample,
} from './delivery-report.dto';
import { DeliveryReportService } from './delivery-report.service';
import { DeliveryExportService, NOTHING_TO_EXPORT } from './delivery-export.service';

@ApiTags('deliveries')
@ApiBearerAuth()
@Controller('deliveries')
export class DeliveriesController {
  constructor(
    private readonly report: DeliveryReportService,
    private readonly actions: DeliveryActionsService,
    private readonly refresher: DeliveryRefreshService,
    private readonly exporter: DeliveryExportService,
    private readonly creditsRetries: DeliveryCreditsRetryService,
  ) {}

  @Get()
  @AllowApiKey('reports')
  @ApiSecurity('api-key')
  @ApiOperation({
    summary:
      'The message summary report: deliveries filtered by created / to-send / delivered ranges (instants, or clinic-local days), status and channel (comma-separated lists), flow, service, resource and patient name or number (q); newest first, or in the order `sort` asks (`createdAt`, `sendAt` or `deliveredAt`, `-` for newest first; ties by creation then id, so pages never repeat or skip a row), with totals by status and by channel over the whole filter.',
  })
  @ApiOkResponse({ schema: { example: deliveryListExample } })
  list(@ClinicId() clinicId: string, @ZodQuery(deliveryListQuerySchema) query: DeliveryListQuery) {
    return this.report.list(clinicId, query);
  }

  @Get('summary')
  @AllowApiKey('reports')
  @ApiSecurity('api-key')
  @ApiOperation({
    summary:
      'Counts per clinic-local send day × status × channel over a range of send days (`from`/`to`, the last 30 by default), with credits used: the report’s chart. Takes the list’s other filters (status, channel, flow, service, resource, patient, appointment, batch, created and delivered ranges, q), so it counts the rows the list shows.',
  })
  @ApiOkResponse({ schema: { example: deliverySummaryExample } })
  summary(@ClinicId() clinicId: string, @ZodQuery(deliverySummaryQuerySchema) query: DeliverySummaryQuery) {
    return this.report.summary(clinicId, query);
  }

  @Get('export')
  @AllowApiKey('reports')
  @ApiSecurity('api-key')
  @ApiOperation({
    summary:
      'The filtered report as a file (CSV, UTF-8 with BOM, RFC 4180; or XLSX), streamed in the list’s order (`sort`, newest first by default), times in the clinic’s time zone, headers in `lang`. The file holds personal health-related data: `confirm=personal-data` is required (400 naming `query.confirm` without it). Zero matching rows answer 422 instead of an empty file.',
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({
    description: 'The file, as an attachment named deliveries-<clinic-local day>.<format>',
    content: {
      'text/csv': { schema: { type: 'string', example: deliveryExportCsvExample } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiBadRequestResponse({ description: 'Missing confirmation or an invalid filter, naming the field' })
  @ApiUnprocessableEntityResponse({ description: NOTHING_TO_EXPORT })
  async export(
    @CurrentPrincipal() principal: Principal,
    @ZodQuery(deliveryExportQuerySchema) query: DeliveryExportQuery,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.exporter.open(principal, query);
    response.status(200);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    response.setHeader('Cache-Control', 'no-store');
    await file.writeTo(response);
  }

  @Get('sent-by')
  @ApiOperation({
    summary:
      'The choices of the report’s “sent by” filter (S3): the engine (the flows’ messages and notices), then the clinic’s users, whose e-mail is the filter’s value.',
  })
  @ApiOkResponse({ schema: { ...openApiSchema(sentByOptionsSchema), example: sentByOptionsExample } })
  sentBy(@ClinicId() clinicId: string) {
    return this.report.sentByOptions(clinicId);
  }

  @Get('credits-retries')
  @ApiOperation({
    summary:
      'How many messages are still failed for want of SMS credits, and how many of those sent again after a top-up the engine has yet to send (S7).',
  })
  @ApiOkResponse({
    schema: { ...openApiSchema(creditsRetryProgressSchema), example: creditsRetryProgressExample },
  })
  creditsRetryProgress(@ClinicId() clinicId: string) {
    return this.creditsRetries.progress(clinicId);
  }

  @Post('credits-retries')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Retry all failed for credits (S7): after a top-up, sends again every message of the clinic that failed with credits-exhausted (each as `POST …/:id/retry` would); answers how many, and how many are left for the engine to send. With credits per practitioner, those of a practitioner still at zero stay failed (`unpaid`).',
  })
  @ApiOkResponse({ schema: { ...openApiSchema(creditsRetrySchema), example: creditsRetryExample } })
  @ApiConflictResponse({ description: CREDITS_STILL_EMPTY })
  retryFailedForCredits(@CurrentPrincipal() principal: Principal) {
    return this.creditsRetries.retryAll(principal);
  }

  @Get(':id')
  @AllowApiKey('reports')
  @ApiSecurity('api-key')
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
