import { Db } from 'mongodb';
import { DispatcherService } from '../src/modules/dispatcher/dispatcher.service';
import { smtpTo, startMailbox, type Mailbox } from './engine-dispatch-peers';
import { type TestClinic, useTestContext } from './test-app';
import { TestClock } from './test-clock';

/**
 * Invitations and set-password links (issue 16, item 3): the e-mail goes through the clinic's own provider (a
 * real SMTP server started here), its link sets a password once and then fails, an expired link fails clearly,
 * and the report shows the e-mail with its link hidden.
 */
const clock = new TestClock('2026-03-02T08:00:00Z');
const ctx = useTestContext({}, { clock });
const a = ctx.clinic();
let mailbox: Mailbox;

beforeAll(async () => {
  mailbox = await startMailbox();
});
afterAll(() => mailbox.close());

/** The clinic out of test mode, its e-mails through the SMTP server of this test. */
async function useSmtp(clinic: TestClinic) {
  await ctx
    .as(clinic)
    .put('/api/settings', {
      testMode: false,
      providers: {
        email: smtpTo(mailbox, 'Cabinet <rdv@cabinet.example>'),
      },
    })
    .expect(200);
}

/** Sends what is due, then the link of the last e-mail the mailbox got for `to`. */
async function linkMailedTo(to: string): Promise<string> {
  await ctx.app.get(DispatcherService).dispatchDue();
  const mail = [...mailbox.received].reverse().find((m) => m.to.includes(to));
  expect(mail).toBeDefined();
  const link = /(http\S+\/set-password#[A-Za-z0-9_-]+)/.exec(mail!.mail.text ?? '')?.[1];
  expect(link).toBeDefined();
  return link!;
}

const tokenOf = (link: string) => link.split('#')[1];

describe('invitations', () => {
  beforeAll(() => useSmtp(a));

  it('should e-mail a link through the clinic’s SMTP server that sets the password once, then fails', async () => {
    const invited = await ctx
      .as(a)
      .post('/api/users/invitations', {
        email: 'Colleague.One@test.clinicflow',
        name: 'Colleague One',
        role: 'staff',
      })
      .expect(201);
    expect(invited.body).toMatchObject({
      user: { email: 'colleague.one@test.clinicflow', status: 'invited', role: 'staff' },
      testModeLink: null,
    });
    const link = await linkMailedTo('colleague.one@test.clinicflow');
    expect(link).toMatch(/^http:\/\/localhost:\d+\/set-password#/);

    const check = await ctx
      .http()
      .post('/api/auth/links/check')
      .send({ token: tokenOf(link) })
      .expect(200);
    expect(check.body).toMatchObject({ purpose: 'invitation', email: 'colleague.one@test.clinicflow' });
    // a refused password does not use the link up
    const weak = await ctx
      .http()
      .post('/api/auth/set-password')
      .send({ token: tokenOf(link), password: 'qwerty123456' })
      .expect(400);
    expect(weak.body.errors).toEqual([
      { path: 'body.password', message: expect.stringMatching(/too common/) },
    ]);

    const set = await ctx
      .http()
      .post('/api/auth/set-password')
      .send({ token: tokenOf(link), password: 'a colleague’s own passphrase' })
      .expect(200);
    await ctx.http().get('/api/auth/me').auth(set.body.accessToken, { type: 'bearer' }).expect(200);
    await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: 'colleague.one@test.clinicflow', password: 'a colleague’s own passphrase' })
      .expect(200);

    const again = await ctx
      .http()
      .post('/api/auth/set-password')
      .send({ token: tokenOf(link), password: 'another passphrase here' })
      .expect(409);
    expect(again.body).toEqual({
      statusCode: 409,
      message: 'This link was already used. Sign in, or ask for a new one.',
      errors: [{ path: 'body.token', message: 'used' }],
    });
    await ctx
      .http()
      .post('/api/auth/links/check')
      .send({ token: tokenOf(link) })
      .expect(409);
  });

  it('should refuse an expired link with 410 and a clear message', async () => {
    await ctx
      .as(a)
      .post('/api/users/invitations', { email: 'late@test.clinicflow', name: 'Late', role: 'staff' })
      .expect(201);
    const link = await linkMailedTo('late@test.clinicflow');
    clock.advance(72 * 3_600_000 + 1_000);
    const res = await ctx
      .http()
      .post('/api/auth/set-password')
      .send({ token: tokenOf(link), password: 'too late for this one' })
      .expect(410);
    expect(res.body).toEqual({
      statusCode: 410,
      message: 'This link has expired. Ask for a new one.',
      errors: [{ path: 'body.token', message: 'expired' }],
    });
    await ctx
      .http()
      .post('/api/auth/links/check')
      .send({ token: tokenOf(link) })
      .expect(410);
    await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: 'late@test.clinicflow', password: 'too late for this one' })
      .expect(401);
  });

  it('should send a pending invitation again, and refuse the e-mail of an active user with 409', async () => {
    await ctx
      .as(a)
      .post('/api/users/invitations', { email: 'twice@test.clinicflow', name: 'Twice', role: 'staff' })
      .expect(201);
    const again = await ctx
      .as(a)
      .post('/api/users/invitations', {
        email: 'twice@test.clinicflow',
        name: 'Twice Again',
        role: 'manager',
      })
      .expect(201);
    expect(again.body.user).toMatchObject({ name: 'Twice Again', role: 'manager', status: 'invited' });
    const taken = await ctx
      .as(a)
      .post('/api/users/invitations', { email: a.managerEmail, name: 'X', role: 'staff' })
      .expect(409);
    expect(taken.body.errors).toEqual([{ path: 'body.email', message: 'already in use' }]);
  });

  it('should answer 404 for a link nobody made, and 400 for one that is not a token', async () => {
    const unknown = await ctx
      .http()
      .post('/api/auth/set-password')
      .send({ token: 'A'.repeat(43), password: 'whatever passphrase' })
      .expect(404);
    expect(unknown.body.errors).toEqual([{ path: 'body.token', message: 'unknown' }]);
    const bad = await ctx.http().post('/api/auth/links/check').send({ token: 'x' }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.token']);
  });

  it.each([
    { field: 'email', body: { email: 'nope', name: 'X', role: 'staff' } },
    { field: 'role', body: { email: 'ok@test.clinicflow', name: 'X', role: 'admin' } },
    { field: 'name', body: { email: 'ok@test.clinicflow', name: '', role: 'staff' } },
  ])('should answer 400 naming body.$field', async ({ field, body }) => {
    const res = await ctx.as(a).post('/api/users/invitations', body).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([`body.${field}`]);
  });

  it('should let only managers invite', async () => {
    await ctx
      .as(a, a.staffToken)
      .post('/api/users/invitations', { email: 'x@test.clinicflow', name: 'X', role: 'staff' })
      .expect(403);
  });
});

