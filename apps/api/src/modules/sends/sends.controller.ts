import { Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { HttpCode } from '@nestjs/common';
import { ZodBody } from '../../http/zod-validation';
import { ClinicId, CurrentPrincipal, Principal } from '../../http/principal';
import { deliveryDetailExample } from '../report/delivery-report.dto';
import { BatchSendService } from './batch-send.service';
import { OneOffSendService } from './one-off-send.service';
import {
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
      'The recipients of a batch (F11): appointments in a range of clinic-local days, by resource, service, insurer, already sent or not; rows without an address say why.',
  })
  @ApiOkResponse({ schema: { example: { items: [batchRowExample], total: 1, sendable: 1 } } })
  preview(@ClinicId() clinicId: string, @ZodBody(batchQuerySchema, batchQueryExample) body: BatchQuery) {
    return this.batches.preview(clinicId, body);
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
