import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { Throttle } from '@nestjs/throttler';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PATIENT_LINK_SEGMENTS, PATIENT_PREFIX } from '../../http/patient-paths';
import { Public, requestOrigin } from '../../http/principal';
import { AccountThrottlerGuard } from '../auth/account-throttler.guard';
import { appointmentPage, closedLinkPage, type AppointmentPageOutcome } from './appointment-page';
import {
  AppointmentPageService,
  type FoundPage,
  type OpenPage,
  type PageAction,
} from './appointment-page.service';
import { PatientPageErrorFilter } from './patient-page-error.filter';
import { PatientPageService } from './patient-page.service';
import { preferencesPage } from './preferences-page';
import { PreferencesService } from './preferences.service';
import { pageAnswer, pageLanguageOf } from './page-layout';
import { invalidLink, unsubscribeDone, unsubscribeQuestion } from './unsubscribe-page';

/**
 * The taps one link may make (its POSTs: a button, a preferences form, an unsubscribe), counted per link, not
 * per address: patients behind one address (a carrier's, a proxy's) never share a limit. Each tap may write
 * (consent, its history, the audit); a link used by a script is slowed down, the patient's own taps never are.
 */
const PER_LINK: Parameters<typeof Throttle>[0] = {
  default: {
    limit: 20,
    ttl: 10 * 60_000,
    getTracker: (request: Record<string, unknown>) =>
      String((request.params as Record<string, string>).token),
  },
};

/** A transparent 1×1 GIF. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * The patient's side of the links in their messages, outside `/api` (http/patient-paths.ts): no account, the
 * signed token is the only key. Pages, not JSON: a patient's browser or mail program reads them.
 */
@ApiExcludeController()
@Public()
@UseFilters(PatientPageErrorFilter)
@Controller(PATIENT_PREFIX)
export class PatientPageController {
  constructor(
    private readonly page: PatientPageService,
    private readonly appointmentPages: AppointmentPageService,
    private readonly preferences: PreferencesService,
  ) {}

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
  @UseGuards(AccountThrottlerGuard)
  @Throttle(PER_LINK)
  @HttpCode(200)
  async unsubscribe(@Param('token') token: string, @Req() request: Request, @Res() response: Response) {
    const email = await this.page.unsubscribeTarget(token);
    const language = pageLanguageOf(email?.delivery.language ?? null, request.get('accept-language'));
    if (!email) return pageAnswer(response, 404, invalidLink(language));
    await this.page.unsubscribe(email);
    pageAnswer(response, 200, unsubscribeDone(language, email.clinicName));
  }

  /**
   * A short link of a message (`/p/<token>`): the appointment's page (a GET changes nothing), or for a
   * `links.calendar` link the appointment's calendar file.
   */
  @Get(':token')
  async appointment(@Param('token') token: string, @Req() request: Request, @Res() response: Response) {
    const found = await this.appointmentPages.find(token);
    if (found.status === 'open' && found.page.link.kind === 'calendar')
      return this.answerCalendar(response, request, found);
    if (found.status === 'open' && found.page.link.kind === 'preferences')
      return this.answerPreferences(response, request, found.page);
    this.answerPage(response, request, found);
  }

  /** The page's "Add to my calendar" file: the appointment as it is now (a cancelled one removes the event). */
  @Get(':token/calendar')
  async calendar(@Param('token') token: string, @Req() request: Request, @Res() response: Response) {
    this.answerCalendar(response, request, await this.appointmentPages.find(token));
  }

  /** A button of the page: confirm, cancel (with an optional reason) or ask for another time. */
  @Post(':token')
  @UseGuards(AccountThrottlerGuard)
  @Throttle(PER_LINK)
  @HttpCode(200)
  async act(
    @Param('token') token: string,
    @Body() body: Record<string, unknown> | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const found = await this.appointmentPages.find(token);
    if (found.status !== 'open') return this.answerPage(response, request, found);
    if (found.page.link.kind === 'preferences') {
      const form = {
        channels: listOf(body?.channel),
        purposes: listOf(body?.purpose),
        language: String(body?.language ?? ''),
      };
      const saved = await this.preferences.save(found.page, form, requestOrigin(request));
      return this.answerPreferences(response, request, found.page, saved ? 'saved' : 'bad-request');
    }
    const action = ACTIONS.find((known) => known === body?.action);
    const given = body?.[action === 'reschedule' ? 'wish' : 'reason'] ?? '';
    const text = typeof given === 'string' ? given.trim() : null;
    const outcome =
      !action || text === null || text.length > TEXT_LIMIT
        ? 'bad-request'
        : await this.appointmentPages.act(found.page, action, text);
    // The page as it is now, after the tap.
    const after = outcome === 'bad-request' ? found : await this.appointmentPages.find(token);
    this.answerPage(response, request, after, outcome);
  }

  private async answerPreferences(
    response: Response,
    request: Request,
    page: OpenPage,
    outcome?: 'saved' | 'bad-request',
  ) {
    const language = pageLanguageOf(page.delivery.language, request.get('accept-language'));
    const view = await this.preferences.viewOf(page, language);
    if (!view)
      return pageAnswer(response, 409, appointmentPage(this.appointmentPages.viewOf(page, language), 'gone'));
    if (outcome === 'bad-request')
      return pageAnswer(
        response,
        400,
        appointmentPage(this.appointmentPages.viewOf(page, language), 'bad-request'),
      );
    pageAnswer(response, 200, preferencesPage(view, outcome === 'saved'));
  }

  private answerCalendar(response: Response, request: Request, found: FoundPage) {
    const file = found.status === 'open' ? this.appointmentPages.calendarOf(found.page) : null;
    if (!file) return this.answerPage(response, request, found);
    response
      .status(200)
      .set({
        'Content-Type': `text/calendar; charset=utf-8; method=${file.method.toUpperCase()}`,
        'Content-Disposition': 'attachment; filename="appointment.ics"',
        'Cache-Control': 'no-store, private',
      })
      .send(file.content);
  }

  private answerPage(
    response: Response,
    request: Request,
    found: FoundPage,
    outcome?: AppointmentPageOutcome,
  ) {
    const browser = request.get('accept-language');
    if (found.status === 'invalid')
      return pageAnswer(response, 404, closedLinkPage(pageLanguageOf(null, browser), 'invalid'));
    if (found.status === 'expired')
      return pageAnswer(response, 410, closedLinkPage(pageLanguageOf(found.language, browser), 'expired'));
    const language = pageLanguageOf(found.page.delivery.language, browser);
    const view = this.appointmentPages.viewOf(found.page, language);
    pageAnswer(response, outcome ? OUTCOME_STATUS[outcome] : 200, appointmentPage(view, outcome));
  }
}

/** What the page's forms may post. */
const ACTIONS: readonly PageAction[] = ['confirm', 'cancel', 'reschedule'];
/** The longest reason or wish kept (the textarea's `maxlength`). */
const TEXT_LIMIT = 500;
/** How each outcome is answered: refused taps are 409, so a script can tell; the page says why either way. */
const OUTCOME_STATUS: Record<AppointmentPageOutcome, number> = {
  confirmed: 200,
  'already-confirmed': 200,
  cancelled: 200,
  requested: 200,
  'already-cancelled': 409,
  over: 409,
  gone: 409,
  'bad-request': 400,
};

/** A form field that may be sent once, many times (checkboxes) or not at all. */
function listOf(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}
