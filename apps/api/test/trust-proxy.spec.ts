import { useTestContext, type TestClinic } from './test-app';

/** How many logins the account throttle lets one address make in a minute (ACCOUNT_THROTTLE). */
const LOGINS_A_MINUTE = 30;

/** `count` logins of unknown e-mails from `client`: the status of the last one. */
async function loginsFrom(ctx: ReturnType<typeof useTestContext>, client: string, count: number) {
  let status = 0;
  for (let i = 0; i < count; i++) {
    const res = await ctx
      .http()
      .post('/api/auth/login')
      .set('x-forwarded-for', client)
      // one e-mail each: an account's own lockout (5 wrong passwords) is not what is counted here
      .send({ email: `nobody-${client}-${i}@proxy.test`, password: 'not-the-password' });
    status = res.status;
  }
  return status;
}

/** A wrong password for the clinic's manager, sent as if through a proxy that says the client is `client`. */
async function failedLoginFrom(ctx: ReturnType<typeof useTestContext>, clinic: TestClinic, client: string) {
  await ctx
    .http()
    .post('/api/auth/login')
    .set('x-forwarded-for', client)
    .send({ email: clinic.managerEmail, password: 'not-the-password' })
    .expect(401);
  const entries = (await ctx.as(clinic).get('/api/audit?action=login.failed').expect(200)).body.items;
  return entries[0] as { address: string | null };
}

describe('the client address behind a proxy (TRUST_PROXY)', () => {
  describe('a trusted proxy (TRUST_PROXY=loopback)', () => {
    const ctx = useTestContext({ TRUST_PROXY: 'loopback' });
    const clinic = ctx.clinic();

    it('records the address the proxy says (the last one it added)', async () => {
      expect((await failedLoginFrom(ctx, clinic, '203.0.113.7')).address).toBe('203.0.113.7');
      expect((await failedLoginFrom(ctx, clinic, '198.51.100.9, 203.0.113.8')).address).toBe('203.0.113.8');
    });

    it('limits logins per client: one client refused, another through the same proxy still heard', async () => {
      expect(await loginsFrom(ctx, '192.0.2.1', LOGINS_A_MINUTE + 1)).toBe(429);
      expect(await loginsFrom(ctx, '192.0.2.2', 1)).toBe(401);
    });
  });

  describe('no proxy trusted (the default)', () => {
    const ctx = useTestContext();
    const clinic = ctx.clinic();

    it("records the connection's address: a client cannot choose its own by a header", async () => {
      const entry = await failedLoginFrom(ctx, clinic, '203.0.113.7');
      expect(entry.address).not.toBe('203.0.113.7');
      expect(entry.address).toMatch(/127\.0\.0\.1|::1/);
    });

    it('limits logins per connection address: another header does not make another client', async () => {
      expect(await loginsFrom(ctx, '192.0.2.1', LOGINS_A_MINUTE + 1)).toBe(429);
      expect(await loginsFrom(ctx, '192.0.2.2', 1)).toBe(429);
    });
  });
});
