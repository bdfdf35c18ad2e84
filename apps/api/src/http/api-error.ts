import type { ApiErrorBody, ApiProblem } from '@clinicflow/contract';
import { AppError, AppErrorCode } from '../common/app-error';

/**
 * The error body of api.md is part of the shared contract (libs/contract, `apiErrorBodySchema`):
 * `{ statusCode, message, errors: [{ path, message }] }`, `path` naming the field (e.g. `body.patient.mobile`).
 */
export type { ApiErrorBody, ApiProblem };

/** Thrown by request validation (the zod pipes): answers 400 with every problem found. */
export class RequestValidationError extends AppError {
  constructor(problems: ApiProblem[]) {
    super(AppErrorCode.Invalid, 'Invalid request', problems);
  }
}
