import { Controller, INestApplication, Post } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { Test } from '@nestjs/testing';
import { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { loadEnv } from '../src/config/env';
import { configureHttp } from '../src/http/configure-http';
import { AllowApiKey, ManagersOnly } from '../src/http/principal';
import { createTestApp, type TestClinic, testDatabaseName, useTestContext } from './test-app';

/**
 * Sessions that end (issue 16, item 4): a token carries its user's session version, checked on every request
 * and socket; disabling a user, a new password or "sign out everywhere" ends every session at once, and a
 * socket closes when its token expires.
 */
const ctx = useTestContext();
const a = ctx.clinic();
const sockets: Socket[] = [];

beforeAll(async () => {
  await ctx.app.listen(0, '127.0.0.1');
});
afterAll(() => sockets.forEach((s) => s.disconnect()));

/** A live socket of the token, with when it was closed by the server (and whether it heard `session.ended`). */
async function liveSocket(token: string, app: INestApplication = ctx.app) {
  const { port } = app.getHttpServer().address() as AddressInfo;
  const socket = io(`http://127.0.0.1:${port}/live`, {
    path: '/socket.io',
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  const state = { closedAt: null as number | null, toldEnded: false };
  socket.on('session.ended', () => (state.toldEnded = true));
  socket.on('disconnect', () => (state.closedAt = Date.now()));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return state;
}

async function until(check: () => boolean, timeoutMs: number) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A new staff user of the clinic and their token. */
async function newStaff(clinic: TestClinic, email: string, password = 'staff member passphrase') {
  const created = await ctx
    .as(clinic)
    .post('/api/users', { email, name: 'Staff', role: 'staff', password })
    .expect(201);
  const login = await ctx.http().post('/api/auth/login').send({ email, password }).expect(200);
  return { id: created.body.id as string, token: login.body.accessToken as string, password };
}

describe('disabling a user', () => {
  it('should refuse their token on the next request and close their open socket within a second', async () => {
    const staff = await newStaff(a, 'leaving@test.clinicflow');
    await ctx.as(a, staff.token).get('/api/auth/me').expect(200);
    const socket = await liveSocket(staff.token);

    const disabledAt = Date.now();
    const disabled = await ctx.as(a).post(`/api/users/${staff.id}/disable`).expect(200);
    expect(disabled.body.status).toBe('disabled');
    await ctx.as(a, staff.token).get('/api/auth/me').expect(401);
    await until(() => socket.closedAt !== null, 1_000);
    expect(socket.closedAt! - disabledAt).toBeLessThan(1_000);
    expect(socket.toldEnded).toBe(true);

    const login = await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: 'leaving@test.clinicflow', password: staff.password })
      .expect(403);
    expect(login.body.message).toMatch(/disabled/);

    await ctx.as(a).post(`/api/users/${staff.id}/enable`).expect(200);
    await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: 'leaving@test.clinicflow', password: staff.password })
      .expect(200);
    // the token from before the disable stays ended
    await ctx.as(a, staff.token).get('/api/auth/me').expect(401);
  });

  it('should close the user’s socket on another API process within a second', async () => {
    const second = await createTestApp({
      MONGODB_DB_NAME: ctx.app.get(ConfigService).get('MONGODB_DB_NAME') as string,
    });
    try {
      await second.listen(0, '127.0.0.1');
      const staff = await newStaff(a, 'elsewhere@test.clinicflow');
      const socket = await liveSocket(staff.token, second);
      const disabledAt = Date.now();
      await ctx.as(a).post(`/api/users/${staff.id}/disable`).expect(200);
      await request(second.getHttpServer())
        .get('/api/auth/me')
        .auth(staff.token, { type: 'bearer' })
        .expect(401);
      await until(() => socket.closedAt !== null, 1_000);
      expect(socket.closedAt! - disabledAt).toBeLessThan(1_000);
    } finally {
      await second.close();
    }
  });

  it('should refuse to disable the clinic’s last active manager with 409', async () => {
    const me = await ctx.as(a).get('/api/auth/me').expect(200);
    const res = await ctx.as(a).post(`/api/users/${me.body.userId}/disable`).expect(409);
    expect(res.body.errors).toEqual([{ path: 'params.id', message: 'the last active manager' }]);
  });

  it('should let only managers disable, and answer 404 for another clinic’s user', async () => {
    const b = await ctx.newClinic();
    const staff = await newStaff(a, 'other-clinic@test.clinicflow');
    await ctx.as(a, a.staffToken).post(`/api/users/${staff.id}/disable`).expect(403);
    await ctx.as(b).post(`/api/users/${staff.id}/disable`).expect(404);
  });
});