describe('password resets', () => {
  const b = ctx.clinic();
  beforeAll(() => useSmtp(b));

  it('should e-mail a manager’s reset link: the new password replaces the old one, and the link then fails', async () => {
    const users = await ctx.as(b).get('/api/users').expect(200);
    const staff = users.body.find((u: { role: string }) => u.role === 'staff');
    const reset = await ctx.as(b).post(`/api/users/${staff.id}/password-reset`).expect(200);
    expect(reset.body.testModeLink).toBeNull();
    const link = await linkMailedTo(staff.email);
    await ctx
      .http()
      .post('/api/auth/links/check')
      .send({ token: tokenOf(link) })
      .expect(200);
    await ctx
      .http()
      .post('/api/auth/set-password')
      .send({ token: tokenOf(link), password: 'a brand new passphrase' })
      .expect(200);
    await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: staff.email, password: 'correct-horse-battery' })
      .expect(401);
    await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: staff.email, password: 'a brand new passphrase' })
      .expect(200);
    await ctx
      .http()
      .post('/api/auth/set-password')
      .send({ token: tokenOf(link), password: 'yet another passphrase' })
      .expect(409);
  });

  it('should answer "forgot password" the same for any address, and e-mail a 1-hour link to a known one', async () => {
    const known = await ctx
      .http()
      .post('/api/auth/forgot-password')
      .send({ email: b.managerEmail })
      .expect(202);
    const unknown = await ctx
      .http()
      .post('/api/auth/forgot-password')
      .send({ email: 'nobody@test.clinicflow' })
      .expect(202);
    expect(unknown.body).toEqual(known.body);
    // the answer goes before the work: wait for the planned e-mail
    let link: string | undefined;
    for (let i = 0; i < 50 && !link; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await ctx.app.get(DispatcherService).dispatchDue();
      const mail = mailbox.received.find((m) => m.to.includes(b.managerEmail));
      link = /(http\S+\/set-password#[A-Za-z0-9_-]+)/.exec(mail?.mail.text ?? '')?.[1];
    }
    expect(link).toBeDefined();
    expect(mailbox.received.some((m) => m.to.includes('nobody@test.clinicflow'))).toBe(false);
    clock.advance(3_600_000 + 1_000);
    await ctx
      .http()
      .post('/api/auth/links/check')
      .send({ token: tokenOf(link!) })
      .expect(410);
  });
});

describe('in test mode', () => {
  const c = ctx.clinic();

  it('should answer the link to the manager and show the e-mail in the report with its link hidden', async () => {
    const invited = await ctx
      .as(c)
      .post('/api/users/invitations', {
        email: 'sandboxed@test.clinicflow',
        name: 'Sandboxed',
        role: 'staff',
      })
      .expect(201);
    const link: string = invited.body.testModeLink;
    expect(link).toMatch(/\/set-password#[A-Za-z0-9_-]{43}$/);
    await ctx.app.get(DispatcherService).dispatchDue();

    const report = await ctx.as(c).get('/api/deliveries?channel=email').expect(200);
    const mail = report.body.items.find(
      (d: { recipient: { address: string } }) => d.recipient.address === 'sandboxed@test.clinicflow',
    );
    expect(mail).toMatchObject({
      origin: 'account',
      error: null,
      status: expect.stringMatching(/sent|delivered/),
    });
    expect(mail.text).toContain('[link hidden]');
    const token = tokenOf(link);
    expect(JSON.stringify(report.body)).not.toContain(token);
    const detail = await ctx.as(c).get(`/api/deliveries/${mail.id}`).expect(200);
    expect(JSON.stringify(detail.body)).not.toContain(token);
    // as stored: the sent text never holds the token
    const stored = await ctx.app
      .get(Db)
      .collection<{ _id: string; text: string | null }>('deliveries')
      .findOne({ _id: mail.id });
    expect(stored?.text).not.toContain(token);

    await ctx
      .http()
      .post('/api/auth/set-password')
      .send({ token, password: 'sandboxed passphrase' })
      .expect(200);
  });
});
