import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import { fhirIssue } from '@clinicflow/pms';
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import type { Response } from 'express';
import { loggedError } from '../../common/logged-error';
import { toErrorBody } from '../../http/api-exception.filter';

/** The FHIR issue type of an HTTP status (FHIR's "IssueType" value set). */
function issueCode(status: number): OperationOutcomeIssue['code'] {
  switch (status) {
    case HttpStatus.BAD_REQUEST:
      return 'invalid';
    case HttpStatus.UNAUTHORIZED:
      return 'login';
    case HttpStatus.FORBIDDEN:
      return 'forbidden';
    case HttpStatus.NOT_FOUND:
      return 'not-found';
    case HttpStatus.CONFLICT:
      return 'conflict';
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return 'too-costly';
    case HttpStatus.TOO_MANY_REQUESTS:
      return 'throttled';
    default:
      return status >= 500 ? 'exception' : 'processing';
  }
}

/**
 * An error of the API as FHIR clients read errors: the status api.md's filter gives it, with an
 * OperationOutcome (one issue per problem) instead of `{ statusCode, message, errors }`.
 */
export function toOperationOutcome(error: unknown): { status: number; outcome: OperationOutcome } {
  const body = toErrorBody(error);
  const status = 'statusCode' in body ? body.statusCode : HttpStatus.SERVICE_UNAVAILABLE;
  const message = 'message' in body ? String(body.message) : 'Service unavailable';
  const problems = 'errors' in body && Array.isArray(body.errors) ? body.errors : [];
  const severity = status >= 500 ? 'fatal' : 'error';
  const issues = problems.length
    ? problems.map((p) =>
        fhirIssue(severity, issueCode(status), p.path === 'body' ? null : p.path, p.message),
      )
    : [fhirIssue(severity, issueCode(status), null, message)];
  return { status, outcome: { resourceType: 'OperationOutcome', issue: issues } };
}

/** The FHIR routes' errors (a missing key included: guards' errors reach the route's filters) as OperationOutcomes. */
@Catch()
export class FhirExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(FhirExceptionFilter.name);

  catch(error: unknown, host: ArgumentsHost) {
    const { status, outcome } = toOperationOutcome(error);
    if (status >= 500) this.logger.error(loggedError(error));
    host.switchToHttp().getResponse<Response>().status(status).type('application/fhir+json').json(outcome);
  }
}
