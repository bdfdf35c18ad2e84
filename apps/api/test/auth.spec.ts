import request from 'supertest';
import { useTestContext } from './test-app';

describe('access', () => {
  const ctx = useTestContext();
  const a = ctx.clinic();
  const b = ctx.clinic();

  describe('POST /api/auth/login', () => {
    it('should answer a token that opens the API', async () => {
      const res = await ctx
        .http()
        .post('/api/auth/login')
        .send({ email: a.managerEmail.toUpperCase(), password: 'correct-horse-battery' })
        .expect(200);
      const me = await ctx
        .http()
        .get('/api/auth/me')
        .auth(res.body.accessToken, { type: 'bearer' })
        .expect(200);
      expect(me.body).toMatchObject({ kind: 'user', clinicId: a.clinicId, role: 'manager' });
    });

    it.each([
      { title: 'a wrong password', body: () => ({ email: a.managerEmail, password: 'nope' }) },
      { title: 'an unknown e-mail', body: () => ({ email: 'who@nowhere.test', password: 'nope' }) },
    ])('should refuse $title with 401', async ({ body }) => {
      const res = await ctx.http().post('/api/auth/login').send(body()).expect(401);
      expect(res.body).toEqual({ statusCode: 401, message: 'Wrong e-mail or password', errors: [] });
    });

    it.each([
      { field: 'email', body: { email: 'not-an-email', password: 'x' } },
      { field: 'password', body: { email: 'a@b.fr' } },
    ])('should answer 400 naming body.$field', async ({ field, body }) => {
      const res = await ctx.http().post('/api/auth/login').send(body).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: `body.${field}` })]);
    });
  });

  describe('bearer tokens', () => {
    it.each([
      { title: 'no token', header: undefined },
      { title: 'a forged token', header: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl' },
      { title: 'another scheme', header: 'Basic abc' },
    ])('should answer 401 to $title', async ({ header }) => {
      const req = ctx.http().get('/api/settings');
      if (header) req.set('authorization', header);
      await req.expect(401);
    });

    it('should refuse a staff user on manager routes with 403', async () => {
      await ctx.http().get('/api/users').auth(a.staffToken, { type: 'bearer' }).expect(403);
    });

    it('should leave health open', async () => {
      await ctx.http().get('/api/health').expect(200);
    });
  });

  describe('users', () => {
    it('should let a manager add a staff user who can then log in', async () => {
      await ctx
        .http()
        .post('/api/users')
        .auth(a.managerToken, { type: 'bearer' })
        .send({ email: 'new.staff@test.clinicflow', name: 'New', role: 'staff', password: 'long-enough-pw' })
        .expect(201);
      await ctx
        .http()
        .post('/api/auth/login')
        .send({ email: 'new.staff@test.clinicflow', password: 'long-enough-pw' })
        .expect(200);
      const list = await ctx.http().get('/api/users').auth(a.managerToken, { type: 'bearer' }).expect(200);
      expect(list.body.map((u: { email: string }) => u.email)).toContain('new.staff@test.clinicflow');
      expect(JSON.stringify(list.body)).not.toContain('passwordHash');
    });

    it('should answer 409 naming body.email when the e-mail is taken in the clinic', async () => {
      const res = await ctx
        .http()
        .post('/api/users')
        .auth(a.managerToken, { type: 'bearer' })
        .send({ email: a.managerEmail, name: 'X', role: 'staff', password: 'long-enough-pw' })
        .expect(409);
      expect(res.body.errors).toEqual([{ path: 'body.email', message: 'already in use' }]);
    });

    it('should refuse a common password with 400 naming body.password', async () => {
      const res = await ctx
        .http()
        .post('/api/users')
        .auth(a.managerToken, { type: 'bearer' })
        .send({ email: 'common@test.clinicflow', name: 'X', role: 'staff', password: 'qwerty123456' })
        .expect(400);
      expect(res.body.errors).toEqual([
        { path: 'body.password', message: expect.stringMatching(/too common/) },
      ]);
    });

    it.each([
      { field: 'email', patch: { email: 'x' } },
      { field: 'role', patch: { role: 'admin' } },
      { field: 'password', patch: { password: 'short' } },
      { field: 'name', patch: { name: '' } },
    ])('should answer 400 naming body.$field', async ({ field, patch }) => {
      const body = {
        email: 'ok@test.clinicflow',
        name: 'Ok',
        role: 'staff',
        password: 'long-enough-pw',
        ...patch,
      };
      const res = await ctx
        .http()
        .post('/api/users')
        .auth(a.managerToken, { type: 'bearer' })
        .send(body)
        .expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([`body.${field}`]);
    });

    it("should not list another clinic's users", async () => {
      const list = await ctx.http().get('/api/users').auth(b.managerToken, { type: 'bearer' }).expect(200);
      expect(list.body.map((u: { email: string }) => u.email)).not.toContain(a.managerEmail);
    });
  });

  describe('API keys', () => {
    it('should show the key once and store only its hash', async () => {
      const created = await ctx
        .http()
        .post('/api/api-keys')
        .auth(a.managerToken, { type: 'bearer' })
        .send({ name: 'Second PMS' })
        .expect(201);
      expect(created.body.key).toMatch(/^cf_[0-9a-f]{16}\./);
      const list = await ctx.http().get('/api/api-keys').auth(a.managerToken, { type: 'bearer' }).expect(200);
      expect(list.body.find((k: { id: string }) => k.id === created.body.id)).not.toHaveProperty('key');
      expect(JSON.stringify(list.body)).not.toContain(created.body.key.split('.')[1]);
    });

    it('should stop accepting a revoked key', async () => {
      const created = await ctx
        .http()
        .post('/api/api-keys')
        .auth(a.managerToken, { type: 'bearer' })
        .send({ name: 'To revoke' })
        .expect(201);
      const probe = () => ctx.http().get('/api/events/probe').set('x-api-key', created.body.key);
      await probe().expect(200);
      await ctx
        .http()
        .delete(`/api/api-keys/${created.body.id}`)
        .auth(a.managerToken, { type: 'bearer' })
        .expect(200);
      await probe().expect(401);
    });

    it.each(['cf_0000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'garbage'])(
      'should refuse the unknown key %s with 401',
      async (key) => {
        await ctx.http().get('/api/events/probe').set('x-api-key', key).expect(401);
      },
    );

    it("should answer 404 when revoking another clinic's key", async () => {
      const list = await ctx.http().get('/api/api-keys').auth(a.managerToken, { type: 'bearer' }).expect(200);
      await ctx
        .http()
        .delete(`/api/api-keys/${list.body[0].id}`)
        .auth(b.managerToken, { type: 'bearer' })
        .expect(404);
    });

    it('should answer 400 naming body.name', async () => {
      const res = await ctx
        .http()
        .post('/api/api-keys')
        .auth(a.managerToken, { type: 'bearer' })
        .send({})
        .expect(400);
      expect(res.body.errors[0].path).toBe('body.name');
    });
  });

  it('should not let an API key open user routes', async () => {
    await request(ctx.app.getHttpServer()).get('/api/settings').set('x-api-key', a.apiKey).expect(401);
  });
});
