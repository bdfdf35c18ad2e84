import * as contract from '@clinicflow/contract';
import { RECEIPT_STATUSES } from '@clinicflow/rules';
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { openApiSchema } from '../src/http/zod-validation';
import { settingsViewExample } from '../src/modules/settings/settings.dto';
import { useTestContext } from './test-app';

/**
 * The API against the shared contract (libs/contract), which the editor infers its types from: the OpenAPI
 * document must describe every body and query the contract covers exactly as the contract's schema says, every
 * channel or status list it documents must be the contract's, its answer examples must read as the contract's
 * answers, and real answers must parse with the answer schemas without losing a field.
 */

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Record<string, unknown>;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema?: { example?: unknown } }> }>;
}

type Document = { paths: Record<string, Record<string, Operation>> };

/** The bodies the contract defines, by operation (`METHOD /path` as the document names it). */
const bodies: [string, z.ZodType][] = [
  ['POST /api/events', contract.pmsEventSchema],
  ['POST /api/events/bulk', contract.bulkEventsSchema],
  ['PUT /api/settings', contract.settingsUpdateSchema],
  ['POST /api/settings/credits/top-ups', contract.topUpSchema],
  ['POST /api/sends', contract.oneOffSendSchema],
  ['POST /api/batch-sends/preview', contract.batchQuerySchema],
  ['POST /api/batch-sends', contract.batchSendSchema],
  ['POST /api/batch-sends/preview/export', contract.batchListExportSchema],
  ['POST /api/messages/preview', contract.previewSchema],
  ['POST /api/templates', contract.templateSchema],
  ['PUT /api/templates/{id}', contract.templateSchema],
  ['PATCH /api/inbox/{id}', contract.inboxChangeSchema],
  ['POST /api/deliveries/{id}/cancel', contract.deliveryCancelSchema],
  ['POST /api/flows', contract.createFlowSchema],
  ['PUT /api/flows/{id}', contract.saveDraftSchema],
  ['POST /api/flows/{id}/publish', contract.publishSchema],
  ['POST /api/flows/{id}/versions/{version}/restore', contract.restoreSchema],
  ['POST /api/flows/simulate', contract.simulateSchema],
  ['POST /api/flows/{id}/simulate', contract.simulateSavedSchema],
  ['POST /api/resources/{id}/delays', contract.resourceDelaySchema],
  ['POST /api/resources/{id}/absences', contract.resourceAbsenceSchema],
  ['POST /api/flows/{id}/manual-runs', contract.manualRunRequestSchema],
  ['POST /api/api-keys', contract.createApiKeySchema],
];

/** The query strings the contract defines, by operation. */
const queries: [string, z.ZodObject][] = [
  ['GET /api/deliveries', contract.deliveryListQuerySchema],
  ['GET /api/deliveries/summary', contract.deliverySummaryQuerySchema],
  ['GET /api/deliveries/export', contract.deliveryExportQuerySchema],
  ['GET /api/inbox', contract.inboxQuerySchema],
  ['GET /api/templates', contract.templateListQuerySchema],
  ['GET /api/flows/{id}/diff', contract.diffQuerySchema],
  ['GET /api/flows/{id}/activity', contract.flowActivityQuerySchema],
  ['GET /api/runs', contract.runListQuerySchema],
];

