import { Controller, Header, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { HANG_UP_TWIML } from '@clinicflow/channels';
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

const twilioKeypressExample = {
  CallSid: 'CA0123456789abcdef0123456789abcdef',
  Digits: '1',
  From: '+33145678900',
  To: '+33612345678',
  Direction: 'outbound-api',
};
const inboundEmailExample = [
  'From: Léa Martin <lea.martin@example.org>',
  'To: reponses@cabinet-des-lilas.fr',
  'Subject: Re: Votre rendez-vous',
  'Message-ID: <reply-1@example.org>',
  'In-Reply-To: <ZGx2XzNmMmE@clinicflow.invalid>',
  '',
  'Oui, je confirme.',
  '',
  '> Répondez C pour confirmer, N pour annuler.',
].join('\r\n');

/**
 * Where providers call back. No user token: Twilio-style callbacks carry `X-Twilio-Signature`, checked
 * against PUBLIC_URL + the path (403 when it does not match); e-mail replies come as the raw message signed
 * with the clinic's inbound secret (`X-Clinicflow-Signature`, 403 without a secret or a match); the sandbox
 * takes JSON signed with the clinic's callback secret (`X-Clinicflow-Signature: sha256=<hex HMAC-SHA256 of the
 * raw body>`, shown in the provider settings; 403 without a match, and nothing changes).
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
      'A delivery receipt from the clinic’s provider (Twilio-style form with X-Twilio-Signature, or the sandbox’s JSON ' +
      '{ providerMessageId, status } with X-Clinicflow-Signature: sha256=<hex HMAC-SHA256 of the body with the clinic’s callback secret>).',
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
      'A message a patient sent: a Twilio-style form with X-Twilio-Signature, the sandbox’s JSON { from, to, text } ' +
      'with X-Clinicflow-Signature (HMAC-SHA256 of the body with the clinic’s callback secret, GET /api/settings/callback-secret), ' +
      'or (provider smtp) the raw e-mail as message/rfc822 with X-Clinicflow-Signature: sha256=<hex HMAC-SHA256 of ' +
      'the body with the clinic’s inbound secret>; it answers the question its In-Reply-To names. Confirm / ' +
      'decline, STOP, or the inbox.',
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json', 'message/rfc822')
  @ApiBody({
    schema: { type: 'object', example: twilioInboundExample },
    examples: {
      twilio: { value: twilioInboundExample },
      email: { value: inboundEmailExample, summary: 'message/rfc822 (provider smtp)' },
    },
  })
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

  @Post('keypress')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  @ApiOperation({
    summary:
      'The key a patient pressed on a call that asked a question (Twilio-style <Gather> action, with ' +
      'X-Twilio-Signature): 1 confirms, 2 declines. Answers TwiML that ends the call.',
  })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ schema: { type: 'object', example: twilioKeypressExample } })
  @ApiOkResponse({ content: { 'text/xml': { schema: { type: 'string', example: HANG_UP_TWIML } } } })
  @ApiForbiddenResponse({ description: 'The signature does not match' })
  @ApiNotFoundResponse({ description: 'The clinic has no voice provider of that kind' })
  keypress(
    @Param('clinicId') clinicId: string,
    @Param('provider') provider: string,
    @Req() request: Request,
  ) {
    return this.callbacks.keypress(clinicId, provider, this.callbackOf(request));
  }

  /** The callback as the provider signed it: the public URL it posted to, its headers and form fields. */
  private callbackOf(request: Request) {
    const base =
      this.config.get('PUBLIC_URL', { infer: true }) ?? `${request.protocol}://${request.get('host')}`;
    return {
      body: request.body as unknown,
      headers: request.headers,
      url: `${base.replace(/\/+$/, '')}${request.originalUrl}`,
      rawBody: (request as Request & { rawBody?: Buffer }).rawBody,
    };
  }
}
