import type { Test } from 'supertest';
import { A_EVENT, A_VALUES, fillClinic, harvest, type Operation, type Paths } from './cross-tenant-fixtures';
import { useTestContext } from './test-app';

/**
 * The cross-tenant sweep: every operation of the OpenAPI document, called with clinic B's manager token
 * against clinic A's ids. Everything is derived from the document, so a route added later is swept without
 * editing this file: a path parameter gets A's ids of its kind (the segment before it, or its name:
 * `flowId` → flows), or each of A's ids when its kind is unknown; id-like query parameters and body fields
 * get A's ids too. An answer naming one of A's ids in its path must refuse (4xx), no answer may carry A's
 * ids or A's patient's details, and A's lists are the same after the sweep.
 */

/** Operations not called, each with why. */
const SKIPPED: Record<string, string> = {
  'POST /api/account/sign-out-everywhere': 'ends the sessions of the very token the sweep uses',
  'POST /api/account/password': "changes the sweeping manager's own password and ends its other sessions",
};

/**
 * Path parameters that name the caller's own records whatever the value: external ids are the PMS's, scoped
 * to the calling clinic, so `PUT …/by-external-id/<A's external id>` with B's token upserts B's own record.
 */
const CALLERS_OWN = new Set(['externalId']);

/** Values worth trying for parameters that are not ids (besides A's ids): the providers' names. */
const HINTS: Record<string, string[]> = { provider: ['sandbox', 'twilio', 'smtp', 'smpp'] };

/** A refusal: the route did not act on A's record (400/422 when it refused the input before looking). */
const REFUSALS = new Set([400, 401, 403, 404, 405, 409, 410, 422]);

const ID_PARAM = /^(id|[a-z]+Ids?)$/;
const NOT_AN_ID = new Set(['nodeId', 'requestId']);

interface Call {
  url: string;
  body?: { type: string; value: unknown };
  /** Whether an id of A's is in the path: the answer must then be a refusal. */
  aInPath: boolean;
  sent: string[];
}

