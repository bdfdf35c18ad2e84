import { INestApplication, RequestMethod } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { webhookEventSchema } from '@clinicflow/contract';
import helmet from 'helmet';
import type { NextFunction, Request, Response } from 'express';
import type { Env } from '../config/env';
import { trustedProxies } from '../config/trusted-proxies';
import { servesRequests, isProbeRoute } from '../config/process-role';
import { Metrics } from '../metrics/metrics';
import { ApiExceptionFilter } from './api-exception.filter';
import { PATIENT_PREFIX } from './patient-paths';
import { openApiSchema } from './zod-validation';

export const API_PREFIX = 'api';

/** Keeps a JSON body's bytes as `request.rawBody` (what signed callbacks are checked against). */
function keepRawBody(request: { rawBody?: Buffer }, _response: unknown, buffer: Buffer) {
  request.rawBody = buffer;
}

/**
 * The security headers of every answer (the editor's pages, the API, the OpenAPI page): a CSP under which
 * only this origin's script files run (no inline script, no eval), no framing, no MIME sniffing. Styles may be
 * inline: Mantine writes its CSS variables in a `<style>` element and components set `style` attributes.
 * HSTS and upgrading requests to https only when PUBLIC_URL is https (an http installation would lock itself out).
 */
export function securityHeaders(publicUrl: string | undefined) {
  const https = publicUrl?.startsWith('https://') ?? false;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
  });
}

/**
 * Times every answer into the HTTP histogram, labelled with the route's pattern (`/api/deliveries/:id`, never
 * the path itself, which holds ids and tokens); a path no route matched counts as `unmatched`.
 */
function timedRequests(metrics: Metrics) {
  return (request: Request, response: Response, next: NextFunction) => {
    const end = metrics.http.startTimer();
    response.once('finish', () => {
      const route = request.route as { path?: unknown } | undefined;
      end({
        method: request.method,
        route: typeof route?.path === 'string' ? `${request.baseUrl}${route.path}` : 'unmatched',
        status: `${Math.floor(response.statusCode / 100)}xx`,
      });
    });
    next();
  };
}

/** A worker answers its process manager and Prometheus only; anything else is for a web process. */
function workerOnlyRoutes(request: Request, response: Response, next: NextFunction) {
  if (isProbeRoute(request.path)) return next();
  response.status(404).json({
    statusCode: 404,
    message:
      'This process is a worker (CLINICFLOW_ROLE=worker): it runs the engine and answers only /api/health, /api/health/ready and /metrics. Send requests to a web process.',
    errors: [],
  });
}

/** The HTTP set-up shared by main.ts and the integration tests, so tests exercise what production runs. */
export function configureHttp(app: INestApplication) {
  const express = app as NestExpressApplication;
  const config = app.get<ConfigService<Env, true>>(ConfigService);
  const proxies = config.get('TRUST_PROXY', { infer: true });
  if (proxies) express.set('trust proxy', trustedProxies(proxies));
  express.use(securityHeaders(config.get('PUBLIC_URL', { infer: true })));
  express.use(timedRequests(app.get(Metrics)));
  if (!servesRequests(config.get('CLINICFLOW_ROLE', { infer: true }))) express.use(workerOnlyRoutes);
  // The raw bytes are kept: a sandbox callback's signature is over them, not over the parsed JSON.
  // FHIR servers send `application/fhir+json` (the FHIR routes, docs/integrations.md): JSON all the same.
  express.useBodyParser('json', {
    limit: '1mb',
    verify: keepRawBody,
    type: ['application/json', 'application/fhir+json'],
  } as { limit: string });
  express.useBodyParser('urlencoded', { limit: '1mb', extended: false });
  // A patient's e-mail reply, posted raw by the clinic's mail provider: its signature is over these bytes.
  express.useBodyParser('raw', { limit: '1mb', type: 'message/rfc822' });
  // The links of the patient's messages are short and outside the API (docs/patient-links.md).
  // Prometheus reads `/metrics` where it looks by default (src/metrics).
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: `${PATIENT_PREFIX}/{*path}`, method: RequestMethod.ALL },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('clinicflow API')
      .setDescription(
        'Appointments in, patient messages out. Errors: { statusCode, message, errors: [{ path, message }] }.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'api-key')
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Operator-Key' }, 'operator-key')
      .build(),
  );
  // What the clinic's webhook endpoints receive: no route of ours answers it, so it is a component of its own.
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, WebhookEvent: openApiSchema(webhookEventSchema) },
  };
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
}
