import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp } from './test-app';
import { WEBHOOK_EVENT_TYPES } from '@clinicflow/contract';

interface Operation {
  summary?: string;
  requestBody?: { content: Record<string, { schema: { example?: unknown } }> };
  responses: Record<string, { content?: Record<string, { schema: { example?: unknown } }> }>;
}

describe('OpenAPI document', () => {
  let app: INestApplication;
  let paths: Record<string, Record<string, Operation>>;
  let schemas: Record<string, { properties?: Record<string, { enum?: string[] }> }>;

  beforeAll(async () => {
    app = await createTestApp();
    const document = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body;
    ({ paths } = document);
    schemas = document.components.schemas;
  });
  afterAll(() => app.close());

  const operations = () =>
    Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${path}`,
        operation,
      })),
    );

  it.each([
    'POST /api/auth/login',
    'POST /api/events',
    'POST /api/events/bulk',
    'POST /api/messages/preview',
    'POST /api/flows/simulate',
    'POST /api/flows/{id}/simulate',
    'POST /api/flows/{id}/publish',
    'GET /api/flows/{id}/diff',
    'PUT /api/settings',
    'PUT /api/patients/by-external-id/{externalId}',
    'GET /api/appointments',
    'POST /api/templates',
  ])('should describe %s', (name) => {
    expect(operations().map((o) => o.name)).toContain(name);
  });

  it('should describe what a webhook endpoint receives, every event type named', () => {
    expect(schemas.WebhookEvent.properties?.type.enum).toEqual([...WEBHOOK_EVENT_TYPES, 'flow.webhook']);
    expect(Object.keys(schemas.WebhookEvent.properties ?? {})).toEqual(['type', 'timestamp', 'data']);
  });

  it('should give every operation a summary and an answer example', () => {
    const missing = operations()
      .filter(({ name }) => !name.startsWith('GET /api/health'))
      .filter(({ operation }) => {
        const examples = Object.values(operation.responses).flatMap((r) =>
          Object.values(r.content ?? {}).map((c) => c.schema?.example),
        );
        return !operation.summary || !examples.some((e) => e !== undefined);
      })
      .map(({ name }) => name);
    expect(missing).toEqual([]);
  });

  it('should give every request body an example', () => {
    const missing = operations()
      .filter(({ operation }) => operation.requestBody)
      .filter(
        ({ operation }) =>
          !Object.values(operation.requestBody!.content).some((c) => c.schema?.example !== undefined),
      )
      .map(({ name }) => name);
    expect(missing).toEqual([]);
  });
});
