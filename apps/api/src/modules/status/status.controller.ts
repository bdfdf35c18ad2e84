import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClinicId } from '../../http/principal';
import { ServiceStatusService } from './service-status.service';

const channelExample = {
  enabled: true,
  provider: 'sandbox',
  lastSentAt: '2026-03-24T08:30:02.000Z',
  lastError: {
    at: '2026-03-24T07:00:00.000Z',
    deliveryId: 'dlv_3f2a9c0e8d7b6a5f4e3d2c1b0a9f8e7d',
    code: 'credits-exhausted',
    reason: 'The clinic has no SMS credits left.',
  },
  waiting: 12,
  sentToday: 148,
};

@ApiTags('status')
@ApiBearerAuth()
@Controller('status')
export class StatusController {
  constructor(private readonly status: ServiceStatusService) {}

  @Get()
  @ApiOperation({
    summary:
      'Service status (S8): per channel the last successful send, the last error with its reason, the number waiting and sent today (clinic-local day); the dispatcher lag (seconds since the oldest due message not yet sent); in opt-in mode, how many patients have no consent on each channel (`consent.withoutConsent`, null in the other modes); the events the engine set aside after their attempts (`eventsSetAside`, the oldest 20; `POST /api/events/{id}/process-again` puts one back).',
  })
  @ApiOkResponse({
    schema: {
      example: {
        at: '2026-03-24T09:00:00.000Z',
        communicationsEnabled: true,
        testMode: false,
        waiting: 12,
        sentToday: 160,
        oldestDueAt: '2026-03-24T08:59:58.000Z',
        dispatcherLagSeconds: 2,
        channels: {
          sms: channelExample,
          email: { ...channelExample, lastError: null, waiting: 0, sentToday: 12 },
          voice: {
            ...channelExample,
            enabled: false,
            lastSentAt: null,
            lastError: null,
            waiting: 0,
            sentToday: 0,
          },
          whatsapp: { ...channelExample, lastError: null, waiting: 0, sentToday: 9 },
        },
        consent: {
          mode: 'opt-in',
          patients: 1240,
          withoutConsent: { sms: 312, email: 540, voice: 1240, whatsapp: 880 },
        },
        eventsSetAside: {
          count: 1,
          items: [
            {
              id: 'pms-evt-123',
              type: 'appointment.booked',
              receivedAt: '2026-03-24T06:40:00.000Z',
              attempts: 10,
              lastError: 'MongoServerError (code 2): message withheld from the log',
              setAsideAt: '2026-03-24T08:41:12.000Z',
            },
          ],
        },
      },
    },
  })
  get(@ClinicId() clinicId: string) {
    return this.status.get(clinicId);
  }
}
