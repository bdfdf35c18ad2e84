import type { AuditAction } from '@clinicflow/contract';
import { remindersFlow } from '@clinicflow/rules';
import { Db } from 'mongodb';
import { DispatcherService } from '../src/modules/dispatcher/dispatcher.service';
import { useTestContext } from './test-app';

/**
 * The audit trail (issue 16, item 6): each audited act leaves exactly one entry, with who, when, from where and
 * what; no entry holds a patient's name, number or a message's text; no route changes an entry.
 */
const ctx = useTestContext();
const a = ctx.clinic();

/** The fixtures' personal values: none may appear in the trail. */
const PATIENT = {
  firstName: 'Zéphyrine',
  lastName: 'Quillembois',
  mobile: '06 12 34 56 99',
  email: 'zephyrine.q@example.org',
};
const SECRET_TEXT = 'Votre soin XYZZY-PRIVATE est confirmé';
const PERSONAL = [
  'Zéphyrine',
  'Zephyrine',
  'Quillembois',
  '612345699',
  '12 34 56 99',
  'zephyrine.q',
  'XYZZY-PRIVATE',
];

const count = async (action: AuditAction) =>
  (await ctx.as(a).get(`/api/audit?action=${action}&pageSize=1`).expect(200)).body.total as number;

/** Runs an act and checks it left exactly one entry of its action (and answers what the act answered). */
async function act<T>(action: AuditAction, run: () => Promise<T>): Promise<T> {
  const before = await count(action);
  const answer = await run();
  expect({ action, entries: (await count(action)) - before }).toEqual({ action, entries: 1 });
  return answer;
}

