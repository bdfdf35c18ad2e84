import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PATIENT_LINK_SEGMENTS, PATIENT_PREFIX } from '../../http/patient-paths';
import { Public } from '../../http/principal';
import { PatientPageService } from './patient-page.service';
import { invalidLink, pageLanguageOf, unsubscribeDone, unsubscribeQuestion } from './unsubscribe-page';

/** A transparent 1×1 GIF. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * The patient's side of the links in their messages, outside `/api` (http/patient-paths.ts): no account, the
 * signed token is the only key. Pages, not JSON: a patient's browser or mail program reads them.
 */
@ApiExcludeController()
@Public()
@Controller(PATIENT_PREFIX)
export class PatientPageController {
  constructor(private readonly page: PatientPageService) {}

  /** The open-tracking image: the same answer whatever the token, so it tells nothing about it. */
  @Get(`${PATIENT_LINK_SEGMENTS.open}/:token`)
  async open(@Param('token') token: string, @Req() request: Request, @Res() response: Response) {
    await this.page.recordOpen(token, request.ip);
    response
      .status(200)
      .set({ 'Content-Type': 'image/gif', 'Cache-Control': 'no-store, private' })
      .end(PIXEL);
  }

  /** The unsubscribe link opened in a browser: a question and its button (a GET never unsubscribes). */
  @Get(`${PATIENT_LINK_SEGMENTS.unsubscribe}/:token`)
  async unsubscribePage(@Param('token') token: string, @Req() request: Request, @Res() response: Response) {
    const email = await this.page.unsubscribeTarget(token);
    const language = pageLanguageOf(email?.delivery.language ?? null, request.get('accept-language'));
    pageAnswer(
      response,
      email ? 200 : 404,
      email ? unsubscribeQuestion(language, email.clinicName) : invalidLink(language),
    );
  }

  /** The button's POST, or a mail program's one-click POST (RFC 8058: `List-Unsubscribe=One-Click`). */
  @Post(`${PATIENT_LINK_SEGMENTS.unsubscribe}/:token`)
  @HttpCode(200)
  async unsubscribe(@Param('token') token: string, @Req() request: Request, @Res() response: Response) {
    const email = await this.page.unsubscribeTarget(token);
    const language = pageLanguageOf(email?.delivery.language ?? null, request.get('accept-language'));
    if (!email) return pageAnswer(response, 404, invalidLink(language));
    await this.page.unsubscribe(email);
    pageAnswer(response, 200, unsubscribeDone(language, email.clinicName));
  }
}

function pageAnswer(response: Response, status: number, html: string) {
  response.status(status).type('html').set('Cache-Control', 'no-store, private').send(html);
}
