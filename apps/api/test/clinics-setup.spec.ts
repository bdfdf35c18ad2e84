import type { INestApplication } from '@nestjs/common';
import { Db } from 'mongodb';
import request from 'supertest';
import { createTestApp } from './test-app';

/**
 * The first run and the platform operator (issue 16, items 1 and 2): an empty installation is set up once from
 * the setup page's route, never taken over afterwards; the operator's routes exist only with its key, and the
 * manager of a clinic it creates chooses a password with the answered link.
 */
const setup = {
  clinic: { name: 'Cabinet du Parc', timeZone: 'Europe/Paris', defaultLanguage: 'fr', country: 'FR' },
  manager: {
    name: 'Camille Martin',
    email: 'Camille@cabinet-du-parc.test',
    password: 'a long first passphrase',
  },
};

describe('the first run', () => {
  let app: INestApplication;
  const http = () => request(app.getHttpServer());
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it.each([
    { path: 'body.clinic.timeZone', patch: { clinic: { ...setup.clinic, timeZone: 'Mars/Olympus' } } },
    { path: 'body.clinic.country', patch: { clinic: { ...setup.clinic, country: 'France' } } },
    { path: 'body.manager.email', patch: { manager: { ...setup.manager, email: 'nope' } } },
    { path: 'body.manager.password', patch: { manager: { ...setup.manager, password: 'short' } } },
    { path: 'body.manager.password', patch: { manager: { ...setup.manager, password: 'qwerty123456' } } },
  ])('should answer 400 naming $path, and set nothing up', async ({ path, patch }) => {
    const res = await http()
      .post('/api/setup')
      .send({ ...setup, ...patch })
      .expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    await http().get('/api/setup').expect(200, { needed: true });
  });

  it('should set up the clinic once, sign its manager in, and answer "already set up" afterwards', async () => {
    await http().get('/api/setup').expect(200, { needed: true });
    const answers = await Promise.all([
      http().post('/api/setup').send(setup),
      http().post('/api/setup').send(setup),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const created = answers.find((r) => r.status === 201)!;
    const token = created.body.accessToken as string;
    const me = await http().get('/api/auth/me').auth(token, { type: 'bearer' }).expect(200);
    expect(me.body).toMatchObject({
      clinicId: created.body.clinicId,
      role: 'manager',
      email: 'camille@cabinet-du-parc.test',
    });

    const settings = await http().get('/api/settings').auth(token, { type: 'bearer' }).expect(200);
    expect(settings.body).toMatchObject({
      name: 'Cabinet du Parc',
      timeZone: 'Europe/Paris',
      testMode: true,
      consent: { mode: 'opt-in' },
      quietHours: { windows: [{ start: '21:00', end: '08:00' }] },
    });
    const flows = await http().get('/api/flows').auth(token, { type: 'bearer' }).expect(200);
    expect(flows.body.length).toBeGreaterThan(3);
    expect(
      flows.body.every(
        (f: { enabled: boolean; latestVersion: number | null }) => !f.enabled && f.latestVersion === null,
      ),
    ).toBe(true);

    await http().get('/api/setup').expect(200, { needed: false });
    const again = await http().post('/api/setup').send(setup).expect(409);
    expect(again.body).toMatchObject({ message: expect.stringMatching(/already set up/) });
    const entries = await app
      .get(Db)
      .collection('audit_entries')
      .find({ action: 'clinic.created' })
      .toArray();
    expect(entries).toHaveLength(1);
  });

  it('should have no operator routes without CLINICFLOW_OPERATOR_KEY', async () => {
    await http().get('/api/operator/clinics').set('x-operator-key', 'x'.repeat(40)).expect(404);
    await http().post('/api/operator/clinics').send({}).expect(404);
  });
});

describe('the platform operator', () => {
  const key = 'operator-key-for-the-tests-0123456789abcdef';
  let app: INestApplication;
  const http = () => request(app.getHttpServer());
  beforeAll(async () => {
    app = await createTestApp({ CLINICFLOW_OPERATOR_KEY: key });
  });
  afterAll(() => app.close());

  it.each([
    { title: 'no key', header: undefined },
    { title: 'a wrong key', header: 'not-the-operator-key-0123456789abcdef' },
  ])('should refuse $title with 401', async ({ header }) => {
    const req = http().get('/api/operator/clinics');
    if (header) req.set('x-operator-key', header);
    await req.expect(401);
  });

  it('should not take a user’s token or an API key on its routes', async () => {
    await http()
      .get('/api/operator/clinics')
      .auth('eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl', { type: 'bearer' })
      .expect(401);
  });

  it('should answer 400 naming the bad fields of a clinic', async () => {
    const res = await http()
      .post('/api/operator/clinics')
      .set('x-operator-key', key)
      .send({ name: '', timeZone: 'Nowhere', manager: { email: 'x' } })
      .expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'body.manager.email',
      'body.name',
      'body.timeZone',
    ]);
  });

  it('should create a clinic whose manager sets a password with the link, then list it and disable it', async () => {
    const created = await http()
      .post('/api/operator/clinics')
      .set('x-operator-key', key)
      .send({ name: 'Centre Opéra', timeZone: 'Europe/Paris', manager: { email: 'lead@centre-opera.test' } })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'Centre Opéra', managerEmail: 'lead@centre-opera.test' });
    const token = (created.body.setPasswordLink as string).split('#')[1];
    const set = await http()
      .post('/api/auth/set-password')
      .send({ token, password: 'the lead’s passphrase' })
      .expect(200);
    const me = await http().get('/api/auth/me').auth(set.body.accessToken, { type: 'bearer' }).expect(200);
    expect(me.body).toMatchObject({ clinicId: created.body.clinicId, role: 'manager' });
    const apiKey = (
      await http()
        .post('/api/api-keys')
        .auth(set.body.accessToken, { type: 'bearer' })
        .send({ name: 'PMS' })
        .expect(201)
    ).body.key as string;

    const list = await http().get('/api/operator/clinics').set('x-operator-key', key).expect(200);
    expect(list.body).toContainEqual(
      expect.objectContaining({ id: created.body.clinicId, disabledAt: null }),
    );

    await http()
      .post(`/api/operator/clinics/${created.body.clinicId}/disable`)
      .set('x-operator-key', key)
      .expect(200);
    await http().get('/api/auth/me').auth(set.body.accessToken, { type: 'bearer' }).expect(401);
    await http().get('/api/events/probe').set('x-api-key', apiKey).expect(401);
    await http()
      .post('/api/auth/login')
      .send({ email: 'lead@centre-opera.test', password: 'the lead’s passphrase' })
      .expect(403);
    await http().post('/api/operator/clinics/no-such-clinic/disable').set('x-operator-key', key).expect(404);
  });
});