/** The answers whose documented example must read as the contract's answer, field for field. */
const examples: [string, string, z.ZodType][] = [
  ['GET /api/deliveries', '200', contract.deliveryPageSchema],
  ['GET /api/deliveries/summary', '200', contract.deliverySummarySchema],
  ['GET /api/deliveries/{id}', '200', contract.deliveryDetailSchema],
  ['GET /api/deliveries/sent-by', '200', contract.sentByOptionsSchema],
  ['GET /api/deliveries/credits-retries', '200', contract.creditsRetryProgressSchema],
  ['POST /api/deliveries/credits-retries', '200', contract.creditsRetrySchema],
  ['POST /api/sends', '201', contract.deliveryDetailSchema],
  ['GET /api/inbox', '200', contract.inboxPageSchema],
  ['GET /api/flows/{id}/activity', '200', contract.flowActivitySchema],
  ['POST /api/messages/preview', '200', contract.messagePreviewSchema],
  ['GET /api/settings', '200', contract.settingsViewSchema],
  ['PUT /api/settings', '200', contract.settingsViewSchema],
  ['POST /api/resources/{id}/delays', '202', contract.resourceAlertAnswerSchema],
  ['POST /api/resources/{id}/absences', '202', contract.resourceAlertAnswerSchema],
  ['POST /api/flows/{id}/manual-runs', '200', contract.manualRunAnswerSchema],
  ['GET /api/status', '200', contract.serviceStatusSchema],
  ['POST /api/api-keys', '201', contract.createdApiKeySchema],
  ['GET /api/runs', '200', contract.runPageSchema],
  ['GET /api/runs/{id}', '200', contract.runDetailSchema],
  ['POST /api/runs/{id}/retry', '200', contract.runDetailSchema],
];

/**
 * The lists the contract owns. A documented `enum` sharing this many values with one of them is that list, and
 * must be all of it (channels are words of their own: one is enough; statuses share a word or two with other
 * lists, as `cancelled` or the batch's `sent` filter).
 */
/**
 * Each list of the contract, how many of its values make an enum of the document one of it, and the subsets an
 * enum may be instead of the whole list (each named where it is defined).
 */
const lists: [string, readonly string[], number, (readonly string[])[]?][] = [
  ['channels', contract.CHANNELS, 1],
  // a simulated receipt says only what a ladder waits for
  ['delivery statuses', contract.DELIVERY_STATUSES, 2, [RECEIPT_STATUSES]],
  ['appointment statuses', contract.APPOINTMENT_STATUSES, 2],
  ['consent modes', contract.CONSENT_MODES, 1],
  ['provider kinds', contract.PROVIDER_KINDS, 2],
  ['API key scopes', contract.API_KEY_SCOPES, 1],
];

/** Every `enum` of the document, with where it is. */
function enumsOf(value: unknown, at: string, found: { at: string; values: unknown[] }[] = []) {
  if (Array.isArray(value)) value.forEach((item, i) => enumsOf(item, `${at}.${i}`, found));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'enum' && Array.isArray(item)) found.push({ at, values: item });
      else if (key !== 'example') enumsOf(item, `${at}.${key}`, found);
    }
  }
  return found;
}

/** A real answer keeps every field through the contract's schema: nothing unknown, nothing missing or mistyped. */
function expectContractAnswer(schema: z.ZodType, body: unknown) {
  const read = schema.safeParse(body);
  expect(read.error?.issues ?? []).toEqual([]);
  expect(read.data).toEqual(body);
}

