import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DemoSeedService } from '../src/modules/demo/demo-seed.service';
import { createTestApp, testDatabaseName } from './test-app';

describe(DemoSeedService.name, () => {
  const database = testDatabaseName();
  let app: INestApplication;
  let printed = '';
  let token: string;

  beforeAll(async () => {
    const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      printed += `${args.join(' ')}\n`;
    });
    app = await createTestApp({ SEED_DEMO: 'true', MONGODB_DB_NAME: database });
    log.mockRestore();
    const login = await request(app.getHttpServer())
      .post('/api/auth/login')
      .send({ email: 'manager@demo.clinicflow.test', password: 'clinicflow-demo-manager' })
      .expect(200);
    token = login.body.accessToken;
  }, 120_000);
  afterAll(() => app.close());

  const get = (url: string) => request(app.getHttpServer()).get(url).auth(token, { type: 'bearer' });

  it('should print the demo credentials and the API key', () => {
    expect(printed).toContain('manager: manager@demo.clinicflow.test  password: clinicflow-demo-manager');
    expect(printed).toContain('staff:   accueil@demo.clinicflow.test  password: clinicflow-demo-staff');
    expect(printed).toMatch(/PMS API key .*: cf_[0-9a-f]{16}\./);
  });

  it('should let the staff user log in', async () => {
    await request(app.getHttpServer())
      .post('/api/auth/login')
      .send({ email: 'accueil@demo.clinicflow.test', password: 'clinicflow-demo-staff' })
      .expect(200);
  });

  it('should accept the printed API key', async () => {
    const key = /(cf_[0-9a-f]{16}\.[A-Za-z0-9_-]{32})/.exec(printed)![1];
    await request(app.getHttpServer()).get('/api/events/probe').set('x-api-key', key).expect(200);
  });

  it.each([
    ['/api/services', 3],
    ['/api/resources', 3],
    ['/api/locations', 2],
    ['/api/patients', 40],
    ['/api/appointments', 120],
  ])('should create the catalogue: %s has %i entries', async (url, count) => {
    expect((await get(url).expect(200)).body.total).toBe(count);
  });

  it('should set Paris, French, test mode and the sandbox provider', async () => {
    const settings = await get('/api/settings').expect(200);
    expect(settings.body).toMatchObject({
      timeZone: 'Europe/Paris',
      defaultLanguage: 'fr',
      testMode: true,
      providers: { sms: { kind: 'sandbox' } },
      credits: { balance: 500 },
    });
  });

  it('should mix consent and attendance', async () => {
    const patients = (await get('/api/patients?pageSize=100').expect(200)).body.items;
    const consent = patients.map((p: { consent: { sms?: { granted: boolean } } }) => p.consent.sms?.granted);
    expect(new Set(consent)).toEqual(new Set([true, false, undefined]));
    expect(patients.some((p: { attendance: { noShows: number } }) => p.attendance.noShows >= 3)).toBe(true);
  });

  it('should publish and enable the starter flows', async () => {
    const flows = (await get('/api/flows').expect(200)).body;
    expect(flows.length).toBeGreaterThan(0);
    expect(
      flows.filter((f: { enabled: boolean; latestVersion: number }) => f.enabled && f.latestVersion === 1)
        .length,
    ).toBeGreaterThan(0);
  });

  it('should publish the reminders with their "reply C" question, sent from a number patients can reply to', async () => {
    const flows = (await get('/api/flows').expect(200)).body;
    expect(flows.find((f: { starterKey: string }) => f.starterKey === 'reminders')).toMatchObject({
      enabled: true,
      latestVersion: 1,
      problemCount: 0,
    });
    const settings = await get('/api/settings').expect(200);
    expect(settings.body.senders).toMatchObject({
      smsSenderName: 'CabLilas',
      smsReplyNumber: '+33757000000',
    });
    expect(settings.body.replyRoutes).toMatchObject({ smsSender: '+33757000000' });
  });

  it('should not seed again when the database has a clinic', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const again = await createTestApp({ SEED_DEMO: 'true', MONGODB_DB_NAME: database });
    await again.close();
    expect(log.mock.calls.join('\n')).toContain('manager: manager@demo.clinicflow.test');
    log.mockRestore();
    expect((await get('/api/patients').expect(200)).body.total).toBe(40);
  });
});
