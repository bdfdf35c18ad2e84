import { ApiError } from '../../../api/apiClient';

/**
 * The API's problems of a failed request by field (`body.manager.password` → `manager.password`), for a form to
 * show each under its input; problems of no field of the form stay in the error's message.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  return Object.fromEntries(
    error.errors.map((problem) => [problem.path.replace(/^body\./, ''), problem.message]),
  );
}
