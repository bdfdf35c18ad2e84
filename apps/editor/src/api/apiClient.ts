import type { ApiErrorBody, ApiProblem } from '@clinicflow/contract';
import { expireSession, readToken } from './session';

/** One field's error as the API names it (api.md): `{ path, message }`; a flow's problems also name their step. */
export type ApiFieldError = ApiProblem & { nodeId?: string | null };

/** A non-2xx answer of the API, with its status, message and field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: ApiFieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The error of a non-2xx answer from its body (api.md's `ApiErrorBody`, or whatever came back instead). */
export function apiErrorOf(status: number, statusText: string, body: unknown): ApiError {
  const problem = (body ?? {}) as Partial<Omit<ApiErrorBody, 'message'>> & { message?: string | string[] };
  const message = Array.isArray(problem.message) ? problem.message.join('; ') : problem.message;
  return new ApiError(status, message ?? statusText, problem.errors ?? []);
}

/**
 * Calls the API with the session's token and JSON. A 401 on an authenticated call means the token expired
 * or was revoked: the session is dropped so the app goes back to the login page with a message.
 */
export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const token = readToken();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`/api${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    if (response.status === 401 && token) expireSession();
    throw apiErrorOf(response.status, response.statusText, body);
  }
  return body as T;
}
