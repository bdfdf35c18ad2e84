import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { HttpCode } from '@nestjs/common';
import { ZodBody } from '../../http/zod-validation';
import { ClinicId, CurrentPrincipal, Principal } from '../../http/principal';
import { deliveryDetailExample } from '../report/delivery-report.dto';
import { BatchListExportService, NO_RECIPIENT_TO_EXPORT } from './batch-list-export.service';
import { BatchSendService } from './batch-send.service';
import { OneOffSendService } from './one-off-send.service';
import {
  BATCH_LIST_PERSONAL_DATA,
  BatchListExport,
  batchListCsvExample,
  batchListExportExample,
  batchListExportSchema,
  BatchQuery,
  batchQueryExample,
  batchQuerySchema,
  batchExample,
  batchRowExample,
  BatchSend,
  batchSendExample,
  batchSendSchema,
  OneOffSend,
  oneOffExample,
  oneOffSendSchema,
} from './send.dto';

@ApiTags('sends')
@ApiBearerAuth()
@Controller()
export class SendsController {
  constructor(
    private readonly oneOff: OneOffSendService,
    private readonly batches: BatchSendService,
    private readonly lists: BatchListExportService,
  ) {}

  @Post('sends')
  @ApiOperation({
    summary:
      'A one-off message (F12) to a patient (patientId) or to any number or address (to), now or at sendAt.',
  })
  @ApiCreatedResponse({
    schema: {
      example: {
        ...deliveryDetailExample,
        origin: 'one-off',
        status: 'scheduled',
        recipient: { type: 'custom', name: 'Léa Martin', address: '+33612345678' },
      },
    },
  })
  @ApiBadRequestResponse({ description: 'A field is wrong; errors[].path names it (e.g. body.to)' })
  send(@CurrentPrincipal() principal: Principal, @ZodBody(oneOffSendSchema, oneOffExample) body: OneOffSend) {
    return this.oneOff.send(principal, body);
  }

  @Post('batch-sends/preview')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The recipients of a batch (F11): appointments in a range of clinic-local days (by practitioner, service, specialty: the service’s group or the practitioner’s specialty, status, already sent or not), or every patient with a valid contact (`mode: patients`, no appointment needed); both by the patient’s group and insurer. A row that cannot be sent says why: no address on the channel, the channel switched off, no consent.',
  })
  @ApiOkResponse({ schema: { example: { items: [batchRowExample], total: 1, sendable: 1 } } })
  preview(@ClinicId() clinicId: string, @ZodBody(batchQuerySchema, batchQueryExample) body: BatchQuery) {
    return this.batches.preview(clinicId, body);
  }

  @Post('batch-sends/preview/export')
  @HttpCode(200)
  @ApiOperation({
    summary: `The preview's list as a CSV file before sending (F11; UTF-8 with BOM, RFC 4180, times in the clinic's zone, headers in \`lang\`): every row with why it cannot be sent and whether it was taken out by hand (\`removed\`). The file holds personal data (patients' names, phone numbers or e-mail addresses and appointment times): \`confirm: personal-data\` is required (400 naming \`body.confirm\` without it). No row answers 422 instead of an empty file.`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The file, as an attachment named batch-list-<clinic-local day>.csv',
    content: { 'text/csv': { schema: { type: 'string', example: batchListCsvExample } } },
  })
  @ApiBadRequestResponse({
    description: `Missing confirmation or a bad query, naming the field (${BATCH_LIST_PERSONAL_DATA})`,
  })
  @ApiUnprocessableEntityResponse({ description: NO_RECIPIENT_TO_EXPORT })
  async exportList(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(batchListExportSchema, batchListExportExample) body: BatchListExport,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.lists.open(principal, body);
    response.status(200);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    response.setHeader('Cache-Control', 'no-store');
    await file.writeTo(response);
  }

  @Post('batch-sends')
  @ApiOperation({
    summary:
      'Sends a batch: the query’s rows minus those removed by hand, one message per phone when asked; answers the batch with who was left out and why.',
  })
  @ApiCreatedResponse({ schema: { example: batchExample } })
  create(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(batchSendSchema, batchSendExample) body: BatchSend,
  ) {
    return this.batches.create(principal, body);
  }

  @Get('batch-sends/:id')
  @ApiOperation({ summary: 'A batch send and its progress: its messages counted by status.' })
  @ApiOkResponse({ schema: { example: batchExample } })
  @ApiNotFoundResponse({ description: 'No such batch in this clinic' })
  get(@ClinicId() clinicId: string, @Param('id') id: string) {
    return this.batches.get(clinicId, id);
  }
}