describe('the audit trail', () => {
  let patientId: string;
  let staffId: string;
  let flowId: string;

  beforeAll(async () => {
    const patient = await ctx
      .as(a)
      .post('/api/patients', {
        ...PATIENT,
        consent: { sms: { granted: true, purposes: ['reminders', 'recall', 'surveys'], source: 'pms' } },
      })
      .expect(201);
    patientId = patient.body.id;
  });

  it('should record each login, failed or not, once', async () => {
    await act('login.succeeded', () =>
      ctx
        .http()
        .post('/api/auth/login')
        .set('user-agent', 'audit-test/1.0')
        .send({ email: a.managerEmail, password: 'correct-horse-battery' })
        .expect(200),
    );
    await act('login.failed', () =>
      ctx
        .http()
        .post('/api/auth/login')
        .send({ email: a.managerEmail, password: 'not the password' })
        .expect(401),
    );
    // a locked account: each wrong password is one entry, the refusal another
    const failedBefore = await count('login.failed');
    for (let i = 0; i < 5; i++) {
      await ctx
        .http()
        .post('/api/auth/login')
        .send({ email: 'Locked.Out@test.clinicflow', password: 'wrong' })
        .expect(401);
    }
    await ctx
      .as(a)
      .post('/api/users', {
        email: 'locked.out@test.clinicflow',
        name: 'L',
        role: 'staff',
        password: 'locked passphrase',
      })
      .expect(201);
    await act('login.refused', () =>
      ctx
        .http()
        .post('/api/auth/login')
        .send({ email: 'locked.out@test.clinicflow', password: 'locked passphrase' })
        .expect(429),
    );
    // the failures came before the account existed: an unknown e-mail has no clinic to record them in
    expect(await count('login.failed')).toBe(failedBefore);
    const latest = (await ctx.as(a).get('/api/audit?action=login.succeeded').expect(200)).body.items[0];
    expect(latest).toMatchObject({
      actor: { kind: 'user', label: a.managerEmail },
      address: expect.stringMatching(/127\.0\.0\.1/),
      userAgent: 'audit-test/1.0',
    });
  });

  it('should record the team’s changes once each', async () => {
    const created = await act('user.created', () =>
      ctx
        .as(a)
        .post('/api/users', {
          email: 'audited@test.clinicflow',
          name: 'Audited',
          role: 'staff',
          password: 'audited passphrase',
        })
        .expect(201),
    );
    staffId = created.body.id;
    const invited = await act('user.invited', () =>
      ctx
        .as(a)
        .post('/api/users/invitations', { email: 'invitee@test.clinicflow', name: 'Invitee', role: 'staff' })
        .expect(201),
    );
    const token = (invited.body.testModeLink as string).split('#')[1];
    await act('user.activated', () =>
      ctx.http().post('/api/auth/set-password').send({ token, password: 'invitee passphrase' }).expect(200),
    );
    await act('user.disabled', () => ctx.as(a).post(`/api/users/${staffId}/disable`).expect(200));
    await act('user.enabled', () => ctx.as(a).post(`/api/users/${staffId}/enable`).expect(200));
    const reset = await act('user.password-reset-requested', () =>
      ctx.as(a).post(`/api/users/${staffId}/password-reset`).expect(200),
    );
    await act('user.password-reset', () =>
      ctx
        .http()
        .post('/api/auth/set-password')
        .send({ token: (reset.body.testModeLink as string).split('#')[1], password: 'reset passphrase ok' })
        .expect(200),
    );
    const staff = await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: 'audited@test.clinicflow', password: 'reset passphrase ok' })
      .expect(200);
    const changed = await act('user.password-changed', () =>
      ctx
        .as(a, staff.body.accessToken)
        .post('/api/account/password', {
          currentPassword: 'reset passphrase ok',
          newPassword: 'changed passphrase ok',
        })
        .expect(200),
    );
    await act('user.signed-out-everywhere', () =>
      ctx.as(a, changed.body.accessToken).post('/api/account/sign-out-everywhere').expect(200),
    );
  });

  it('should record API keys, settings and credits once each, never a credential', async () => {
    const key = await act('api-key.created', () =>
      ctx.as(a).post('/api/api-keys', { name: 'Audited PMS' }).expect(201),
    );
    await act('api-key.revoked', () => ctx.as(a).delete(`/api/api-keys/${key.body.id}`).expect(200));
    await act('settings.changed', () =>
      ctx
        .as(a)
        .put('/api/settings', {
          phone: '+33145678901',
          providers: {
            email: {
              kind: 'smtp',
              options: { host: '127.0.0.1', port: 2525, defaultFrom: 'x@y.test' },
              credentials: { user: 'u', pass: 'SUPER-SECRET-PASS' },
            },
          },
        })
        .expect(200),
    );
    const entry = (await ctx.as(a).get('/api/audit?action=settings.changed').expect(200)).body.items[0];
    expect(entry.details).toMatchObject({
      sections: expect.arrayContaining(['phone']),
      providers: ['email:smtp'],
    });
    await act('credits.topped-up', () =>
      ctx.as(a).post('/api/settings/credits/top-ups', { credits: 100 }).expect(200),
    );
    await ctx
      .as(a)
      .put('/api/settings', { providers: { email: { kind: 'sandbox', options: {} } } })
      .expect(200);
  });

  it('should record a flow’s publication, switches, restore and deletion once each', async () => {
    const { id: _id, ...flow } = remindersFlow;
    const created = await ctx.as(a).post('/api/flows', flow).expect(201);
    flowId = created.body.id;
    await act('flow.published', () =>
      ctx.as(a).post(`/api/flows/${flowId}/publish`, { note: 'v1' }).expect(201),
    );
    await act('flow.enabled', () => ctx.as(a).post(`/api/flows/${flowId}/enable`).expect(200));
    await act('flow.disabled', () => ctx.as(a).post(`/api/flows/${flowId}/disable`).expect(200));
    await act('flow.restored', () =>
      ctx.as(a).post(`/api/flows/${flowId}/versions/1/restore`, {}).expect(201),
    );
    await act('flow.deleted', () => ctx.as(a).delete(`/api/flows/${flowId}`).expect(200));
  });

  it('should record sends, consent by staff and exports once each, with counts and filter names only', async () => {
    await act('send.one-off', () =>
      ctx
        .as(a, a.staffToken)
        .post('/api/sends', { channel: 'sms', patientId, template: { body: SECRET_TEXT } })
        .expect(201),
    );
    await act('send.batch', () =>
      ctx
        .as(a)
        .post('/api/batch-sends', { query: { mode: 'patients' }, template: { body: SECRET_TEXT } })
        .expect(201),
    );
    await ctx.app.get(DispatcherService).dispatchDue();
    await act('patient.consent-changed', () =>
      ctx
        .as(a, a.staffToken)
        .post(`/api/patients/${patientId}/consent`, { channel: 'email', granted: true })
        .expect(200),
    );
    // the PMS's own consent carries its evidence in the patient's history: not an act of staff
    const pms = (
      await ctx
        .as(a)
        .post('/api/api-keys', { name: 'PMS directory', scopes: ['directory'] })
        .expect(201)
    ).body.key;
    const before = await count('patient.consent-changed');
    await ctx
      .http()
      .post(`/api/patients/${patientId}/consent`)
      .set('x-api-key', pms)
      .send({ channel: 'email', granted: false })
      .expect(200);
    expect(await count('patient.consent-changed')).toBe(before);

    await act('export.deliveries', () =>
      ctx.as(a).get('/api/deliveries/export?confirm=personal-data&q=Quillembois&channel=sms').expect(200),
    );
    const exported = (await ctx.as(a).get('/api/audit?action=export.deliveries').expect(200)).body.items[0];
    expect(exported.details).toMatchObject({
      format: 'csv',
      filters: expect.arrayContaining(['q', 'channel=sms']),
    });
    expect(exported.details.rows).toBeGreaterThan(0);
    await act('export.batch-list', () =>
      ctx
        .as(a)
        .post('/api/batch-sends/preview/export', { query: { mode: 'patients' }, confirm: 'personal-data' })
        .expect(200),
    );
    await act('export.audit', () => ctx.as(a).get('/api/audit/export').expect(200));
  });

  it('should hold no patient name, number or message text in any entry', async () => {
    const entries = await ctx.app
      .get(Db)
      .collection('audit_entries')
      .find({ clinicId: a.clinicId })
      .toArray();
    expect(entries.length).toBeGreaterThan(25);
    const all = JSON.stringify(entries);
    for (const value of PERSONAL)
      expect({ value, found: all.includes(value) }).toEqual({ value, found: false });
    expect(all).not.toContain('SUPER-SECRET-PASS');
    expect(all).not.toMatch(/set-password#/);
  });

  it('should list with filters, export as CSV, and let only managers read it', async () => {
    const byActor = await ctx.as(a).get(`/api/audit?actorId=${staffId}`).expect(200);
    expect(byActor.body.items.length).toBeGreaterThan(0);
    expect(byActor.body.items.every((e: { actor: { id: string } }) => e.actor.id === staffId)).toBe(true);
    const future = await ctx.as(a).get('/api/audit?from=2999-01-01T00:00:00Z').expect(200);
    expect(future.body).toMatchObject({ items: [], total: 0 });
    const csv = await ctx.as(a).get('/api/audit/export?action=user.invited').expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n')[0]).toContain('"at","action","actor"');
    expect(csv.text).toContain('"user.invited"');
    await ctx.as(a, a.staffToken).get('/api/audit').expect(403);
    const bad = await ctx.as(a).get('/api/audit?action=made.up&from=yesterday').expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'query.action',
      'query.from',
    ]);
  });

  it('should offer no route that changes or deletes an entry', async () => {
    const [entry] = (await ctx.as(a).get('/api/audit?pageSize=1').expect(200)).body.items;
    await ctx.as(a).put(`/api/audit/${entry.id}`, {}).expect(404);
    await ctx.as(a).patch(`/api/audit/${entry.id}`, {}).expect(404);
    await ctx.as(a).delete(`/api/audit/${entry.id}`).expect(404);
    await ctx.as(a).delete('/api/audit').expect(404);
  });
});
