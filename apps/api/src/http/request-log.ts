import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { Env } from '../config/env';
import { isProbeRoute } from '../config/process-role';
import { PATIENT_PREFIX } from './patient-paths';

/** What the request log keeps of a request (pino's standard serialisation, before this module trims it). */
interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  query?: unknown;
  headers?: Record<string, unknown>;
  remoteAddress?: string;
  remotePort?: number;
}

/**
 * The token of a patient's link (`/p/<kind>/<token>`, or a short link's `/p/<token>`, docs/patient-links.md):
 * whoever has it may use it.
 */
const PATIENT_LINK_TOKEN = new RegExp(`^(/${PATIENT_PREFIX}/(?:[a-z]/)?)[^/?]+`);

/**
 * A request URL without its query string, and the names (never the values) of the parameters it had; a patient
 * link's token is replaced by `<token>`.
 */
export function loggedUrl(url: string | undefined): { url?: string; queryKeys?: string[] } {
  if (url === undefined) return {};
  const mark = url.indexOf('?');
  const path = (mark < 0 ? url : url.slice(0, mark)).replace(PATIENT_LINK_TOKEN, '$1<token>');
  if (mark < 0) return { url: path };
  const keys = [...new URLSearchParams(url.slice(mark + 1)).keys()];
  return { url: path, queryKeys: [...new Set(keys)] };
}

/**
 * The request log: one line per request, without bodies, tokens, keys or query values. A report search
 * (`q=Dupont`), a patient id or a phone number travel in query strings, and a log is read by people and tools
 * that must not learn who a clinic's patients are.
 */
export function requestLogParams(env: Pick<Env, 'LOG_LEVEL'>): Params {
  return {
    // Every route, in path-to-regexp 8's words: nestjs-pino's default `*` makes Nest warn at each start.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: env.LOG_LEVEL,
      redact: [
        'req.headers.authorization',
        'req.headers["x-api-key"]',
        'req.headers["x-operator-key"]',
        'req.headers.cookie',
      ],
      serializers: {
        // A patient's request (their link) is logged without their address or browser: personal data.
        req: (req: SerializedRequest) =>
          PATIENT_LINK_TOKEN.test(req.url ?? '')
            ? { id: req.id, method: req.method, ...loggedUrl(req.url) }
            : {
                id: req.id,
                method: req.method,
                ...loggedUrl(req.url),
                headers: req.headers,
                remoteAddress: req.remoteAddress,
                remotePort: req.remotePort,
              },
      },
      autoLogging: { ignore: (req) => isProbeRoute(loggedUrl(req.url).url ?? '') },
    },
  };
}
