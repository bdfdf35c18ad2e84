import { expect, type APIRequestContext } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { demoManager } from './login';

/** A call to the API with a signed-in user's token, failing the test on any non-2xx answer. */
export type ApiCall = <T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  data?: unknown,
) => Promise<T>;

/** The API as a demo user's token sees it (test set-up goes through the API, never the database). */
export async function signedInApi(
  request: APIRequestContext,
  who: { email: string; password: string } = demoManager,
): Promise<ApiCall> {
  const login = await request.post('/api/auth/login', { data: who });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { Authorization: `Bearer ${accessToken}` };
  return async <T>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    data?: unknown,
  ): Promise<T> => {
    const response = await request.fetch(url, { method, headers, data });
    expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
}

/**
 * Runs a test part with some clinic settings changed, then puts them back even when it fails, so the next
 * spec finds the demo clinic as `npm start` made it.
 */
export async function withSettings<T>(
  api: ApiCall,
  change: Record<string, unknown>,
  run: () => Promise<T>,
): Promise<T> {
  const settings = await api<Record<string, unknown>>('GET', '/api/settings');
  const before = Object.fromEntries(Object.keys(change).map((key) => [key, settings[key]]));
  await api('PUT', '/api/settings', change);
  try {
    return await run();
  } finally {
    await api('PUT', '/api/settings', before);
  }
}

/** No quiet hours, no-send weekdays or holidays: a test's messages go out whatever the hour it runs at. */
export const sendAtAnyHour = { quietHours: { windows: [], noSendWeekdays: [], holidays: [] } };

/**
 * Posts a callback as the demo clinic's sandbox provider would (`inbound`: a patient's reply; `status`: a
 * receipt): the JSON body signed with the clinic's callback secret, read by its manager as the provider settings
 * show it (`X-Clinicflow-Signature: sha256=<hex HMAC-SHA256 of the body>`).
 */
export async function postSandboxCallback(
  request: APIRequestContext,
  clinicId: string,
  kind: 'inbound' | 'status',
  body: object,
) {
  const api = await signedInApi(request, demoManager);
  const { secret } = await api<{ secret: string }>('GET', '/api/settings/callback-secret');
  const raw = JSON.stringify(body);
  return request.post(`/api/providers/${clinicId}/sandbox/${kind}`, {
    data: raw,
    headers: {
      'Content-Type': 'application/json',
      'X-Clinicflow-Signature': `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`,
    },
  });
}
