/** One problem behind an error, in the shape of api.md: `path` names the field (e.g. `body.patient.mobile`). */
export interface AppProblem {
  path: string;
  message: string;
  /** Details an interface may use to say it in its own words (a flow problem's node, code and params). */
  [detail: string]: unknown;
}

/**
 * Every error the API's services raise on purpose, by code. The HTTP layer alone turns a code into a status
 * (`http/api-exception.filter.ts`); services, the engine and the dispatcher never speak HTTP.
 */
export enum AppErrorCode {
  /** The request names something wrong: each problem names its field. */
  Invalid = 'invalid',
  /** Nothing of that id in the caller's clinic (another clinic's id is absent too). */
  NotFound = 'not-found',
  /** The thing is in a state that refuses this (a draft saved meanwhile, a message already sent…). */
  Conflict = 'conflict',
  /** Well-formed, but nothing to do it on (an export with no rows). */
  Unprocessable = 'unprocessable',
  /** The caller's credentials are wrong (a login with a wrong password). */
  Unauthorized = 'unauthorized',
  /** The caller is known but may not do this (a provider callback whose signature does not check). */
  Forbidden = 'forbidden',
  /** It existed and cannot be used any more (a set-password link past its validity). */
  Gone = 'gone',
  /** Too many attempts (a login locked after wrong passwords): `retryAfterSeconds` says when to try again. */
  TooManyRequests = 'too-many-requests',
}

/** The typed error of the API's services: a code, a sentence for people, and the problems behind it. */
export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly problems: AppProblem[] = [],
    /** With `TooManyRequests`: the seconds until the caller may try again (the `Retry-After` header). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  static invalid(problems: AppProblem[], message = 'Invalid request'): AppError {
    return new AppError(AppErrorCode.Invalid, message, problems);
  }

  static notFound(message: string): AppError {
    return new AppError(AppErrorCode.NotFound, message);
  }

  static conflict(message: string, problems: AppProblem[] = []): AppError {
    return new AppError(AppErrorCode.Conflict, message, problems);
  }

  static tooManyRequests(message: string, retryAfterSeconds: number): AppError {
    return new AppError(AppErrorCode.TooManyRequests, message, [], Math.max(1, Math.ceil(retryAfterSeconds)));
  }
}
