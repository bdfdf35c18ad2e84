import { InvalidEnvError, loadEnv, maskUri, PUBLIC_DEVELOPMENT_SECRET } from './env';

const SECRET = 's'.repeat(64);

describe(loadEnv.name, () => {
  it('should apply defaults', () => {
    const env = loadEnv({ MONGODB_URI: 'mongodb://127.0.0.1:27017/', APP_SECRET: SECRET });
    expect(env).toMatchObject({
      PORT: 3000,
      MONGODB_DB_NAME: 'clinicflow',
      DATABASE_CONNECT_TIMEOUT_SECONDS: 30,
      CLINICFLOW_ROLE: 'all',
      ENGINE_ENABLED: true,
    });
    expect(env.METRICS_TOKEN).toBeUndefined();
  });

  describe('the process role and the metrics token', () => {
    const base = { MONGODB_URI: 'mongodb://127.0.0.1:27017/', APP_SECRET: SECRET };

    it('should take web and worker, and refuse a worker without the engine or an unknown role', () => {
      expect(loadEnv({ ...base, CLINICFLOW_ROLE: 'web' }).CLINICFLOW_ROLE).toBe('web');
      expect(loadEnv({ ...base, CLINICFLOW_ROLE: 'worker' }).CLINICFLOW_ROLE).toBe('worker');
      expect(() => loadEnv({ ...base, CLINICFLOW_ROLE: 'worker', ENGINE_ENABLED: 'false' })).toThrow(
        /CLINICFLOW_ROLE: is worker while ENGINE_ENABLED is false/,
      );
      expect(() => loadEnv({ ...base, CLINICFLOW_ROLE: 'cron' })).toThrow(
        /CLINICFLOW_ROLE: must be all, web or worker/,
      );
    });

    it('should refuse a short metrics token', () => {
      expect(loadEnv({ ...base, METRICS_TOKEN: 'm'.repeat(32) }).METRICS_TOKEN).toBe('m'.repeat(32));
      expect(() => loadEnv({ ...base, METRICS_TOKEN: 'short' })).toThrow(
        /METRICS_TOKEN: must be at least 32/,
      );
    });
  });

  it('should take the trusted proxies as hops, addresses or ranges, and refuse anything else naming it', () => {
    const base = { MONGODB_URI: 'mongodb://127.0.0.1:27017/', APP_SECRET: SECRET };
    expect(loadEnv(base).TRUST_PROXY).toBeUndefined();
    for (const value of ['1', 'loopback', '10.0.0.0/8, 192.0.2.7', 'uniquelocal,::1', 'fd00::/8']) {
      expect(loadEnv({ ...base, TRUST_PROXY: value }).TRUST_PROXY).toBe(value);
    }
    for (const value of ['0', '11', 'yes', '10.0.0.0/40', 'loopback,nowhere', ' , ']) {
      expect(() => loadEnv({ ...base, TRUST_PROXY: value })).toThrow(
        /TRUST_PROXY: must be a number of proxies \(1 to 10\), or addresses and ranges/,
      );
    }
  });

  it('should list every bad variable in one error', () => {
    let error: unknown;
    try {
      loadEnv({ PORT: 'eighty', MONGODB_URI: 'postgres://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidEnvError);
    const problems = (error as InvalidEnvError).problems.join('\n');
    expect(problems).toMatch(/^PORT:/m);
    expect(problems).toMatch(/^MONGODB_URI: must start with mongodb/m);
    expect(problems).toMatch(/^LOG_LEVEL:/m);
  });

  it.each([
    { title: 'unset: the operator routes do not exist', value: undefined, ok: true },
    { title: 'a long key', value: 'k'.repeat(32), ok: true },
    { title: 'a short key', value: 'short', ok: false },
    { title: 'an empty key', value: '', ok: false },
  ])('should take CLINICFLOW_OPERATOR_KEY $title', ({ value, ok }) => {
    const load = () =>
      loadEnv({
        MONGODB_URI: 'mongodb://127.0.0.1:27017/',
        APP_SECRET: SECRET,
        ...(value === undefined ? {} : { CLINICFLOW_OPERATOR_KEY: value }),
      });
    if (ok) expect(load().CLINICFLOW_OPERATOR_KEY).toBe(value);
    else expect(load).toThrow(/CLINICFLOW_OPERATOR_KEY: must be at least 32 characters/);
  });

  describe('the HL7 listener', () => {
    const base = { MONGODB_URI: 'mongodb://127.0.0.1:27017/', APP_SECRET: SECRET };

    it('should be off unless a port is given, and bind every interface by default', () => {
      expect(loadEnv(base).HL7_MLLP_PORT).toBeUndefined();
      expect(loadEnv(base).HL7_MLLP_HOST).toBe('0.0.0.0');
      expect(loadEnv({ ...base, HL7_MLLP_PORT: '2575' }).HL7_MLLP_PORT).toBe(2575);
    });

    it.each([
      [{ HL7_MLLP_PORT: '70000' }, / {2}- HL7_MLLP_PORT: /],
      [
        { HL7_MLLP_TLS_CERT: '/etc/hl7/cert.pem' },
        / {2}- HL7_MLLP_TLS_KEY: HL7_MLLP_TLS_CERT and HL7_MLLP_TLS_KEY go together/,
      ],
      [
        { HL7_MLLP_TLS_KEY: '/etc/hl7/key.pem' },
        / {2}- HL7_MLLP_TLS_KEY: HL7_MLLP_TLS_CERT and HL7_MLLP_TLS_KEY go together/,
      ],
    ])('should refuse %p', (variables, problem) => {
      expect(() => loadEnv({ ...base, ...variables })).toThrow(problem);
    });

    it('should take TLS with both files', () => {
      const tls = { HL7_MLLP_TLS_CERT: '/etc/hl7/cert.pem', HL7_MLLP_TLS_KEY: '/etc/hl7/key.pem' };
      expect(loadEnv({ ...base, ...tls })).toMatchObject(tls);
    });
  });

  it('should say MONGODB_URI is required when it is missing', () => {
    expect(() => loadEnv({ APP_SECRET: SECRET })).toThrow(/MONGODB_URI: is required/);
  });

  describe('APP_SECRET', () => {
    const uri = { MONGODB_URI: 'mongodb://127.0.0.1:27017/' };
    const problemsOf = (source: NodeJS.ProcessEnv) => {
      try {
        loadEnv(source);
      } catch (error) {
        return (error as InvalidEnvError).problems.join('\n');
      }
      return '';
    };

    it.each([
      {
        title: 'missing',
        source: {},
        problem: /^APP_SECRET: is required: make one with `openssl rand -hex 32`/m,
      },
      {
        title: 'missing under NODE_ENV=production',
        source: { NODE_ENV: 'production' },
        problem: /^APP_SECRET: is required/m,
      },
      {
        title: 'short',
        source: { APP_SECRET: 'short' },
        problem: /^APP_SECRET: must be at least 32 characters/m,
      },
      {
        title: 'the public development default',
        source: { APP_SECRET: PUBLIC_DEVELOPMENT_SECRET },
        problem: /^APP_SECRET: is the public development default.*openssl rand -hex 32/m,
      },
      {
        title: 'the public default even under NODE_ENV=test',
        source: { APP_SECRET: PUBLIC_DEVELOPMENT_SECRET, NODE_ENV: 'test' },
        problem: /^APP_SECRET: is the public development default/m,
      },
    ])('should stop start-up when it is $title, without printing it', ({ source, problem }) => {
      const problems = problemsOf({ ...uri, ...source });
      expect(problems).toMatch(problem);
      if (source.APP_SECRET) expect(problems).not.toContain(source.APP_SECRET);
    });

    it('should list a missing secret with the other bad variables', () => {
      const problems = problemsOf({ PORT: 'eighty' });
      expect(problems).toMatch(/^PORT:/m);
      expect(problems).toMatch(/^MONGODB_URI:/m);
      expect(problems).toMatch(/^APP_SECRET: is required/m);
    });

    it('should make a random one under NODE_ENV=test only, the same for the whole process', () => {
      const first = loadEnv({ ...uri, NODE_ENV: 'test' }).APP_SECRET;
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(first).not.toBe(PUBLIC_DEVELOPMENT_SECRET);
      expect(loadEnv({ ...uri, NODE_ENV: 'test' }).APP_SECRET).toBe(first);
      expect(loadEnv({ ...uri, NODE_ENV: 'test', APP_SECRET: SECRET }).APP_SECRET).toBe(SECRET);
    });

    it.each([
      { title: 'unset', value: undefined, previous: [] },
      { title: 'empty', value: '', previous: [] },
      { title: 'one', value: 'a'.repeat(32), previous: ['a'.repeat(32)] },
      {
        title: 'several, with spaces, and the public default (a secret being replaced)',
        value: ` ${'a'.repeat(32)} ,${PUBLIC_DEVELOPMENT_SECRET}`,
        previous: ['a'.repeat(32), PUBLIC_DEVELOPMENT_SECRET],
      },
    ])('should read APP_SECRET_PREVIOUS $title', ({ value, previous }) => {
      const env = loadEnv({
        ...uri,
        APP_SECRET: SECRET,
        ...(value === undefined ? {} : { APP_SECRET_PREVIOUS: value }),
      });
      expect(env.APP_SECRET_PREVIOUS).toEqual(previous);
    });

    it('should refuse a short previous secret without printing it', () => {
      const problems = problemsOf({ ...uri, APP_SECRET: SECRET, APP_SECRET_PREVIOUS: 'too-short-secret' });
      expect(problems).toMatch(/^APP_SECRET_PREVIOUS\.0: each must be at least 32 characters/m);
      expect(problems).not.toContain('too-short-secret');
    });
  });
});

describe(maskUri.name, () => {
  it.each([
    ['mongodb://alice:s3cr3t@db.example:27017/x', 'mongodb://alice:****@db.example:27017/x'],
    ['mongodb+srv://bob:p%40ss@cluster0/x', 'mongodb+srv://bob:****@cluster0/x'],
    ['mongodb://127.0.0.1:27017/', 'mongodb://127.0.0.1:27017/'],
  ])('masks %s', (uri, masked) => {
    expect(maskUri(uri)).toBe(masked);
  });
});
