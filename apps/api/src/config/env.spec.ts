import { InvalidEnvError, loadEnv, maskUri } from './env';

describe(loadEnv.name, () => {
  it('should apply defaults', () => {
    const env = loadEnv({ MONGODB_URI: 'mongodb://127.0.0.1:27017/' });
    expect(env).toMatchObject({
      PORT: 3000,
      MONGODB_DB_NAME: 'clinicflow',
      DATABASE_CONNECT_TIMEOUT_SECONDS: 30,
    });
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
        ...(value === undefined ? {} : { CLINICFLOW_OPERATOR_KEY: value }),
      });
    if (ok) expect(load().CLINICFLOW_OPERATOR_KEY).toBe(value);
    else expect(load).toThrow(/CLINICFLOW_OPERATOR_KEY: must be at least 32 characters/);
  });

  it('should say MONGODB_URI is required when it is missing', () => {
    expect(() => loadEnv({})).toThrow(/MONGODB_URI: is required/);
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
