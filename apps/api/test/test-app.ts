import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { ClockRepository } from '../src/common/clock.repository';
import { loadEnv } from '../src/config/env';
import { configureHttp } from '../src/http/configure-http';
import { ClinicService } from '../src/modules/clinics/clinic.service';
import { UserService } from '../src/modules/users/user.service';

/** A database name of its own for one test file (FerretDB allows [A-Za-z0-9_-], 63 characters). */
export function testDatabaseName() {
  return `t_${randomBytes(8).toString('hex')}`;
}

/** What a test may replace: the clock (the engine's "now"). */
export interface TestAppOptions {
  clock?: ClockRepository;
}

/**
 * The real application, configured as main.ts does, against the test run's database. The engine does not
 * tick by itself (ENGINE_ENABLED=false) unless a test asks for it: specs drive it with `EngineService.tick`.
 */
export async function createTestApp(
  overrides: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<INestApplication> {
  const env = loadEnv({
    ...process.env,
    MONGODB_DB_NAME: testDatabaseName(),
    LOG_LEVEL: 'silent',
    EDITOR_DIST_DIR: '/nonexistent',
    ENGINE_ENABLED: 'false',
    // The SMTP, SMPP and HTTP peers the specs start listen on loopback: the provider host guard lets them in.
    CLINICFLOW_ALLOWED_PROVIDER_HOSTS: '127.0.0.1,localhost',
    ...overrides,
  });
  let builder = Test.createTestingModule({ imports: [AppModule.forRoot(env)] });
  if (options.clock) builder = builder.overrideProvider(ClockRepository).useValue(options.clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ bodyParser: false });
  configureHttp(app);
  await app.init();
  return app;
}

/** A clinic made for a test: its manager's and staff member's tokens and a PMS API key. */
export interface TestClinic {
  clinicId: string;
  managerEmail: string;
  managerToken: string;
  staffToken: string;
  apiKey: string;
}

let clinicCounter = 0;

/** The app plus fixtures: `ctx.newClinic()` creates a tenant through the services and logs its users in. */
export async function createTestContext(
  overrides: Record<string, string> = {},
  options: TestAppOptions = {},
) {
  const app = await createTestApp(overrides, options);
  const http = () => request(app.getHttpServer());

  async function newClinic(
    options: { timeZone?: string; defaultLanguage?: string } = {},
  ): Promise<TestClinic> {
    const n = ++clinicCounter;
    const tag = randomBytes(4).toString('hex');
    const managerEmail = `manager-${tag}-${n}@test.clinicflow`;
    const password = 'correct-horse-battery';
    const { clinicId } = await app.get(ClinicService).create({
      name: `Clinic ${n}`,
      timeZone: options.timeZone ?? 'Europe/Paris',
      country: 'FR',
      defaultLanguage: options.defaultLanguage ?? 'fr',
      manager: { email: managerEmail, name: 'Manager', password },
    });
    const staffEmail = `staff-${tag}-${n}@test.clinicflow`;
    await app
      .get(UserService)
      .create(clinicId, { email: staffEmail, name: 'Staff', role: 'staff', password });
    const login = async (email: string) =>
      (await http().post('/api/auth/login').send({ email, password }).expect(200)).body.accessToken as string;
    const managerToken = await login(managerEmail);
    const staffToken = await login(staffEmail);
    const apiKey = (
      await http().post('/api/api-keys').auth(managerToken, { type: 'bearer' }).send({ name: 'PMS' })
    ).body.key as string;
    return { clinicId, managerEmail, managerToken, staffToken, apiKey };
  }

  return { app, http, newClinic, close: () => app.close() };
}

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;
export type ClinicOptions = Parameters<TestContext['newClinic']>[0];

/**
 * The fixture of an integration spec, called once in its `describe`: starts the app (fresh database) in
 * `beforeAll`, closes it in `afterAll`. `ctx.clinic()` reserves a clinic made with the others in one
 * `beforeAll` after the app starts; its fields are there from then on (read them inside tests and hooks).
 * `ctx.as(clinic, token)` sends requests as that clinic's manager, or with the token given.
 */
export function useTestContext(overrides: Record<string, string> = {}, options: TestAppOptions = {}) {
  let context: TestContext | undefined;
  const started = () => {
    if (!context) throw new Error('the test app starts in beforeAll: use ctx inside tests and hooks');
    return context;
  };
  const reserved: { clinic: TestClinic; options: ClinicOptions }[] = [];

  beforeAll(async () => {
    context = await createTestContext(overrides, options);
    const made = await Promise.all(reserved.map(({ options }) => context!.newClinic(options)));
    made.forEach((clinic, i) => Object.assign(reserved[i].clinic, clinic));
  });
  afterAll(() => context?.close());

  const ctx = {
    get app() {
      return started().app;
    },
    http: () => started().http(),
    newClinic: (options?: ClinicOptions) => started().newClinic(options),
    clinic(options: ClinicOptions = {}): TestClinic {
      const clinic = {} as TestClinic;
      reserved.push({ clinic, options });
      return clinic;
    },
    as: (clinic: TestClinic, token = clinic.managerToken) => ({
      get: (url: string) => ctx.http().get(url).auth(token, { type: 'bearer' }),
      post: (url: string, body: object = {}) =>
        ctx.http().post(url).auth(token, { type: 'bearer' }).send(body),
      patch: (url: string, body: object) => ctx.http().patch(url).auth(token, { type: 'bearer' }).send(body),
      put: (url: string, body: object) => ctx.http().put(url).auth(token, { type: 'bearer' }).send(body),
      delete: (url: string) => ctx.http().delete(url).auth(token, { type: 'bearer' }),
    }),
  };
  return ctx;
}
