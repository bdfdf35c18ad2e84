import { ArgumentsHost, Catch, HttpStatus } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiExceptionFilter } from '../../http/api-exception.filter';
import { closedLinkPage } from './appointment-page';
import { pageAnswer, pageLanguageOf } from './page-layout';

/**
 * The patient's pages answer an error as a page in the browser's language, not the API's JSON: a patient who
 * taps a link while the database is away, or taps too often, reads why. The status, its logging and its
 * `Retry-After` are the API's (`ApiExceptionFilter`).
 */
@Catch()
export class PatientPageErrorFilter extends ApiExceptionFilter {
  protected override answer(host: ArgumentsHost, statusCode: number): void {
    const http = host.switchToHttp();
    const language = pageLanguageOf(null, http.getRequest<Request>().get('accept-language'));
    pageAnswer(http.getResponse<Response>(), statusCode, closedLinkPage(language, pageErrorOf(statusCode)));
  }
}

/** What the page says for a status. */
function pageErrorOf(statusCode: number): Parameters<typeof closedLinkPage>[1] {
  if (statusCode === HttpStatus.TOO_MANY_REQUESTS) return 'tooMany';
  if (statusCode === HttpStatus.NOT_FOUND) return 'invalid';
  return statusCode < 500 ? 'badRequest' : 'unavailable';
}
