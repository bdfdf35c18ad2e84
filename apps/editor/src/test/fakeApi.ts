/** One answer of the fake API: status and JSON body, or a function of the request body. */
type Answer = [number, unknown] | ((body: unknown, url: string) => [number, unknown]);

/** A request the screen made: method, path (without /api) and parsed JSON body. */
export interface SeenRequest {
  method: string;
  path: string;
  body: unknown;
  authorization: string | null;
}

/**
 * Stands in for the API over `fetch` in component tests (jsdom has no server); the Playwright specs run the
 * same screens against the real API. Routes are "METHOD /path" (query included), or a prefix ending in "*"; unknown ones answer 404.
 */
export function fakeApi(routes: Record<string, Answer>) {
  const requests: SeenRequest[] = [];
  const fetchStub = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const path = url.replace(/^\/api/, '');
    const method = init.method ?? 'GET';
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : null;
    const headers = (init.headers ?? {}) as Record<string, string>;
    requests.push({ method, path, body, authorization: headers.Authorization ?? null });
    const key = `${method} ${path}`;
    const prefix = Object.keys(routes).find(
      (route) => route.endsWith('*') && key.startsWith(route.slice(0, -1)),
    );
    const answer = routes[key] ?? (prefix ? routes[prefix] : undefined);
    const [status, json] =
      answer === undefined
        ? [404, { statusCode: 404, message: `no route ${method} ${path}` }]
        : typeof answer === 'function'
          ? answer(body, path)
          : answer;
    return {
      ok: status >= 200 && status < 300,
      status,
      statusText: String(status),
      text: async () => (json === undefined ? '' : JSON.stringify(json)),
    } as Response;
  });
  Object.defineProperty(globalThis, 'fetch', { value: fetchStub, writable: true, configurable: true });
  return {
    requests,
    /** Requests with this method and path (query included). */
    calls: (method: string, path: string) => requests.filter((r) => r.method === method && r.path === path),
  };
}
