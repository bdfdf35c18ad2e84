import { useTestContext } from './test-app';

describe('directory', () => {
  const ctx = useTestContext();
  const a = ctx.clinic();
  const b = ctx.clinic();

  const { as } = ctx;

  describe('patients', () => {
    it('should normalise the mobile to E.164 and keep consent evidence', async () => {
      const res = await as(a)
        .post('/api/patients', {
          firstName: 'Léa',
          lastName: 'Martin',
          mobile: '06 12 34 56 78',
          consent: {
            sms: { granted: true, purposes: ['reminders'], source: 'pms', at: '2026-03-01T10:00:00Z' },
          },
        })
        .expect(201);
      expect(res.body).toMatchObject({
        mobile: '+33612345678',
        consent: {
          sms: { granted: true, purposes: ['reminders'], source: 'pms', at: '2026-03-01T10:00:00.000Z' },
        },
        attendance: { attended: 0, noShows: 0 },
      });
      expect(res.body).not.toHaveProperty('clinicId');
    });

    it('should upsert by external id: the second call updates the same patient', async () => {
      const first = await as(a)
        .put('/api/patients/by-external-id/P-77', {
          firstName: 'Jean',
          lastName: 'Dupont',
          mobile: '+33 6 98 76 54 32',
        })
        .expect(200);
      const second = await as(a)
        .put('/api/patients/by-external-id/P-77', { firstName: 'Jean-Pierre', lastName: 'Dupont' })
        .expect(200);
      expect(first.body).toMatchObject({ created: true, externalId: 'P-77' });
      expect(second.body).toMatchObject({
        created: false,
        id: first.body.id,
        firstName: 'Jean-Pierre',
        mobile: '+33698765432',
      });
    });

    it('should store one patient when the same external id is upserted concurrently', async () => {
      await Promise.all(
        [1, 2, 3, 4].map((n) =>
          as(a)
            .put('/api/patients/by-external-id/P-RACE', { firstName: `R${n}` })
            .expect(200),
        ),
      );
      const list = await as(a).get('/api/patients?q=p-race').expect(200);
      expect(list.body.total).toBe(1);
    });

    it('should record a consent withdrawal with its evidence', async () => {
      const created = await as(a)
        .post('/api/patients', { firstName: 'Zoé', mobile: '0612345679' })
        .expect(201);
      const res = await as(a, a.staffToken)
        .post(`/api/patients/${created.body.id}/consent`, {
          channel: 'sms',
          granted: false,
          source: 'patient-reply',
        })
        .expect(200);
      expect(res.body.consent.sms).toMatchObject({ granted: false, purposes: [], source: 'patient-reply' });
    });

    it('should search and paginate', async () => {
      for (const name of ['Alpha', 'Bravo', 'Charlie']) {
        await as(b).post('/api/patients', { firstName: name, lastName: 'Searchable' }).expect(201);
      }
      const page = await as(b).get('/api/patients?q=searchable&page=2&pageSize=2').expect(200);
      expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(page.body.items.map((p: { firstName: string }) => p.firstName)).toEqual(['Charlie']);
    });

    it.each([
      { path: 'body.mobile', body: { firstName: 'X', mobile: '12' } },
      { path: 'body.mobile', body: { firstName: 'X', mobile: '01 45 67 89 00' } },
      { path: 'body.firstName', body: { firstName: '' } },
      { path: 'body.email', body: { firstName: 'X', email: 'nope' } },
      { path: 'body.language', body: { firstName: 'X', language: 'french' } },
      { path: 'body.consent.sms.granted', body: { firstName: 'X', consent: { sms: { granted: 'yes' } } } },
      {
        path: 'body.consent.sms.purposes.0',
        body: { firstName: 'X', consent: { sms: { granted: true, purposes: ['ads'] } } },
      },
      { path: 'body.referringDoctor.name', body: { firstName: 'X', referringDoctor: {} } },
    ])('should answer 400 naming $path', async ({ path, body }) => {
      const res = await as(a).post('/api/patients', body).expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    });

    it.each([
      { path: 'query.pageSize', query: 'pageSize=1000' },
      { path: 'query.page', query: 'page=0' },
      { path: 'query.page', query: 'page=abc' },
    ])('should answer 400 naming $path for ?$query', async ({ path, query }) => {
      const res = await as(a).get(`/api/patients?${query}`).expect(400);
      expect(res.body.errors[0].path).toBe(path);
    });

    it("should answer 404 for another clinic's patient on every route", async () => {
      const created = await as(a).post('/api/patients', { firstName: 'Private' }).expect(201);
      const id = created.body.id;
      await as(b).get(`/api/patients/${id}`).expect(404);
      await as(b).patch(`/api/patients/${id}`, { firstName: 'Stolen' }).expect(404);
      await as(b).post(`/api/patients/${id}/consent`, { channel: 'sms', granted: false }).expect(404);
      expect((await as(a).get(`/api/patients/${id}`).expect(200)).body.firstName).toBe('Private');
      const list = await as(b).get('/api/patients?q=private').expect(200);
      expect(list.body.total).toBe(0);
    });

    it('should keep external ids per clinic', async () => {
      await as(a).put('/api/patients/by-external-id/SAME', { firstName: 'A' }).expect(200);
      const res = await as(b).put('/api/patients/by-external-id/SAME', { firstName: 'B' }).expect(200);
      expect(res.body.created).toBe(true);
    });
  });

  describe.each([
    {
      kind: 'services',
      body: { name: 'Détartrage', durationMinutes: 30, price: 45, recallIntervalMonths: 6 },
    },
    { kind: 'resources', body: { name: 'Dr Martin', kind: 'practitioner', phone: '+33145678901' } },
    { kind: 'locations', body: { name: 'Cabinet du Parc', address: '3 place du Parc', city: 'Paris' } },
  ])('$kind', ({ kind, body }) => {
    it('should create, read, change, upsert and list', async () => {
      const created = await as(a)
        .post(`/api/${kind}`, { ...body, externalId: `${kind}-1` })
        .expect(201);
      await as(a).get(`/api/${kind}/${created.body.id}`).expect(200);
      const changed = await as(a).patch(`/api/${kind}/${created.body.id}`, { name: 'Renamed' }).expect(200);
      expect(changed.body).toMatchObject({ name: 'Renamed', externalId: `${kind}-1` });
      const upserted = await as(a).put(`/api/${kind}/by-external-id/${kind}-1`, body).expect(200);
      expect(upserted.body).toMatchObject({ id: created.body.id, created: false, name: body.name });
      const list = await as(a)
        .get(`/api/${kind}?q=${encodeURIComponent(body.name.slice(0, 4))}`)
        .expect(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).toContain(created.body.id);
    });

    it('should answer 409 naming body.externalId when it exists', async () => {
      await as(a)
        .post(`/api/${kind}`, { ...body, externalId: `${kind}-dup` })
        .expect(201);
      const res = await as(a)
        .post(`/api/${kind}`, { ...body, externalId: `${kind}-dup` })
        .expect(409);
      expect(res.body.errors[0].path).toBe('body.externalId');
    });

    it('should answer 400 naming body.name', async () => {
      const res = await as(a)
        .post(`/api/${kind}`, { ...body, name: 42 })
        .expect(400);
      expect(res.body.errors[0].path).toBe('body.name');
    });

    it("should answer 404 for another clinic's entry", async () => {
      const created = await as(a).post(`/api/${kind}`, body).expect(201);
      await as(b).get(`/api/${kind}/${created.body.id}`).expect(404);
      await as(b).patch(`/api/${kind}/${created.body.id}`, { name: 'x' }).expect(404);
    });

    it('should let staff read but not write', async () => {
      await as(a, a.staffToken).get(`/api/${kind}`).expect(200);
      await as(a, a.staffToken).post(`/api/${kind}`, body).expect(403);
    });
  });

  it.each([
    { path: 'body.durationMinutes', url: '/api/services', body: { name: 'X', durationMinutes: 0 } },
    { path: 'body.price', url: '/api/services', body: { name: 'X', price: -1 } },
    { path: 'body.kind', url: '/api/resources', body: { name: 'X', kind: 'robot' } },
    { path: 'body.email', url: '/api/resources', body: { name: 'X', email: 'x' } },
  ])('should answer 400 naming $path on $url', async ({ path, url, body }) => {
    const res = await as(a).post(url, body).expect(400);
    expect(res.body.errors[0].path).toBe(path);
  });
});
