import { Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodBody, ZodQuery } from '../../http/zod-validation';
import { ClinicId, CurrentPrincipal, Principal } from '../../http/principal';
import { InboxChange, inboxChangeSchema, inboxItemExample, InboxQuery, inboxQuerySchema } from './inbox.dto';
import { InboxService } from './inbox.service';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({
    summary:
      'Received replies the engine did not understand (all=true: every reply), newest first, filtered by read and followUp; with the unread count.',
  })
  @ApiOkResponse({
    schema: { example: { items: [inboxItemExample], total: 1, page: 1, pageSize: 20, unread: 1 } },
  })
  list(@ClinicId() clinicId: string, @ZodQuery(inboxQuerySchema) query: InboxQuery) {
    return this.inbox.list(clinicId, query);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Marks a reply read or unread, and sets or clears its follow-up flag.' })
  @ApiOkResponse({
    schema: {
      example: {
        ...inboxItemExample,
        read: true,
        readAt: '2026-03-24T17:30:00.000Z',
        readBy: 'accueil@cabinet.fr',
      },
    },
  })
  @ApiNotFoundResponse({ description: 'No such reply in this clinic' })
  change(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @ZodBody(inboxChangeSchema, { read: true, followUp: true }) body: InboxChange,
  ) {
    return this.inbox.change(principal, id, body);
  }
}
