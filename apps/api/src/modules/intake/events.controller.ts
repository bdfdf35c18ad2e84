import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiSecurity,
  ApiTags,
  ApiBearerAuth,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { API_KEY_SCOPES } from '@clinicflow/contract';
import { z } from 'zod';
import { openApiSchema, ZodBody, ZodQuery, ZodValidationPipe } from '../../http/zod-validation';
import { AllowApiKey, ClinicId, CurrentPrincipal, Principal } from '../../http/principal';
import {
  bulkEventsSchema,
  eventExample,
  EventListQuery,
  eventListQuerySchema,
  PmsEvent,
  pmsEventSchema,
} from '../events/event.dto';
import { EventService } from '../events/event.service';
import { EventIntakeService } from './event-intake.service';

/** The answer while the database is away (http/api-exception.filter.ts): the PMS posts the same events again. */
const databaseAway = {
  status: 503,
  description:
    'The database did not answer: post the same events again (same ids) after the `Retry-After` seconds.',
  schema: {
    example: { statusCode: 503, message: 'The database did not answer; try again shortly', errors: [] },
  },
};

@ApiTags('events')
@ApiSecurity('api-key')
@ApiBearerAuth()
@AllowApiKey()
@Controller('events')
export class EventsController {
  constructor(
    private readonly intake: EventIntakeService,
    private readonly events: EventService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Receive one PMS event: 202 when new, 200 with duplicate: true when already received.',
  })
  @ApiResponse({ status: 202, schema: { example: { accepted: true, duplicate: false } } })
  @ApiResponse({ status: 200, schema: { example: { accepted: true, duplicate: true } } })
  @ApiResponse(databaseAway)
  async receive(
    @ClinicId() clinicId: string,
    @ZodBody(pmsEventSchema, eventExample) body: PmsEvent,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withStatus(res, await this.intake.receive(clinicId, body));
  }

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Receive up to 1 000 events; each gets its own answer (accepted, duplicate, errors).',
  })
  @ApiBody({ schema: { ...openApiSchema(bulkEventsSchema), example: { events: [eventExample] } } })
  @ApiResponse(databaseAway)
  @ApiOkResponse({
    schema: {
      example: {
        results: [
          { index: 0, id: 'pms-evt-123', accepted: true, duplicate: false, errors: [] },
          {
            index: 1,
            id: 'x',
            accepted: false,
            duplicate: false,
            errors: [{ path: 'body.events.1.type', message: 'Invalid option' }],
          },
        ],
      },
    },
  })
  receiveMany(
    @ClinicId() clinicId: string,
    @Body(new ZodValidationPipe(bulkEventsSchema, 'body')) body: z.infer<typeof bulkEventsSchema>,
  ) {
    return this.intake.receiveMany(clinicId, body.events);
  }

  @Get()
  @AllowApiKey('events', 'reports')
  @ApiOperation({ summary: 'Received events, newest first (filter by appointment or type).' })
  @ApiOkResponse({
    schema: {
      example: {
        items: [{ id: 'pms-evt-123', type: 'appointment.booked', status: 'applied' }],
        total: 1,
        page: 1,
        pageSize: 20,
      },
    },
  })
  list(@ClinicId() clinicId: string, @ZodQuery(eventListQuerySchema) query: EventListQuery) {
    return this.events.list(clinicId, query);
  }

  @Get('probe')
  @AllowApiKey(...API_KEY_SCOPES)
  @ApiOperation({ summary: 'Check an API key: answers its clinic and, for a key, its scopes (PMS set-up).' })
  @ApiOkResponse({
    schema: {
      example: {
        ok: true,
        clinicId: 'c0a80101-0000-4000-8000-000000000001',
        scopes: ['events', 'directory'],
      },
    },
  })
  probe(@CurrentPrincipal() principal: Principal) {
    return {
      ok: true,
      clinicId: principal.clinicId,
      ...(principal.scopes ? { scopes: principal.scopes } : {}),
    };
  }
}

/** api.md: 202 for a new event, 200 for a duplicate. */
function withStatus(res: Response, answer: { accepted: boolean; duplicate: boolean }) {
  res.status(answer.duplicate ? 200 : 202);
  return answer;
}