describe('cross-tenant sweep', () => {
  const ctx = useTestContext();
  const a = ctx.clinic();
  const b = ctx.clinic();
  let paths: Paths;
  let byKind: Record<string, string[]>;
  let externalIds: string[];
  let allIds: string[];
  let everyId: string[];
  let listsBefore: string[];

  beforeAll(async () => {
    paths = (await ctx.http().get('/api/docs-json').expect(200)).body.paths;
    const extra = await fillClinic(ctx, a);
    const facts = await harvest(ctx, a, paths);
    byKind = { ...facts.byKind, ...extra };
    externalIds = facts.externalIds;
    listsBefore = facts.lists;
    allIds = [...new Set(Object.values(byKind).flat())];
    everyId = [...new Set([...allIds, ...facts.everyId])];
  }, 60_000);

  /** A's ids of the kind a parameter names (`flowId`, or `{id}` after `flows`); null when the kind is unknown. */
  function idsOfKind(name: string, segmentBefore?: string): string[] | null {
    if (name === 'externalId') return externalIds;
    const stem = name === 'id' ? segmentBefore : name.replace(/Ids?$/, '');
    if (!stem || stem.startsWith('{')) return null;
    const kind = Object.keys(byKind).find((k) => k === stem || k === `${stem}s` || k.startsWith(`${stem}-`));
    return kind ? byKind[kind] : null;
  }

  /** The values a path parameter takes: A's ids of its kind, else every id of A's, plus enum values and hints. */
  function pathValues(path: string, name: string, operation: Operation): { value: string; isA: boolean }[] {
    const segments = path.split('/');
    const before = segments[segments.indexOf(`{${name}}`) - 1];
    const schema = operation.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema as
      { enum?: unknown[]; type?: string } | undefined;
    const ofKind = idsOfKind(name, before);
    const ids = ofKind && ofKind.length > 0 ? ofKind : allIds;
    const others = [...(schema?.enum ?? []).map(String), ...(HINTS[name] ?? [])];
    if (schema?.type === 'number' || schema?.type === 'integer') others.push('1');
    return [...ids.map((value) => ({ value, isA: true })), ...others.map((value) => ({ value, isA: false }))];
  }

  /** A copy of an example body with A's ids in every id-like field. */
  function withIdsOfA(value: unknown, sent: string[]): unknown {
    if (Array.isArray(value)) return value.map((item) => withIdsOfA(item, sent));
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => {
        if (!ID_PARAM.test(key) || NOT_AN_ID.has(key) || key === 'id') return [key, withIdsOfA(child, sent)];
        const id = idsOfKind(key)?.[0] ?? byKind.patients[0];
        sent.push(id);
        return [key, key.endsWith('Ids') ? [id] : id];
      }),
    );
  }

  /** The request bodies of an operation: each example of each content type, with A's ids in them. */
  function bodies(operation: Operation, sent: string[]): { type: string; value: unknown }[] {
    const found: { type: string; value: unknown }[] = [];
    for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
      const examples = [media.schema?.example, ...Object.values(media.examples ?? {}).map((e) => e.value)];
      for (const example of examples)
        if (example !== undefined) found.push({ type, value: withIdsOfA(example, sent) });
    }
    return found.length > 0 || !operation.requestBody ? found : [{ type: 'application/json', value: {} }];
  }

  /** The calls of one operation: each path parameter through its values (one at a time), then ids in the query. */
  function callsOf(path: string, operation: Operation): Call[] {
    const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const values = Object.fromEntries(names.map((name) => [name, pathValues(path, name, operation)]));
    const combos: Record<string, { value: string; isA: boolean }>[] = [];
    if (names.length === 0) combos.push({});
    for (const name of names) {
      for (const value of values[name]) {
        combos.push({ ...Object.fromEntries(names.map((n) => [n, values[n][0]])), [name]: value });
      }
    }
    const calls: Call[] = [];
    combos.forEach((combo, i) => {
      const sent = Object.values(combo).map((v) => v.value);
      let url = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(combo[name].value));
      const aInPath = Object.entries(combo).some(([name, v]) => v.isA && !CALLERS_OWN.has(name));
      const idQuery = (operation.parameters ?? []).filter(
        (p) => p.in === 'query' && ID_PARAM.test(p.name) && !NOT_AN_ID.has(p.name),
      );
      if (idQuery.length > 0) {
        const query = idQuery.map((p) => {
          const id = idsOfKind(p.name)?.[0] ?? byKind.patients[0];
          sent.push(id);
          return `${p.name}=${encodeURIComponent(id)}`;
        });
        url += `?${query.join('&')}`;
      }
      // Every example body with the first combination; the first body with the others.
      const all = bodies(operation, sent);
      const chosen = i === 0 ? all : all.slice(0, 1);
      if (chosen.length === 0) calls.push({ url, aInPath, sent });
      for (const body of chosen) calls.push({ url, body, aInPath, sent });
    });
    return calls;
  }

  function send(method: string, call: Call): Test {
    const methods = ctx.http() as unknown as Record<string, (url: string) => Test>;
    let req = methods[method](call.url).auth(b.managerToken, { type: 'bearer' });
    if (call.body) {
      const { type, value } = call.body;
      req = req.set('content-type', type);
      req =
        type === 'application/x-www-form-urlencoded' && typeof value === 'object'
          ? req.type('form').send(value as object)
          : req.send(typeof value === 'string' ? value : JSON.stringify(value));
    }
    return req;
  }

  it('should refuse clinic B every one of clinic A’s records on every operation of the document', async () => {
    const problems: string[] = [];
    let operations = 0;
    let requests = 0;
    const statuses: Record<number, number> = {};
    for (const [path, methods] of Object.entries(paths)) {
      for (const method of Object.keys(methods)) {
        const name = `${method.toUpperCase()} ${path}`;
        if (SKIPPED[name]) continue;
        operations++;
        for (const call of callsOf(path, methods[method])) {
          requests++;
          const res = await send(method, call);
          const where = `${name} as ${call.url}${call.body ? ` (${call.body.type})` : ''}: ${res.status}`;
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          const forBearer = methods[method].security?.some((s) => 'bearer' in (s as object));
          if (res.status === 401 && forBearer) problems.push(`${where} did not take B's token`);
          if (res.status >= 500) problems.push(`${where} server error`);
          else if (call.aInPath && !REFUSALS.has(res.status)) problems.push(`${where} not refused`);
          const text = res.text ?? '';
          // An id the request carried may come back in a 404's message: that tells B nothing it did not send.
          const leaked = [
            ...everyId.filter((id) => !call.sent.some((v) => v.includes(id))),
            ...A_VALUES,
          ].filter((v) => text.includes(v));
          if (leaked.length > 0) problems.push(`${where} carries ${leaked.join(', ')}`);
        }
      }
    }
    console.log(
      `cross-tenant sweep: ${operations} operations, ${requests} requests, ${everyId.length} ids of A; answers ${JSON.stringify(statuses)}`,
    );
    expect(problems).toEqual([]);
    expect(operations).toBe(Object.values(paths).flatMap(Object.keys).length - Object.keys(SKIPPED).length);
    // The sweep ran as B all along (a token ended half-way would have made every later answer a 401)...
    await ctx.as(b).get('/api/auth/me').expect(200);
    // ...and left A as it was: the same records in every list, its PMS key still working.
    expect((await harvest(ctx, a, paths)).lists).toEqual(listsBefore);
    const again = await ctx.http().post('/api/events').set('x-api-key', a.apiKey).send(A_EVENT).expect(200);
    expect(again.body).toEqual({ accepted: true, duplicate: true });
  }, 300_000);

  it('should have found A’s records of every kind the fixtures made', () => {
    for (const kind of [
      'patients',
      'appointments',
      'flows',
      'templates',
      'deliveries',
      'users',
      'api-keys',
    ]) {
      expect({ kind, found: (byKind[kind]?.length ?? 0) > 0 }).toEqual({ kind, found: true });
    }
  });
});
