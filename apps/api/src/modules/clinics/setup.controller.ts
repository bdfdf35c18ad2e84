import { Controller, Get, Post, UseGuards } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { type Setup, setupSchema } from '@clinicflow/contract';
import { ZodBody } from '../../http/zod-validation';
import { Origin, Public, type RequestOrigin } from '../../http/principal';
import { AccountThrottlerGuard } from '../auth/account-throttler.guard';
import { ClinicService } from './clinic.service';

/** The first run of an empty installation: its first clinic and manager (refused once any clinic exists). */
@ApiTags('setup')
@Public()
@Controller('setup')
export class SetupController {
  constructor(private readonly clinics: ClinicService) {}

  @Get()
  @ApiOperation({ summary: 'Whether this installation still waits for its first clinic (the setup page).' })
  @ApiOkResponse({ schema: { example: { needed: true } } })
  state() {
    return this.clinics.setupState();
  }

  @Post()
  @UseGuards(AccountThrottlerGuard)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @ApiOperation({
    summary:
      'Set up an empty installation: the clinic (test mode, quiet hours 21:00–08:00, opt-in consent, the starter flows as drafts) and its first manager, who is signed in by the answer. 409 once a clinic exists.',
  })
  @ApiCreatedResponse({
    schema: { example: { clinicId: 'c0a80101-0000-4000-8000-000000000001', accessToken: 'eyJhbGciOi...' } },
  })
  @ApiConflictResponse({ description: 'Already set up' })
  setUp(
    @ZodBody(setupSchema, {
      clinic: {
        name: 'Cabinet dentaire des Lilas',
        timeZone: 'Europe/Paris',
        defaultLanguage: 'fr',
        country: 'FR',
      },
      manager: {
        name: 'Camille Martin',
        email: 'camille@cabinet-des-lilas.fr',
        password: 'a-long-passphrase',
      },
    })
    body: Setup,
    @Origin() origin: RequestOrigin,
  ) {
    return this.clinics.setUp(body, origin);
  }
}
