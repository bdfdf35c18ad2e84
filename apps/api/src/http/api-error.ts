/** One problem with a request, in the shape of api.md: `path` names the field (e.g. `body.patient.mobile`). */
export interface ApiProblem {
  path: string;
  message: string;
}

/** The body of every error answer of the API (api.md). */
export interface ApiErrorBody {
  statusCode: number;
  message: string;
  errors: ApiProblem[];
}

/** Thrown by request validation: answers 400 with every problem found. */
export class RequestValidationError extends Error {
  constructor(readonly problems: ApiProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  }
}
