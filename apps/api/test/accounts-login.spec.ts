import bcrypt from 'bcryptjs';
import { Db } from 'mongodb';
import { useTestContext } from './test-app';

/**
 * Users are unique per clinic (issue 16, item 2): the same e-mail may have an account in several clinics, and a
 * login whose password opens more than one asks which clinic. Passwords hashed by the earlier bcrypt still
 * work, and are hashed again with argon2id at the next login.
 */
const ctx = useTestContext();
const a = ctx.clinic();
const b = ctx.clinic();
const users = () =>
  ctx.app.get(Db).collection<{ _id: string; email: string; passwordHash: string | null }>('users');

describe('an e-mail in several clinics', () => {
  const email = 'both@test.clinicflow';

  beforeAll(async () => {
    await ctx
      .as(a)
      .post('/api/users', { email, name: 'Both', role: 'staff', password: 'shared passphrase here' })
      .expect(201);
    await ctx
      .as(b)
      .post('/api/users', { email, name: 'Both', role: 'manager', password: 'shared passphrase here' })
      .expect(201);
  });

  it('should ask which clinic, naming body.clinicId and offering the clinics the password opens', async () => {
    const res = await ctx
      .http()
      .post('/api/auth/login')
      .send({ email, password: 'shared passphrase here' })
      .expect(409);
    expect(res.body.errors).toEqual([
      {
        path: 'body.clinicId',
        message: 'choose one of these clinics',
        clinics: expect.arrayContaining([
          { id: a.clinicId, name: expect.any(String) },
          { id: b.clinicId, name: expect.any(String) },
        ]),
      },
    ]);
  });

  it('should sign in to the clinic chosen, with that clinic’s role', async () => {
    const res = await ctx
      .http()
      .post('/api/auth/login')
      .send({ email, password: 'shared passphrase here', clinicId: b.clinicId })
      .expect(200);
    const me = await ctx
      .http()
      .get('/api/auth/me')
      .auth(res.body.accessToken, { type: 'bearer' })
      .expect(200);
    expect(me.body).toMatchObject({ clinicId: b.clinicId, role: 'manager' });
  });

  it('should sign in without a choice when the password opens one account only', async () => {
    await ctx
      .as(a)
      .post('/api/users', {
        email: 'two@test.clinicflow',
        name: 'Two',
        role: 'staff',
        password: 'first clinic passphrase',
      })
      .expect(201);
    await ctx
      .as(b)
      .post('/api/users', {
        email: 'two@test.clinicflow',
        name: 'Two',
        role: 'staff',
        password: 'second clinic passphrase',
      })
      .expect(201);
    const res = await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: 'two@test.clinicflow', password: 'second clinic passphrase' })
      .expect(200);
    const me = await ctx
      .http()
      .get('/api/auth/me')
      .auth(res.body.accessToken, { type: 'bearer' })
      .expect(200);
    expect(me.body.clinicId).toBe(b.clinicId);
  });

  it('should answer 401 for a clinic where the e-mail has no account', async () => {
    const other = await ctx.newClinic();
    await ctx
      .http()
      .post('/api/auth/login')
      .send({ email, password: 'shared passphrase here', clinicId: other.clinicId })
      .expect(401);
  });
});

describe('passwords hashed by the earlier bcrypt', () => {
  it('should still open the account, and be replaced by an argon2id hash', async () => {
    await ctx
      .as(a)
      .post('/api/users', {
        email: 'old@test.clinicflow',
        name: 'Old',
        role: 'staff',
        password: 'placeholder passphrase',
      })
      .expect(201);
    // as a user stored before this change was: a bcryptjs hash of cost 10
    await users().updateOne(
      { email: 'old@test.clinicflow' },
      { $set: { passwordHash: bcrypt.hashSync('my old password', 10) } },
    );
    await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: 'old@test.clinicflow', password: 'wrong one' })
      .expect(401);
    await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: 'old@test.clinicflow', password: 'my old password' })
      .expect(200);
    const stored = await users().findOne({ email: 'old@test.clinicflow' });
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: 'old@test.clinicflow', password: 'my old password' })
      .expect(200);
  });

  it('should store new passwords as argon2id', async () => {
    const stored = await users().findOne({ email: a.managerEmail });
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });
});