describe('the shared contract', () => {
  const ctx = useTestContext();
  const clinic = ctx.clinic();
  let document: Document;

  beforeAll(async () => {
    document = (await ctx.http().get('/api/docs-json').expect(200)).body;
  });

  const operation = (name: string): Operation => {
    const [method, path] = name.split(' ');
    const found = document.paths[path]?.[method.toLowerCase()];
    if (!found) throw new Error(`the OpenAPI document has no ${name}`);
    return found;
  };

  describe('the OpenAPI document', () => {
    it.each(bodies)('should describe the body of %s as the contract does', (name, schema) => {
      const documented = { ...operation(name).requestBody?.content['application/json']?.schema };
      delete documented.example;
      expect(documented).toEqual(openApiSchema(schema));
    });

    it.each(queries)('should describe the query of %s as the contract does', (name, schema) => {
      const json = openApiSchema(schema) as { properties: Record<string, object>; required?: string[] };
      const documented = (operation(name).parameters ?? [])
        .filter((p) => p.in === 'query')
        .map(({ name, required, schema }) => ({ name, required: required ?? false, schema }));
      const expected = Object.entries(json.properties).map(([name, schema]) => ({
        name,
        required: json.required?.includes(name) ?? false,
        schema,
      }));
      expect(documented).toEqual(expected);
    });

    it.each(lists)(
      'should document the %s as the contract lists them',
      (_title, list, shared, subsets = []) => {
        const wrong = enumsOf(document.paths, 'paths')
          .filter(({ values }) => values.filter((v) => list.includes(v as string)).length >= shared)
          .filter(({ values }) => ![list, ...subsets].some((named) => isDeepStrictEqual(values, [...named])));
        expect(wrong).toEqual([]);
      },
    );

    it('should document each channel and status list somewhere', () => {
      const enums = enumsOf(document.paths, 'paths').map(({ values }) => values);
      expect(enums).toContainEqual([...contract.CHANNELS]);
      expect(enums).toContainEqual([...contract.APPOINTMENT_STATUSES]);
      const statusList = operation('GET /api/deliveries').parameters?.find((p) => p.name === 'status');
      for (const status of contract.DELIVERY_STATUSES) {
        expect(statusList?.schema?.description).toContain(status);
      }
    });

    it.each(examples)(
      'should give %s an answer example (%s) that reads as the contract answer',
      (name, status, schema) => {
        const example = operation(name).responses[status]?.content?.['application/json']?.schema?.example;
        expect(example).toBeDefined();
        expectContractAnswer(schema, example);
      },
    );
  });

  describe('the examples of the DTO files', () => {
    // Not yet in the document: the settings controller still builds its answer example itself.
    it('should give the settings as answered as the contract describes them', () => {
      expectContractAnswer(contract.settingsViewSchema, settingsViewExample);
    });
  });

  describe('the answers', () => {
    const as = () => ctx.as(clinic);

    it('should answer the settings as the contract describes them', async () => {
      expectContractAnswer(contract.settingsViewSchema, (await as().get('/api/settings').expect(200)).body);
    });

    it('should answer a send, the delivery, the report and its summary as the contract describes them', async () => {
      const sent = await as()
        .post('/api/sends', { channel: 'sms', to: '+33612345678', template: { body: 'Bonjour' } })
        .expect(201);
      expectContractAnswer(contract.deliveryDetailSchema, sent.body);
      const detail = await as().get(`/api/deliveries/${sent.body.id}`).expect(200);
      expectContractAnswer(contract.deliveryDetailSchema, detail.body);
      const page = await as().get('/api/deliveries').expect(200);
      expect(page.body.total).toBe(1);
      expectContractAnswer(contract.deliveryPageSchema, page.body);
      expectContractAnswer(
        contract.deliverySummarySchema,
        (await as().get('/api/deliveries/summary').expect(200)).body,
      );
    });

    it('should answer the inbox and the service status as the contract describes them', async () => {
      expectContractAnswer(contract.inboxPageSchema, (await as().get('/api/inbox').expect(200)).body);
      expectContractAnswer(contract.serviceStatusSchema, (await as().get('/api/status').expect(200)).body);
    });

    it('should answer a new API key as the contract describes it', async () => {
      const created = await as()
        .post('/api/api-keys', { name: 'PMS', scopes: ['directory'] })
        .expect(201);
      expectContractAnswer(contract.createdApiKeySchema, created.body);
    });

    it('should accept a PMS event as the contract describes it', async () => {
      const event = {
        id: 'contract-evt-1',
        type: 'appointment.booked',
        occurredAt: '2026-03-20T10:00:00Z',
        appointment: {
          externalId: 'A1',
          start: '2026-03-25T09:30:00+01:00',
          end: '2026-03-25T10:00:00+01:00',
        },
        patient: { externalId: 'P1', firstName: 'Léa', mobile: '+33612345678' },
      };
      expect(contract.pmsEventSchema.safeParse(event).success).toBe(true);
      const answer = await ctx
        .http()
        .post('/api/events')
        .set('X-Api-Key', clinic.apiKey)
        .send(event)
        .expect(202);
      expectContractAnswer(contract.eventAnswerSchema, answer.body);
    });

    it.each([
      { title: 'a bad filter', url: '/api/deliveries?status=not-a-status', status: 400 },
      { title: 'an unknown delivery', url: '/api/deliveries/dlv_unknown', status: 404 },
    ])('should answer $title with the error body of the contract', async ({ url, status }) => {
      const answer = await as().get(url).expect(status);
      expectContractAnswer(contract.apiErrorBodySchema, answer.body);
    });
  });
});
