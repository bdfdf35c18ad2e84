import { JwtService } from '@nestjs/jwt';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PUBLIC_DEVELOPMENT_SECRET } from '../src/config/env';
import { EngineService } from '../src/modules/engine/engine.service';
import {
  CredentialCipherRepository,
  CredentialsUnreadableError,
} from '../src/modules/settings/credential-cipher.repository';
import type { SettingsDocument } from '../src/modules/settings/settings.repository';
import { startSmsc, type Smsc } from './engine-dispatch-peers';
import { collection, deliveryFactory, smscProvider, until } from './engine-dispatch-fixtures';
import { createTestContext, testDatabaseName, type TestContext } from './test-app';
import { TestClock } from './test-clock';

/**
 * Secrets fail closed (issue 17): the API does not start without a secret of its own, a token signed with the
 * public default is refused, and a new APP_SECRET takes over from the old one (APP_SECRET_PREVIOUS) while the
 * clinics' provider credentials still open and are sealed again under the new one.
 */
const SECRET_A = 'a1'.repeat(32);
const SECRET_B = 'b2'.repeat(32);
const MAIN_JS = path.resolve(__dirname, '../dist/main.js');
const PASSWORD = 'correct-horse-battery';

/** The stored SMS provider's sealed credentials of a clinic. */
async function sealedSmsCredentials(context: TestContext, clinicId: string) {
  const settings = await collection<SettingsDocument>(context.app, 'clinic_settings').findOne({
    _id: clinicId,
  });
  return settings!.providers.sms!.sealedCredentials!;
}

/** A cipher holding only this secret, to tell under which secret credentials are sealed. */
function cipherOnly(secret: string) {
  const values = { APP_SECRET: secret, APP_SECRET_PREVIOUS: [] };
  return new CredentialCipherRepository({ get: (key: keyof typeof values) => values[key] } as never);
}

describe('a new APP_SECRET taking over (APP_SECRET_PREVIOUS)', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const database = testDatabaseName();
  // the SMS centre of this test listens on 127.0.0.1, which the outbound host guard lets through only when listed
  const env = { MONGODB_DB_NAME: database, CLINICFLOW_ALLOWED_PROVIDER_HOSTS: '127.0.0.1' };
  let smsc: Smsc;
  let before: TestContext | undefined;
  let after: TestContext | undefined;

  beforeAll(async () => {
    smsc = await startSmsc();
  });
  afterAll(async () => {
    await before?.close();
    await after?.close();
    await smsc.close();
  });

  it('should still send through the SMS centre with credentials sealed under the old secret, then seal them under the new one', async () => {
    before = await createTestContext({ ...env, APP_SECRET: SECRET_A }, { clock });
    const clinic = await before.newClinic();
    await before
      .http()
      .put('/api/settings')
      .auth(clinic.managerToken, { type: 'bearer' })
      .send({
        consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
        testMode: false,
        providers: { sms: smscProvider(smsc) },
      })
      .expect(200);
    await before
      .http()
      .post('/api/settings/credits/top-ups')
      .auth(clinic.managerToken, { type: 'bearer' })
      .send({ credits: 10 })
      .expect(200);
    const sealedUnderA = await sealedSmsCredentials(before, clinic.clinicId);
    expect(cipherOnly(SECRET_A).decrypt(sealedUnderA)).toEqual({ password: 'secret' });
    await before.close();
    before = undefined;

    after = await createTestContext(
      { ...env, APP_SECRET: SECRET_B, APP_SECRET_PREVIOUS: `${'c3'.repeat(32)},${SECRET_A}` },
      { clock },
    );
    const { plan, read } = deliveryFactory(() => after!.app, clock);
    const delivery = await plan(clinic.clinicId);
    await after.app.get(EngineService).drain();
    // the SMS centre binds only with the password "secret": the message went through with the stored one
    expect(await read(delivery)).toMatchObject({ status: 'sent', provider: 'smpp' });
    expect(smsc.submits).toEqual([
      { to: expect.stringMatching(/33612345678$/), text: 'Bonjour Léa, votre RDV est confirmé.' },
    ]);

    await until(async () => (await sealedSmsCredentials(after!, clinic.clinicId)) !== sealedUnderA);
    const sealedUnderB = await sealedSmsCredentials(after, clinic.clinicId);
    expect(cipherOnly(SECRET_B).decrypt(sealedUnderB)).toEqual({ password: 'secret' });
    expect(() => cipherOnly(SECRET_A).decrypt(sealedUnderB)).toThrow(CredentialsUnreadableError);
    expect(after.app.get(CredentialCipherRepository).isCurrent(sealedUnderB)).toBe(true);

    // a token the old secret signed does not open; a login under the new one does
    await after.http().get('/api/settings').auth(clinic.managerToken, { type: 'bearer' }).expect(401);
    const login = await after
      .http()
      .post('/api/auth/login')
      .send({ email: clinic.managerEmail, password: PASSWORD })
      .expect(200);
    const settings = await after
      .http()
      .get('/api/settings')
      .auth(login.body.accessToken, { type: 'bearer' })
      .expect(200);
    expect(settings.body.providers.sms.credentials).toEqual({ password: '********' });
  });
});

describe('a token signed with the public default secret', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext({ APP_SECRET: SECRET_B });
  });
  afterAll(() => context.close());

  it('should be refused (401), though its claims are those of a real manager', async () => {
    const clinic = await context.newClinic();
    const jwt = new JwtService({});
    const { sub, clinicId, ver } = jwt.decode<{ sub: string; clinicId: string; ver: number }>(
      clinic.managerToken,
    );
    const claims = { sub, clinicId, ver };
    const forged = await jwt.signAsync(claims, { secret: PUBLIC_DEVELOPMENT_SECRET, expiresIn: '1h' });
    const genuine = await jwt.signAsync(claims, { secret: SECRET_B, expiresIn: '1h' });

    await context.http().get('/api/settings').auth(forged, { type: 'bearer' }).expect(401);
    await context.http().get('/api/settings').auth(genuine, { type: 'bearer' }).expect(200);
  });
});

/** Runs the built API with this environment; answers its exit code and what it wrote to stderr. */
function runBuiltApi(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN_JS], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('node apps/api/dist/main.js without a secret of its own', () => {
  const { APP_SECRET: _secret, NODE_ENV: _nodeEnv, ...inherited } = process.env;
  const base = { ...inherited, MONGODB_URI: process.env.MONGODB_URI!, PORT: '0', LOG_LEVEL: 'silent' };

  beforeAll(() => {
    if (!existsSync(MAIN_JS)) {
      throw new Error(`${MAIN_JS} is missing: build the API first (npx nx build api).`);
    }
  });

  it('should exit non-zero, saying how to make one, without APP_SECRET and NODE_ENV', async () => {
    const { code, stderr } = await runBuiltApi(base);
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(stderr).toMatch(/APP_SECRET: is required: make one with `openssl rand -hex 32`/);
  });

  it('should exit non-zero with the public default, without printing it', async () => {
    const { code, stderr } = await runBuiltApi({ ...base, APP_SECRET: PUBLIC_DEVELOPMENT_SECRET });
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(stderr).toMatch(/APP_SECRET: is the public development default/);
    expect(stderr).not.toContain(PUBLIC_DEVELOPMENT_SECRET);
  });
});
