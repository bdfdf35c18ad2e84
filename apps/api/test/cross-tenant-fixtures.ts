import { eventExample } from '../src/modules/events/event.dto';
import { flowExample } from '../src/modules/flows/flow.dto';
import type { TestClinic, useTestContext } from './test-app';

type Ctx = ReturnType<typeof useTestContext>;

/** An OpenAPI operation as far as the sweep reads it. */
export interface Operation {
  parameters?: { name: string; in: string; schema?: { enum?: unknown[] } }[];
  requestBody?: {
    content: Record<
      string,
      { schema?: { example?: unknown }; examples?: Record<string, { value: unknown }> }
    >;
  };
  security?: unknown[];
}
export type Paths = Record<string, Record<string, Operation>>;

/** Words of clinic A's fixtures that no answer to clinic B may carry (names, phone, e-mails, texts). */
export const A_VALUES = [
  'Zéphirine',
  'Quatremère',
  '0612340077',
  '612340077',
  'zephirine.quatremere@example.org',
  'Parcours Quatremère',
  'Modèle Quatremère',
  'Message pour Quatremère',
  'Envoi Quatremère',
  'accueil.quatremere@test.clinicflow',
  'Clé Quatremère',
];

const patient = {
  externalId: 'pat-quatremere',
  firstName: 'Zéphirine',
  lastName: 'Quatremère',
  mobile: '06 12 34 00 77',
  email: 'zephirine.quatremere@example.org',
  language: 'fr',
};
/** The PMS event that gives clinic A its patient and appointment. */
export const A_EVENT = {
  ...eventExample,
  id: 'evt-quatremere-1',
  appointment: {
    ...eventExample.appointment,
    externalId: 'appt-quatremere',
    serviceExternalId: 'svc-quatremere',
    resourceExternalId: 'res-quatremere',
    locationExternalId: 'loc-quatremere',
  },
  patient,
};

/**
 * Fills clinic A with one of everything through its own API: a patient and an appointment (from a PMS event,
 * with placeholder service, resource and location), a service, a flow, a template, a single send (a
 * delivery), a batch send, a staff user and a second API key. Answers the ids no list endpoint shows.
 */
export async function fillClinic(ctx: Ctx, a: TestClinic): Promise<Record<string, string[]>> {
  const as = ctx.as(a);
  await ctx.http().post('/api/events').set('x-api-key', a.apiKey).send(A_EVENT).expect(202);
  await as
    .post('/api/services', { externalId: 'svc2-quatremere', name: 'Détartrage Quatremère' })
    .expect(201);
  await as.post('/api/flows', { ...flowExample, name: 'Parcours Quatremère' }).expect(201);
  await as
    .post('/api/templates', {
      name: 'Modèle Quatremère',
      channel: 'sms',
      variants: { fr: { body: 'Bonjour' } },
    })
    .expect(201);
  const patients = await as.get('/api/patients').expect(200);
  const patientId = (patients.body.items as { id: string; externalId: string }[]).find(
    (p) => p.externalId === 'pat-quatremere',
  )!.id;
  await as.post(`/api/patients/${patientId}/consent`, { channel: 'sms', granted: true }).expect(200);
  await as
    .post('/api/sends', { channel: 'sms', patientId, template: { body: 'Message pour Quatremère' } })
    .expect(201);
  const batch = await as
    .post('/api/batch-sends', {
      name: 'Envoi Quatremère',
      query: { mode: 'patients' },
      template: { body: 'Envoi Quatremère' },
    })
    .expect(201);
  await as
    .post('/api/users', {
      email: 'accueil.quatremere@test.clinicflow',
      name: 'Accueil Quatremère',
      role: 'staff',
      password: 'correct-horse-battery',
    })
    .expect(201);
  await as.post('/api/api-keys', { name: 'Clé Quatremère' }).expect(201);
  return { 'batch-sends': [batch.body.id as string], clinics: [a.clinicId] };
}

const ID_KEY = /^(id|[a-z]+Id)$/;
const NOT_AN_ID = new Set(['nodeId', 'requestId']);

/** Flow documents' node and edge ids are words an editor chose (the same in every clinic's starter flows). */
const NOT_RECORDS = new Set(['nodes', 'edges']);

/** Every id-like string in an answer: under `id` or `…Id`, 12 characters or more, with a digit. */
export function idsIn(body: unknown, found: Set<string> = new Set()): Set<string> {
  const pending = [body];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      if (
        typeof child === 'string' &&
        ID_KEY.test(key) &&
        !NOT_AN_ID.has(key) &&
        /^(?=.*\d).{12,}$/.test(child)
      ) {
        found.add(child);
      }
      if (!NOT_RECORDS.has(key)) pending.push(child);
    }
  }
  return found;
}

/**
 * Clinic A as a list of facts, from every list of the document (a GET without path parameters) read with
 * A's token: its ids by kind (the path's first segment: `patients`, `flows`…), its external ids, and each
 * list's total and ids, to compare before and after the sweep; and every id any of them shows.
 */
export async function harvest(ctx: Ctx, a: TestClinic, paths: Paths) {
  const byKind: Record<string, string[]> = {};
  const externalIds = new Set<string>();
  const lists: string[] = [];
  const everyId = new Set<string>();
  for (const [path, methods] of Object.entries(paths)) {
    // An export is a file, not a list, and reading one is audited: A's own reading would change A's audit.
    if (!methods.get || path.includes('{') || path.endsWith('/export')) continue;
    const res = await ctx.as(a).get(path);
    if (res.status !== 200 || !res.body) continue;
    idsIn(res.body, everyId);
    const items = (Array.isArray(res.body) ? res.body : res.body.items) as
      Record<string, unknown>[] | undefined;
    if (!Array.isArray(items)) continue;
    const kind = path.split('/')[2];
    const ids = items.map((item) => item.id).filter((id): id is string => typeof id === 'string');
    if (path.split('/').length === 3) byKind[kind] = [...new Set([...(byKind[kind] ?? []), ...ids])];
    for (const item of items) if (typeof item.externalId === 'string') externalIds.add(item.externalId);
    lists.push(...ids.map((id) => `${path} ${id}`), `${path} total=${res.body.total ?? items.length}`);
  }
  return { byKind, externalIds: [...externalIds], lists: lists.sort(), everyId: [...everyId] };
}
