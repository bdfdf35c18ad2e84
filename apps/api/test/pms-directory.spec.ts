import { collection } from './engine-dispatch-fixtures';
import { bookingEvent } from './engine-fixtures';
import { useTestContext, type TestClinic } from './test-app';

/**
 * The PMS owns its patients (issue 21, item 1): API keys with scopes, the directory kept by the PMS through its
 * key, consent with its evidence from the PMS (by the directory's routes and inside events), and the opt-in
 * clinic's view of who has no consent. Where the PMS acts, only its key is sent.
 */
describe('the PMS and its patients', () => {
  const ctx = useTestContext();
  const clinic = ctx.clinic();
  const other = ctx.clinic();

  /** A new key of the clinic with these scopes (none: the default), made by its manager. */
  async function keyWith(of: TestClinic, scopes?: string[]) {
    const body = { name: 'PMS', ...(scopes ? { scopes } : {}) };
    return (await ctx.as(of).post('/api/api-keys', body).expect(201)).body as {
      id: string;
      key: string;
      scopes: string[];
    };
  }

  /** Requests as the PMS: its key only, no user token. */
  const pms = (key: string) => ({
    get: (url: string) => ctx.http().get(url).set('X-Api-Key', key),
    post: (url: string, body: object) => ctx.http().post(url).set('X-Api-Key', key).send(body),
    put: (url: string, body: object) => ctx.http().put(url).set('X-Api-Key', key).send(body),
  });

  describe('API key scopes', () => {
    it('should make a key without scopes an events key, which posts events and reads nothing else', async () => {
      const { key, scopes } = await keyWith(clinic);
      expect(scopes).toEqual(['events']);
      await pms(key)
        .post('/api/events', bookingEvent('scope-1', 'A-scope-1', '2026-03-07T10:00'))
        .expect(202);
      const refused = await pms(key)
        .put('/api/patients/by-external-id/P-S1', { firstName: 'Léa' })
        .expect(403);
      expect(refused.body.message).toBe('This API key may not do this: it needs the directory scope');
      await pms(key).get('/api/deliveries').expect(403);
    });

    it('should let a directory key keep the directory and record consent, and nothing else', async () => {
      const { key } = await keyWith(clinic, ['directory']);
      const as = pms(key);
      for (const [kind, body] of [
        ['services', { name: 'Détartrage', recallIntervalMonths: 6 }],
        ['resources', { name: 'Dr Martin', kind: 'practitioner' }],
        ['locations', { name: 'Cabinet du Parc' }],
      ] as const) {
        const saved = await as.put(`/api/${kind}/by-external-id/X-${kind}`, body).expect(200);
        expect(saved.body).toMatchObject({ ...body, externalId: `X-${kind}`, created: true });
      }
      const patient = await as.put('/api/patients/by-external-id/P-DIR', { firstName: 'Léa' }).expect(200);
      await as
        .post(`/api/patients/${patient.body.id}/consent`, { channel: 'sms', granted: true })
        .expect(200);
      expect((await as.get(`/api/patients/${patient.body.id}`).expect(200)).body.consent.sms.source).toBe(
        'pms',
      );
      await as.post('/api/events', bookingEvent('scope-2', 'A-scope-2', '2026-03-07T10:00')).expect(403);
      await as.get('/api/appointments').expect(403);
    });

    it('should let a reports key read deliveries, appointments and events, and change nothing', async () => {
      const { key } = await keyWith(clinic, ['reports']);
      const as = pms(key);
      expect((await as.get('/api/deliveries').expect(200)).body).toHaveProperty('totals');
      await as.get('/api/deliveries/summary').expect(200);
      const appointments = await as.get('/api/appointments').expect(200);
      expect(appointments.body.items.map((a: { externalId: string }) => a.externalId)).toContain('A-scope-1');
      const events = await as.get('/api/events').expect(200);
      expect(events.body.items.map((e: { id: string }) => e.id)).toContain('scope-1');
      // a change is a user's: the key is not taken there at all
      await as.post('/api/deliveries/dlv_unknown/cancel', { reason: 'x' }).expect(401);
      await as.put('/api/patients/by-external-id/P-REP', { firstName: 'Léa' }).expect(403);
      await as.post('/api/events', bookingEvent('scope-3', 'A-scope-3', '2026-03-07T10:00')).expect(403);
    });

    it('should keep a key stored before keys had scopes working as an events key', async () => {
      const { id, key } = await keyWith(clinic, ['directory']);
      await collection(ctx.app, 'api_keys').updateOne({ _id: id } as object, { $unset: { scopes: '' } });
      await pms(key)
        .post('/api/events', bookingEvent('scope-4', 'A-scope-4', '2026-03-07T10:00'))
        .expect(202);
      await pms(key).put('/api/patients/by-external-id/P-OLD', { firstName: 'Léa' }).expect(403);
      const listed = (await ctx.as(clinic).get('/api/api-keys').expect(200)).body as {
        id: string;
        scopes: string[];
      }[];
      expect(listed.find((k) => k.id === id)?.scopes).toEqual(['events']);
      expect((await pms(key).get('/api/events/probe').expect(200)).body.scopes).toEqual(['events']);
    });

    it.each([
      { path: 'body.scopes.0', body: { name: 'PMS', scopes: ['admin'] } },
      { path: 'body.scopes', body: { name: 'PMS', scopes: [] } },
    ])('should answer 400 naming $path', async ({ path, body }) => {
      const res = await ctx.as(clinic).post('/api/api-keys', body).expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    });

    it("should not let a key reach another clinic's patients", async () => {
      const { key } = await keyWith(other, ['directory']);
      const mine = await ctx.as(clinic).post('/api/patients', { firstName: 'Private' }).expect(201);
      await pms(key).get(`/api/patients/${mine.body.id}`).expect(404);
    });
  });

  describe('consent with its evidence', () => {
    it('should record the consent, birth date and referring doctor a PMS upsert carries, as the PMS', async () => {
      const { key } = await keyWith(clinic, ['directory']);
      const saved = await pms(key)
        .put('/api/patients/by-external-id/P-EVID', {
          firstName: 'Léa',
          mobile: '06 12 34 56 78',
          birthDate: '1990-06-01',
          referringDoctor: { name: 'Dr Hugo Bernard', email: 'h.bernard@example.org' },
          consent: { sms: { granted: true, purposes: ['reminders'], at: '2026-03-01T10:00:00Z' } },
        })
        .expect(200);
      expect(saved.body).toMatchObject({
        created: true,
        birthDate: '1990-06-01',
        referringDoctor: { name: 'Dr Hugo Bernard' },
        consent: {
          sms: { granted: true, purposes: ['reminders'], source: 'pms', at: '2026-03-01T10:00:00.000Z' },
        },
        consentHistory: [{ channel: 'sms', granted: true, source: 'pms', at: '2026-03-01T10:00:00.000Z' }],
      });
      const consent = await pms(key)
        .post(`/api/patients/${saved.body.id}/consent`, {
          channel: 'email',
          granted: true,
          purposes: ['recall'],
          at: '2026-03-02T10:00:00Z',
        })
        .expect(200);
      expect(consent.body.consent.email).toEqual({
        granted: true,
        purposes: ['recall'],
        source: 'pms',
        at: '2026-03-02T10:00:00.000Z',
      });
      expect(consent.body.consentHistory).toHaveLength(2);
    });

    it('should record what a PMS event says of the patient: consent, referring doctor, birth date', async () => {
      const event = bookingEvent('evid-1', 'A-evid-1', '2026-03-07T10:00', { patient: 'P-EVENT' });
      const patient = {
        ...event.patient,
        birthDate: '1984-11-30',
        referringDoctor: { name: 'Dr Hugo Bernard', phone: '01 45 67 89 00' },
        consent: {
          sms: { granted: true, purposes: ['reminders', 'recall'], at: '2026-03-01T10:00:00Z' },
          email: { granted: false, at: '2026-03-01T10:00:00Z' },
        },
      };
      await ctx
        .http()
        .post('/api/events')
        .set('X-Api-Key', clinic.apiKey)
        .send({ ...event, patient })
        .expect(202);
      const found = await ctx.as(clinic).get('/api/patients?q=p-event').expect(200);
      expect(found.body.items).toHaveLength(1);
      expect(found.body.items[0]).toMatchObject({
        birthDate: '1984-11-30',
        referringDoctor: { name: 'Dr Hugo Bernard', phone: '01 45 67 89 00' },
        consent: {
          sms: {
            granted: true,
            purposes: ['reminders', 'recall'],
            source: 'pms',
            at: '2026-03-01T10:00:00.000Z',
          },
          email: { granted: false, purposes: [], source: 'pms', at: '2026-03-01T10:00:00.000Z' },
        },
      });
      expect(found.body.items[0].consentHistory).toHaveLength(2);
    });

    it("should keep a STOP in force over the PMS's older word, and keep that word in the history once", async () => {
      const post = (id: string, consent: object) => {
        const event = bookingEvent(id, `A-${id}`, '2026-03-07T10:00', { patient: 'P-STOP' });
        return ctx
          .http()
          .post('/api/events')
          .set('X-Api-Key', clinic.apiKey)
          .send({ ...event, patient: { ...event.patient, consent } })
          .expect(202);
      };
      const granted = { sms: { granted: true, at: '2026-03-01T10:00:00Z' } };
      await post('stop-1', granted);
      const id = (await ctx.as(clinic).get('/api/patients?q=p-stop').expect(200)).body.items[0].id;
      await ctx
        .as(clinic)
        .post(`/api/patients/${id}/consent`, {
          channel: 'sms',
          granted: false,
          source: 'patient-reply',
          at: '2026-03-03T09:00:00Z',
        })
        .expect(200);
      await post('stop-2', granted); // the PMS restates what it knew
      const older = { sms: { granted: true, purposes: ['reminders'], at: '2026-03-02T10:00:00Z' } };
      await post('stop-3', older); // a decision the PMS recorded before the STOP
      await post('stop-4', older);
      const patient = (await ctx.as(clinic).get(`/api/patients/${id}`).expect(200)).body;
      expect(patient.consent.sms).toMatchObject({ granted: false, source: 'patient-reply' });
      expect(patient.consentHistory.map((h: { granted: boolean; at: string }) => [h.granted, h.at])).toEqual([
        [true, '2026-03-01T10:00:00.000Z'],
        [false, '2026-03-03T09:00:00.000Z'],
        [true, '2026-03-02T10:00:00.000Z'],
      ]);
      // consent given after the STOP is in force again
      await post('stop-5', { sms: { granted: true, at: '2026-03-04T10:00:00Z' } });
      expect((await ctx.as(clinic).get(`/api/patients/${id}`).expect(200)).body.consent.sms).toMatchObject({
        granted: true,
        source: 'pms',
      });
    });

    it.each([
      { path: 'body.patient.consent.sms.at', consent: { sms: { granted: true } } },
      {
        path: 'body.patient.consent.sms.purposes.0',
        consent: { sms: { granted: true, purposes: ['ads'], at: '2026-03-01T10:00:00Z' } },
      },
      { path: 'body.patient.birthDate', birthDate: '30/11/1984' },
    ])('should answer 400 naming $path for an event', async ({ path, ...patch }) => {
      const event = bookingEvent('bad-1', 'A-bad-1', '2026-03-07T10:00');
      const res = await ctx
        .http()
        .post('/api/events')
        .set('X-Api-Key', clinic.apiKey)
        .send({ ...event, patient: { ...event.patient, ...patch } })
        .expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    });

    it('should answer 400 naming body.birthDate for a patient', async () => {
      const res = await ctx
        .as(clinic)
        .post('/api/patients', { firstName: 'Léa', birthDate: '1990-13-01' })
        .expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.birthDate']);
    });
  });

  describe('consent on the service status page', () => {
    const optIn = ctx.clinic();
    const everyone = ctx.clinic();

    it('should count, in an opt-in clinic, the patients without consent on each channel', async () => {
      const { key } = await keyWith(optIn, ['directory']);
      const at = '2026-03-01T10:00:00Z';
      const patients = [
        { externalId: 'P-1', consent: { sms: { granted: true, at } } },
        { externalId: 'P-2', consent: { sms: { granted: true, at }, email: { granted: true, at } } },
        { externalId: 'P-3', consent: { sms: { granted: false, at } } },
        { externalId: 'P-4' },
      ];
      for (const { externalId, ...fields } of patients) {
        await pms(key)
          .put(`/api/patients/by-external-id/${externalId}`, { firstName: 'Léa', ...fields })
          .expect(200);
      }
      const status = (await ctx.as(optIn).get('/api/status').expect(200)).body;
      expect(status.consent).toEqual({
        mode: 'opt-in',
        patients: 4,
        withoutConsent: { sms: 2, email: 3, voice: 4, whatsapp: 4 },
      });
    });

    it('should count nothing in a clinic that sends to every patient with a valid contact', async () => {
      await ctx
        .as(everyone)
        .put('/api/settings', { consent: { mode: 'all-with-valid-contact', purposes: [] } })
        .expect(200);
      const status = (await ctx.as(everyone).get('/api/status').expect(200)).body;
      expect(status.consent).toEqual({
        mode: 'all-with-valid-contact',
        patients: null,
        withoutConsent: null,
      });
    });
  });
});
