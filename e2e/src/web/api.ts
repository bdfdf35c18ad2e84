import { expect, type APIRequestContext } from '@playwright/test';
import { demoManager } from './login';

/** A call to the API with a signed-in user's token, failing the test on any non-2xx answer. */
export type ApiCall = <T>(method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown) => Promise<T>;

/** The API as a demo user's token sees it (test set-up goes through the API, never the database). */
export async function signedInApi(
  request: APIRequestContext,
  who: { email: string; password: string } = demoManager,
): Promise<ApiCall> {
  const login = await request.post('/api/auth/login', { data: who });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { Authorization: `Bearer ${accessToken}` };
  return async <T>(method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown): Promise<T> => {
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
