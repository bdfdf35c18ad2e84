import { eventExample } from '../src/modules/events/event.dto';
import { TestClinic, useTestContext } from './test-app';

/** The API's documented example (OpenAPI) as event `id`, for an appointment that crosses midnight in Paris. */
function booking(id: string, overrides: Record<string, unknown> = {}) {
  const { email: _noEmail, ...patient } = eventExample.patient;
  return {
    ...eventExample,
    id,
    appointment: {
      ...eventExample.appointment,
      externalId: `A-${id}`,
      start: '2026-03-25T23:30:00Z',
      end: '2026-03-26T00:00:00Z',
    },
    patient,
    ...overrides,
  };
}

describe('events', () => {
  const ctx = useTestContext();
  const a = ctx.clinic();
  const b = ctx.clinic();

  const post = (clinic: TestClinic, body: unknown) =>
    ctx
      .http()
      .post('/api/events')
      .set('x-api-key', clinic.apiKey)
      .send(body as object);
  const get = (clinic: TestClinic, url: string) =>
    ctx.http().get(url).auth(clinic.managerToken, { type: 'bearer' });

  describe('POST /api/events', () => {
    it('should accept a new event with 202 and the same id again with 200 duplicate', async () => {
      const first = await post(a, booking('e1')).expect(202);
      expect(first.body).toEqual({ accepted: true, duplicate: false });
      const second = await post(a, booking('e1')).expect(200);
      expect(second.body).toEqual({ accepted: true, duplicate: true });
      const events = await get(a, '/api/events').expect(200);
      expect(events.body.items.filter((e: { id: string }) => e.id === 'e1')).toHaveLength(1);
    });

    it('should store one event when the same id is posted concurrently', async () => {
      const answers = await Promise.all([1, 2, 3, 4, 5].map(() => post(a, booking('race-1'))));
      expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 202]);
      const events = await get(a, '/api/events?pageSize=100').expect(200);
      expect(events.body.items.filter((e: { id: string }) => e.id === 'race-1')).toHaveLength(1);
    });

    it('should upsert the appointment, the patient and placeholders for unknown references', async () => {
      await post(a, booking('e2')).expect(202);
      const list = await get(a, '/api/appointments?day=2026-03-26').expect(200);
      const appointment = list.body.items.find((x: { externalId: string }) => x.externalId === 'A-e2');
      // 23:30 UTC is 00:30 the next day in Paris: the day is the clinic's.
      expect(appointment).toMatchObject({ status: 'booked', source: 'online', localDay: '2026-03-26' });
      expect(appointment.unknownReferences.sort()).toEqual(['location', 'resource', 'service']);
      const service = await get(a, `/api/services/${appointment.serviceId}`).expect(200);
      expect(service.body).toMatchObject({ externalId: 'S1', placeholder: true });
      const patient = await get(a, `/api/patients/${appointment.patientId}`).expect(200);
      expect(patient.body).toMatchObject({ externalId: 'P1', mobile: '+33612345678' });
    });

    it('should not flag references the clinic knows', async () => {
      await get(a, '/api/services').expect(200);
      await ctx
        .http()
        .put('/api/services/by-external-id/S-KNOWN')
        .auth(a.managerToken, { type: 'bearer' })
        .send({ name: 'Détartrage' })
        .expect(200);
      const event = booking('e-known');
      event.appointment = {
        ...event.appointment,
        serviceExternalId: 'S-KNOWN',
        resourceExternalId: undefined as never,
        locationExternalId: undefined as never,
      };
      await post(a, event).expect(202);
      const list = await get(a, '/api/appointments?day=2026-03-26&pageSize=100').expect(200);
      const appointment = list.body.items.find((x: { externalId: string }) => x.externalId === 'A-e-known');
      expect(appointment.unknownReferences).toEqual([]);
    });

    it('should keep the history and apply events in the order they happened', async () => {
      const appointment = {
        externalId: 'A-hist',
        start: '2026-03-27T09:00:00Z',
        end: '2026-03-27T09:30:00Z',
      };
      await post(a, { ...booking('h1'), appointment }).expect(202);
      await post(a, {
        id: 'h3',
        type: 'appointment.rescheduled',
        occurredAt: '2026-03-21T12:00:00Z',
        appointment: { ...appointment, start: '2026-03-29T14:00:00Z', end: '2026-03-29T14:30:00Z' },
      }).expect(202);
      // An older confirmation that arrives late does not undo the reschedule.
      await post(a, {
        id: 'h2',
        type: 'appointment.confirmed',
        occurredAt: '2026-03-21T08:00:00Z',
        appointment: { externalId: 'A-hist' },
      }).expect(202);
      const list = await get(a, '/api/appointments?day=2026-03-29').expect(200);
      const found = list.body.items.find((x: { externalId: string }) => x.externalId === 'A-hist');
      expect(found).toMatchObject({ status: 'booked', start: '2026-03-29T14:00:00.000Z' });
      const detail = await get(a, `/api/appointments/${found.id}`).expect(200);
      expect(detail.body.history.map((e: { id: string }) => e.id)).toEqual(['h1', 'h2', 'h3']);
    });

    it.each([
      { type: 'appointment.attended', field: 'attended' },
      { type: 'appointment.no_show', field: 'noShows' },
    ])('should count $type on the patient', async ({ type, field }) => {
      const patient = { externalId: `P-${field}`, firstName: 'Stat' };
      await post(a, booking(`b-${field}`, { patient })).expect(202);
      await post(a, {
        id: `o-${field}`,
        type,
        occurredAt: '2026-03-25T10:00:00Z',
        appointment: { externalId: `A-b-${field}` },
      }).expect(202);
      await post(a, {
        id: `o-${field}`,
        type,
        occurredAt: '2026-03-25T10:00:00Z',
        appointment: { externalId: `A-b-${field}` },
      }).expect(200);
      const list = await get(a, `/api/patients?q=P-${field}`).expect(200);
      expect(list.body.items[0].attendance[field]).toBe(1);
    });

    it('should record a resource delay with its minutes', async () => {
      await post(a, {
        id: 'late-1',
        type: 'resource.delayed',
        occurredAt: '2026-03-25T08:00:00Z',
        resource: { externalId: 'R1' },
        minutes: 40,
      }).expect(202);
      const events = await get(a, '/api/events?type=resource.delayed').expect(200);
      expect(events.body.items[0]).toMatchObject({
        id: 'late-1',
        payload: { minutes: 40 },
        resourceId: expect.stringMatching(/^res_/),
      });
    });

    it('should keep an event whose patient mobile is unusable, with the reason', async () => {
      await post(
        a,
        booking('bad-mobile', { patient: { externalId: 'P-bad', firstName: 'X', mobile: '123' } }),
      ).expect(202);
      const list = await get(a, '/api/patients?q=P-bad').expect(200);
      expect(list.body.items[0]).toMatchObject({ mobile: null, mobileProblem: { raw: '123' } });
    });

    it.each([
      { path: 'body.id', body: { ...booking('x'), id: '' } },
      { path: 'body.type', body: { ...booking('x'), type: 'appointment.exploded' } },
      { path: 'body.occurredAt', body: { ...booking('x'), occurredAt: 'yesterday' } },
      { path: 'body.appointment', body: { ...booking('x'), appointment: undefined } },
      {
        path: 'body.appointment.start',
        body: booking('x', { appointment: { externalId: 'A', end: '2026-03-25T10:00:00Z' } }),
      },
      {
        path: 'body.appointment.end',
        body: booking('x', {
          appointment: { externalId: 'A', start: '2026-03-25T10:00:00Z', end: '2026-03-25T09:00:00Z' },
        }),
      },
      {
        path: 'body.appointment.status',
        body: booking('x', { appointment: { ...booking('x').appointment, status: 'maybe' } }),
      },
      { path: 'body.patient', body: { ...booking('x'), patient: undefined } },
      { path: 'body.patient.email', body: booking('x', { patient: { externalId: 'P', email: 'nope' } }) },
      {
        path: 'body.minutes',
        body: {
          id: 'x',
          type: 'resource.delayed',
          occurredAt: '2026-03-25T08:00:00Z',
          resource: { externalId: 'R1' },
        },
      },
      {
        path: 'body.resource',
        body: { id: 'x', type: 'resource.absent', occurredAt: '2026-03-25T08:00:00Z' },
      },
    ])('should answer 400 naming $path', async ({ path, body }) => {
      const res = await post(a, body).expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    });

    it('should answer 401 without a key', async () => {
      await ctx.http().post('/api/events').send(booking('nokey')).expect(401);
    });

    it('should keep event ids per clinic', async () => {
      await post(b, booking('e1')).expect(202);
    });
  });

  describe('POST /api/events/bulk', () => {
    it('should answer each event: accepted, duplicate or its errors', async () => {
      const res = await ctx
        .http()
        .post('/api/events/bulk')
        .set('x-api-key', b.apiKey)
        .send({
          events: [
            booking('bulk-1'),
            booking('e1'),
            { id: 'bad', type: 'nope' },
            booking('bulk-2'),
            booking('bulk-1'),
          ],
        })
        .expect(200);
      expect(res.body.results).toEqual([
        { index: 0, id: 'bulk-1', accepted: true, duplicate: false, errors: [] },
        { index: 1, id: 'e1', accepted: true, duplicate: true, errors: [] },
        expect.objectContaining({
          index: 2,
          id: 'bad',
          accepted: false,
          errors: expect.arrayContaining([expect.objectContaining({ path: 'body.events.2.type' })]),
        }),
        { index: 3, id: 'bulk-2', accepted: true, duplicate: false, errors: [] },
        { index: 4, id: 'bulk-1', accepted: true, duplicate: true, errors: [] },
      ]);
      const list = await get(b, '/api/appointments?day=2026-03-26&pageSize=100').expect(200);
      expect(list.body.items.map((x: { externalId: string }) => x.externalId)).toEqual(
        expect.arrayContaining(['A-bulk-1', 'A-bulk-2']),
      );
    });

    it.each([
      { title: 'no events', body: { events: [] } },
      {
        title: 'more than 1000 events',
        body: { events: Array.from({ length: 1001 }, (_, i) => ({ id: `${i}` })) },
      },
      { title: 'no array', body: { events: 'x' } },
    ])('should answer 400 naming body.events for $title', async ({ body }) => {
      const res = await ctx.http().post('/api/events/bulk').set('x-api-key', b.apiKey).send(body).expect(400);
      expect(res.body.errors[0].path).toBe('body.events');
    });
  });

  describe('appointments', () => {
    it('should list by resource and status', async () => {
      const all = await get(a, '/api/appointments?pageSize=100').expect(200);
      const resourceId = all.body.items.find((x: { resourceId: string | null }) => x.resourceId).resourceId;
      const byResource = await get(
        a,
        `/api/appointments?resourceId=${resourceId}&status=booked&pageSize=100`,
      ).expect(200);
      expect(byResource.body.total).toBeGreaterThan(0);
      expect(
        byResource.body.items.every(
          (x: { resourceId: string; status: string }) => x.resourceId === resourceId && x.status === 'booked',
        ),
      ).toBe(true);
    });

    it.each([
      { path: 'query.day', query: 'day=26/03/2026' },
      { path: 'query.status', query: 'status=lost' },
      { path: 'query.pageSize', query: 'pageSize=0' },
    ])('should answer 400 naming $path', async ({ path, query }) => {
      const res = await get(a, `/api/appointments?${query}`).expect(400);
      expect(res.body.errors[0].path).toBe(path);
    });

    it("should answer 404 for another clinic's appointment and hide its events", async () => {
      const all = await get(a, '/api/appointments').expect(200);
      await get(b, `/api/appointments/${all.body.items[0].id}`).expect(404);
      const events = await get(b, `/api/events?appointmentId=${all.body.items[0].id}`).expect(200);
      expect(events.body.total).toBe(0);
    });
  });
});
