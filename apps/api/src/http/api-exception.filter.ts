import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { InvalidCallbackError } from '@clinicflow/channels';
import { isRulesError, RulesErrorCode } from '@clinicflow/rules';
import type { Response } from 'express';
import { AppError, AppErrorCode } from '../common/app-error';
import type { ApiErrorBody } from './api-error';
import { loggedError } from '../common/logged-error';
import { isTransientError } from '../database/transient-error';

/** How long a client is told to wait before trying again after the database did not answer. */
export const DATABASE_AWAY_RETRY_SECONDS = 5;

interface BodyParserError {
  type: string;
  status: number;
  message: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && 'type' in error && 'status' in error;
}

/** Terminus's 503 body, which api.md keeps as it is: `{ status: 'error', info, error, details }`. */
interface HealthReport {
  status: string;
  details: unknown;
}

function isHealthReport(response: unknown): response is HealthReport {
  return typeof response === 'object' && response !== null && 'status' in response && 'details' in response;
}

/** The HTTP status of each code of the API's own errors (exhaustive: a new code fails to compile). */
export function appErrorStatus(code: AppErrorCode): number {
  switch (code) {
    case AppErrorCode.Invalid:
      return HttpStatus.BAD_REQUEST;
    case AppErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
    case AppErrorCode.Conflict:
      return HttpStatus.CONFLICT;
    case AppErrorCode.Unprocessable:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case AppErrorCode.Unauthorized:
      return HttpStatus.UNAUTHORIZED;
    case AppErrorCode.Forbidden:
      return HttpStatus.FORBIDDEN;
    case AppErrorCode.Gone:
      return HttpStatus.GONE;
    case AppErrorCode.TooManyRequests:
      return HttpStatus.TOO_MANY_REQUESTS;
  }
}

/** The HTTP status of each code of the rules library's errors (exhaustive). */
export function rulesErrorStatus(code: RulesErrorCode): number {
  switch (code) {
    case RulesErrorCode.InvalidFlow:
    case RulesErrorCode.InvalidContext:
    case RulesErrorCode.InvalidSimulationRequest:
    case RulesErrorCode.UnknownNode:
    case RulesErrorCode.UnknownTimeZone:
    case RulesErrorCode.InvalidTime:
      return HttpStatus.BAD_REQUEST;
    case RulesErrorCode.RunEnded:
      return HttpStatus.CONFLICT;
  }
}

/** Turns anything thrown in a request into the error body of api.md; unknown errors are 500 and logged. */
export function toErrorBody(error: unknown): ApiErrorBody | HealthReport {
  if (error instanceof AppError) {
    return { statusCode: appErrorStatus(error.code), message: error.message, errors: error.problems };
  }
  if (isRulesError(error)) {
    const errors = error.problems.map((p) => ({ path: p.path, message: p.message }));
    return { statusCode: rulesErrorStatus(error.code), message: error.message, errors };
  }
  if (error instanceof InvalidCallbackError) {
    return { statusCode: HttpStatus.FORBIDDEN, message: error.message, errors: [] };
  }
  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    const response = error.getResponse();
    if (isHealthReport(response)) return response;
    if (typeof response === 'object' && response !== null && 'errors' in response) {
      const body = response as Partial<ApiErrorBody>;
      return { statusCode, message: body.message ?? error.message, errors: body.errors ?? [] };
    }
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? [(response as { message: unknown }).message].flat().join('; ')
        : error.message;
    // Our own validation always names its fields; a bare 400 comes from Nest itself, which turns a body that
    // is not JSON into BadRequestException before any handler runs: the body is what is wrong.
    return { statusCode, message, errors: statusCode === 400 ? [{ path: 'body', message }] : [] };
  }
  if (isBodyParserError(error)) {
    if (error.type === 'entity.too.large') {
      return {
        statusCode: 413,
        message: 'Request body is larger than 1 MB',
        errors: [{ path: 'body', message: 'too large' }],
      };
    }
    return { statusCode: error.status, message: error.message, errors: [] };
  }
  // The database away for a moment is the service unavailable, not a fault of the request: a PMS retries a
  // 503 with Retry-After (the same event id), where a 500 reads as a bug.
  if (isTransientError(error)) {
    return {
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      message: 'The database did not answer; try again shortly',
      errors: [],
    };
  }
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Internal server error', errors: [] };
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(error: unknown, host: ArgumentsHost) {
    const body = toErrorBody(error);
    const statusCode = 'statusCode' in body ? body.statusCode : HttpStatus.SERVICE_UNAVAILABLE;
    if (statusCode === HttpStatus.SERVICE_UNAVAILABLE && 'statusCode' in body) {
      // The database away is an outage to watch, not a bug to trace: one line, the error's kind only.
      this.logger.warn(`Answered 503: the database did not answer (${(error as Error).name})`);
    } else if (statusCode >= 500 && 'statusCode' in body) {
      this.logger.error(loggedError(error));
    }
    const response = host.switchToHttp().getResponse<Response>();
    // A refusal for too many attempts says when to try again (a throttler's 429 has set it already).
    if (error instanceof AppError && error.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(error.retryAfterSeconds));
    } else if (statusCode === HttpStatus.SERVICE_UNAVAILABLE && 'statusCode' in body) {
      response.setHeader('Retry-After', String(DATABASE_AWAY_RETRY_SECONDS));
    }
    this.answer(host, statusCode, body);
  }

  /** Writes the answer, its headers set: the JSON body of api.md (the patient's pages answer a page instead). */
  protected answer(host: ArgumentsHost, statusCode: number, body: ApiErrorBody | HealthReport): void {
    host.switchToHttp().getResponse<Response>().status(statusCode).json(body);
  }
}