describe('a new password', () => {
  it('should end every other session, sockets included, and answer a new token for this one', async () => {
    const staff = await newStaff(a, 'changing@test.clinicflow');
    const other = await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: 'changing@test.clinicflow', password: staff.password })
      .expect(200);
    const socket = await liveSocket(other.body.accessToken);

    const wrong = await ctx
      .as(a, staff.token)
      .post('/api/account/password', { currentPassword: 'not my password', newPassword: 'my new passphrase' })
      .expect(400);
    expect(wrong.body.errors).toEqual([
      { path: 'body.currentPassword', message: 'is not your current password' },
    ]);

    const changed = await ctx
      .as(a, staff.token)
      .post('/api/account/password', { currentPassword: staff.password, newPassword: 'my new passphrase' })
      .expect(200);
    await ctx.as(a, staff.token).get('/api/auth/me').expect(401);
    await ctx.as(a, other.body.accessToken).get('/api/auth/me').expect(401);
    await ctx.as(a, changed.body.accessToken).get('/api/auth/me').expect(200);
    await until(() => socket.closedAt !== null, 1_000);
    await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: 'changing@test.clinicflow', password: staff.password })
      .expect(401);
  });

  it.each([
    { title: 'a short one', newPassword: 'short', message: expect.stringMatching(/at least 12/) },
    { title: 'a common one', newPassword: 'qwerty123456', message: expect.stringMatching(/too common/) },
  ])('should refuse $title with 400 naming body.newPassword', async ({ newPassword, message }) => {
    const staff = await newStaff(a, `rules-${newPassword}@test.clinicflow`);
    const res = await ctx
      .as(a, staff.token)
      .post('/api/account/password', { currentPassword: staff.password, newPassword })
      .expect(400);
    expect(res.body.errors).toEqual([{ path: 'body.newPassword', message }]);
  });
});

describe('sign out everywhere', () => {
  it('should end every session of the user, this one included', async () => {
    const staff = await newStaff(a, 'everywhere@test.clinicflow');
    const socket = await liveSocket(staff.token);
    await ctx.as(a, staff.token).post('/api/account/sign-out-everywhere').expect(200, { signedOut: true });
    await ctx.as(a, staff.token).get('/api/auth/me').expect(401);
    await until(() => socket.closedAt !== null, 1_000);
  });
});

describe('token expiry', () => {
  it('should close a socket when its token expires', async () => {
    const staff = await newStaff(a, 'expiring@test.clinicflow');
    const me = await ctx.as(a, staff.token).get('/api/auth/me').expect(200);
    const shortLived = await ctx.app
      .get(JwtService)
      .signAsync({ sub: me.body.userId, clinicId: a.clinicId, ver: 0 }, { expiresIn: 1 });
    const socket = await liveSocket(shortLived);
    const connectedAt = Date.now();
    await until(() => socket.closedAt !== null, 3_000);
    expect(socket.closedAt! - connectedAt).toBeLessThan(1_500);
    await ctx.as(a, shortLived).get('/api/auth/me').expect(401);
  });
});

describe('API keys', () => {
  it('should show the label and the creator, and write lastUsedAt once a minute at most', async () => {
    const created = await ctx
      .as(a)
      .post('/api/api-keys', { name: 'Front PMS', scopes: ['reports'] })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'Front PMS', createdBy: a.managerEmail, lastUsedAt: null });
    const use = () => ctx.http().get('/api/deliveries').set('x-api-key', created.body.key).expect(200);
    const lastUsed = async () =>
      (await ctx.as(a).get('/api/api-keys').expect(200)).body.find(
        (k: { id: string }) => k.id === created.body.id,
      ).lastUsedAt as string | null;
    await use();
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await use();
    await use();
    expect(await lastUsed()).toBe(first);
  });
});

/** A route that is a manager's and also names a read-only key scope: the key's role must still be checked. */
@Controller('probe')
class ProbeController {
  @Post()
  @ManagersOnly()
  @AllowApiKey('reports', 'directory')
  write() {
    return { written: true };
  }
}

describe('roles for API keys', () => {
  let app: INestApplication;
  beforeAll(async () => {
    const env = loadEnv({
      ...process.env,
      MONGODB_DB_NAME: testDatabaseName(),
      LOG_LEVEL: 'silent',
      EDITOR_DIST_DIR: '/nonexistent',
      ENGINE_ENABLED: 'false',
    });
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(env)],
      controllers: [ProbeController],
    }).compile();
    app = moduleRef.createNestApplication({ bodyParser: false });
    configureHttp(app);
    await app.init();
  });
  afterAll(() => app.close());

  it('should refuse a manager’s route to a key that only reads, and let a key that writes through', async () => {
    const { ClinicService } = await import('../src/modules/clinics/clinic.service');
    const { clinicId } = await app.get(ClinicService).create({
      name: 'Probe clinic',
      timeZone: 'Europe/Paris',
      country: 'FR',
      defaultLanguage: 'fr',
      manager: { email: 'probe@test.clinicflow', name: 'Probe', password: 'probe manager passphrase' },
    });
    const http = () => request(app.getHttpServer());
    const token = (
      await http()
        .post('/api/auth/login')
        .send({ email: 'probe@test.clinicflow', password: 'probe manager passphrase' })
    ).body.accessToken as string;
    const keyWith = async (scopes: string[]) =>
      (
        await http()
          .post('/api/api-keys')
          .auth(token, { type: 'bearer' })
          .send({ name: 'k', scopes })
          .expect(201)
      ).body.key as string;
    const reader = await keyWith(['reports']);
    const writer = await keyWith(['directory']);
    const refused = await http().post('/api/probe').set('x-api-key', reader).expect(403);
    expect(refused.body.message).toMatch(/only reads/);
    await http().post('/api/probe').set('x-api-key', writer).expect(201);
    expect(clinicId).toBeTruthy();
  });
});
