import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ApiBody,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { Env } from '../../config/env';
import { Public } from '../../http/principal';
import { ProviderCallbackService } from './provider-callback.service';

const twilioStatusExample = {
  MessageSid: 'SM0123456789abcdef0123456789abcdef',
  MessageStatus: 'delivered',
  To: '+33612345678',
  From: 'CabinetParc',
};
const twilioInboundExample = {
  MessageSid: 'SMfedcba9876543210fedcba9876543210',
  From: '+33612345678',
  To: '+33700000000',
  Body: 'C',
};

/**
 * Where providers call back. No user token: Twilio-style callbacks carry `X-Twilio-Signature`, checked
 * against PUBLIC_URL + the path (403 when it does not match); the sandbox takes JSON and is its own test bed.
 */
@ApiTags('providers')
@Public()
@Controller('providers/:clinicId/:provider')
export class ProviderCallbacksController {
  constructor(
    private readonly callbacks: ProviderCallbackService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  @Post('status')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'A delivery receipt from the clinic’s provider (Twilio-style form with X-Twilio-Signature, or the sandbox’s JSON { providerMessageId, status }).',
  })
  @ApiBody({ schema: { type: 'object', example: twilioStatusExample } })
  @ApiOkResponse({
    schema: {
      example: { accepted: true, deliveryId: 'dlv_3f2a9c0e8d7b6a5f4e3d2c1b0a9f8e7d', status: 'delivered' },
    },
  })
  @ApiForbiddenResponse({ description: 'The signature does not match' })
  @ApiNotFoundResponse({ description: 'The clinic has no provider of that kind' })
  status(@Param('clinicId') clinicId: string, @Param('provider') provider: string, @Req() request: Request) {
    return this.callbacks.status(clinicId, provider, this.callbackOf(request));
  }

  @Post('inbound')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'A message a patient sent (Twilio-style form with X-Twilio-Signature, or the sandbox’s JSON { from, to, text }): confirm / decline, STOP, or the inbox.',
  })
  @ApiBody({ schema: { type: 'object', example: twilioInboundExample } })
  @ApiOkResponse({
    schema: {
      example: {
        accepted: true,
        replyId: 'rpl_0a1b2c3d4e5f60718293a4b5c6d7e8f9',
        meaning: 'confirmed',
        duplicate: false,
      },
    },
  })
  @ApiForbiddenResponse({ description: 'The signature does not match' })
  @ApiNotFoundResponse({ description: 'The clinic has no provider of that kind' })
  inbound(@Param('clinicId') clinicId: string, @Param('provider') provider: string, @Req() request: Request) {
    return this.callbacks.inbound(clinicId, provider, this.callbackOf(request));
  }

  /** The callback as the provider signed it: the public URL it posted to, its headers and form fields. */
  private callbackOf(request: Request) {
    const base =
      this.config.get('PUBLIC_URL', { infer: true }) ?? `${request.protocol}://${request.get('host')}`;
    return {
      body: request.body as unknown,
      headers: request.headers,
      url: `${base.replace(/\/+$/, '')}${request.originalUrl}`,
    };
  }
}
