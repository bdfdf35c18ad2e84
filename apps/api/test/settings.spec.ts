import { MongoClient } from 'mongodb';
import { SettingsRevisionRepository } from '../src/modules/settings/settings.repository';
import { TestClinic, useTestContext } from './test-app';

describe('settings', () => {
  const ctx = useTestContext();
  const a = ctx.clinic();
  const b = ctx.clinic({ timeZone: 'America/New_York' });
  // A clinic of its own for the simulation test: its channel toggles are changed.
  const c = ctx.clinic();

  const get = (clinic: TestClinic) =>
    ctx.http().get('/api/settings').auth(clinic.managerToken, { type: 'bearer' });
  const put = (clinic: TestClinic, body: object, token = clinic.managerToken) =>
    ctx.http().put('/api/settings').auth(token, { type: 'bearer' }).send(body);

  it("should answer each clinic's own settings with careful defaults", async () => {
    const [ra, rb] = await Promise.all([get(a).expect(200), get(b).expect(200)]);
    expect(ra.body).toMatchObject({
      clinicId: a.clinicId,
      timeZone: 'Europe/Paris',
      testMode: true,
      consent: { mode: 'opt-in' },
      credits: { balance: 0 },
    });
    expect(rb.body).toMatchObject({ clinicId: b.clinicId, timeZone: 'America/New_York' });
  });

  it('should replace the sections given and keep the others', async () => {
    const res = await put(a, {
      quietHours: {
        windows: [{ start: '22:00', end: '07:00' }],
        noSendWeekdays: [6, 7],
        holidays: ['2026-12-25'],
      },
      consent: { mode: 'nobody', purposes: ['recall'] },
      channelToggles: { services: { hygiene: { sms: false } }, resources: { martin: { voice: false } } },
      senders: {
        smsSenderName: 'CabLilas',
        emailFromName: null,
        emailFromAddress: null,
        voiceCallerNumber: null,
      },
    }).expect(200);
    expect(res.body).toMatchObject({
      quietHours: { noSendWeekdays: [6, 7] },
      consent: { mode: 'nobody' },
      channelToggles: { services: { hygiene: { sms: false } } },
      timeZone: 'Europe/Paris',
    });
    expect((await get(b)).body.consent.mode).toBe('opt-in');
  });

  describe('two managers saving at once', () => {
    const d = ctx.clinic();
    const quietHours = (start: string) => ({
      windows: [{ start, end: '08:00' }],
      noSendWeekdays: [7],
      holidays: [],
    });

    it('should answer 409 naming the section someone changed since it was opened, and keep their change', async () => {
      const opened = (await get(d).expect(200)).body;
      await put(d, { quietHours: quietHours('20:00'), previous: { quietHours: opened.quietHours } }).expect(
        200,
      );
      const stale = await put(d, {
        quietHours: quietHours('22:30'),
        previous: { quietHours: opened.quietHours },
      }).expect(409);
      expect(stale.body.errors).toEqual([
        { path: 'body.quietHours', message: `changed by ${d.managerEmail}` },
      ]);
      expect(stale.body.message).toMatch(/since you opened them/);
      expect((await get(d)).body.quietHours.windows).toEqual([{ start: '20:00', end: '08:00' }]);

      // Another section opened at the same time is still saved: nobody changed it.
      await put(d, {
        consent: { mode: 'nobody', purposes: ['recall'] },
        previous: { consent: opened.consent },
      }).expect(200);
      const now = (await get(d)).body;
      expect(now.consent.mode).toBe('nobody');
      expect(now.quietHours.windows[0].start).toBe('20:00');
    });

    it('should let exactly one of several saves of the same section from the same values win', async () => {
      const opened = (await get(d).expect(200)).body;
      const starts = ['18:00', '18:30', '19:00', '19:30', '20:30'];
      const answers = await Promise.all(
        starts.map((start) =>
          put(d, { quietHours: quietHours(start), previous: { quietHours: opened.quietHours } }),
        ),
      );
      const winners = answers.filter((a) => a.status === 200);
      expect(winners).toHaveLength(1);
      expect(answers.filter((a) => a.status === 409)).toHaveLength(starts.length - 1);
      expect((await get(d)).body.quietHours).toEqual(winners[0].body.quietHours);
    });

    it('should keep every section when managers save different sections at once', async () => {
      const opened = (await get(d).expect(200)).body;
      const answers = await Promise.all([
        put(d, { testMode: false, previous: { testMode: opened.testMode } }),
        put(d, {
          limits: { minimumLeadTimeHours: 3, onePerPersonPerDay: false },
          previous: { limits: opened.limits },
        }),
        put(d, {
          unreliable: { noShowRate: 0.5, minimumVisits: 2 },
          previous: { unreliable: opened.unreliable },
        }),
        put(d, { adminEmail: 'office@lilas.test', previous: { adminEmail: opened.adminEmail } }),
      ]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      const now = (await get(d)).body;
      expect(now).toMatchObject({
        testMode: false,
        limits: { minimumLeadTimeHours: 3, onePerPersonPerDay: false },
        unreliable: { noShowRate: 0.5, minimumVisits: 2 },
        adminEmail: 'office@lilas.test',
      });
      expect(now.revision).toBe(opened.revision + 4);
    });

    it('should not stay blocked by a revision claim whose save never wrote (a process died in between)', async () => {
      const opened = (await get(d).expect(200)).body;
      const next = opened.revision + 1;
      await ctx.app
        .get(SettingsRevisionRepository)
        .claim(d.clinicId, next, new Date(Date.now() - 5 * 60_000), 'a process that died');
      const res = await put(d, { testMode: true, previous: { testMode: opened.testMode } }).expect(200);
      expect(res.body).toMatchObject({ testMode: true, revision: next + 1 });
    });

    it('should answer 400 naming body.previous for a section that does not exist', async () => {
      const res = await put(d, { testMode: true, previous: { colour: 'blue' } }).expect(400);
      expect(res.body.errors[0].path).toMatch(/^body\.previous/);
    });
  });

  it('should store provider credentials encrypted and answer them masked', async () => {
    const secret = 'twilio-auth-token-123456';
    const res = await put(a, {
      providers: {
        sms: { kind: 'twilio', options: { accountSid: 'AC1' }, credentials: { authToken: secret } },
      },
    }).expect(200);
    expect(res.body.providers.sms).toEqual({
      kind: 'twilio',
      options: { accountSid: 'AC1' },
      credentials: { authToken: '********' },
      ratePerSecond: null,
    });
    const client = await MongoClient.connect(process.env.MONGODB_URI!);
    try {
      const names = (await client.db('admin').admin().listDatabases()).databases.map((d) => d.name);
      for (const name of names) {
        const doc = await client
          .db(name)
          .collection('clinic_settings')
          .findOne({ _id: a.clinicId as never });
        if (doc) expect(JSON.stringify(doc)).not.toContain(secret);
      }
    } finally {
      await client.close();
    }
    // Sending the settings back unchanged (masked) keeps the secret.
    await put(a, { providers: res.body.providers }).expect(200);
    const test = await ctx
      .http()
      .post('/api/settings/providers/sms/test')
      .auth(a.managerToken, { type: 'bearer' })
      .expect(200);
    expect(test.body.ok).toBe(false);
  });

  it("should keep a provider's sending rate, and answer null for the kind's default", async () => {
    const res = await put(b, {
      providers: {
        sms: { kind: 'sandbox', options: {}, ratePerSecond: 0.5 },
        email: { kind: 'sandbox', options: {} },
      },
    }).expect(200);
    expect(res.body.providers.sms.ratePerSecond).toBe(0.5);
    expect(res.body.providers.email.ratePerSecond).toBeNull();
    expect((await get(b).expect(200)).body.providers.sms.ratePerSecond).toBe(0.5);
    await put(b, { providers: { sms: { kind: 'sandbox', options: {}, ratePerSecond: null } } }).expect(200);
    expect((await get(b).expect(200)).body.providers.sms.ratePerSecond).toBeNull();
  });

  it('should test the sandbox connection', async () => {
    const res = await ctx
      .http()
      .post('/api/settings/providers/email/test')
      .auth(b.managerToken, { type: 'bearer' })
      .expect(200);
    expect(res.body).toEqual({
      ok: true,
      result: 'connected',
      message: 'Sandbox email provider is reachable',
    });
  });

  it('should answer 400 naming params.channel for an unknown channel', async () => {
    const res = await ctx
      .http()
      .post('/api/settings/providers/fax/test')
      .auth(b.managerToken, { type: 'bearer' })
      .expect(400);
    expect(res.body.errors[0].path).toBe('params.channel');
  });

  it('should add top-ups to the balance and keep their history', async () => {
    const topUp = (credits: number) =>
      ctx
        .http()
        .post('/api/settings/credits/top-ups')
        .auth(b.managerToken, { type: 'bearer' })
        .send({ credits, note: `pack ${credits}` });
    await topUp(500).expect(200);
    const res = await topUp(100).expect(200);
    expect(res.body.balance).toBe(600);
    expect(res.body.topUps.map((t: { credits: number }) => t.credits)).toEqual([500, 100]);
    expect((await get(a)).body.credits.balance).toBe(0);
  });

  it.each([
    { path: 'body.timeZone', body: { timeZone: 'Mars/Olympus' } },
    { path: 'body.country', body: { country: 'france' } },
    { path: 'body.defaultLanguage', body: { defaultLanguage: 'french' } },
    { path: 'body.communicationsEnabled', body: { communicationsEnabled: 'yes' } },
    { path: 'body.consent.mode', body: { consent: { mode: 'some', purposes: [] } } },
    { path: 'body.consent.purposes.0', body: { consent: { mode: 'nobody', purposes: ['marketing'] } } },
    {
      path: 'body.quietHours.windows.0.start',
      body: { quietHours: { windows: [{ start: '25:00', end: '07:00' }], noSendWeekdays: [], holidays: [] } },
    },
    {
      path: 'body.quietHours.noSendWeekdays.0',
      body: { quietHours: { windows: [], noSendWeekdays: [8], holidays: [] } },
    },
    {
      path: 'body.quietHours.holidays.0',
      body: { quietHours: { windows: [], noSendWeekdays: [], holidays: ['25/12/2026'] } },
    },
    {
      path: 'body.limits.minimumLeadTimeHours',
      body: { limits: { minimumLeadTimeHours: -1, onePerPersonPerDay: true } },
    },
    { path: 'body.unreliable.noShowRate', body: { unreliable: { noShowRate: 1.5, minimumVisits: 3 } } },
    {
      path: 'body.senders.smsSenderName',
      body: {
        senders: {
          smsSenderName: 'WayTooLongSender',
          emailFromName: null,
          emailFromAddress: null,
          voiceCallerNumber: null,
        },
      },
    },
    { path: 'body.providers.sms.kind', body: { providers: { sms: { kind: 'pigeon' } } } },
    {
      path: 'body.providers.sms.ratePerSecond',
      body: { providers: { sms: { kind: 'smpp', options: {}, ratePerSecond: 0 } } },
    },
    {
      path: 'body.providers.email.ratePerSecond',
      body: { providers: { email: { kind: 'smtp', options: {}, ratePerSecond: '10/s' } } },
    },
    { path: 'body.adminEmail', body: { adminEmail: 'not-mail' } },
  ])('should answer 400 naming $path', async ({ path, body }) => {
    const res = await put(a, body).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
  });

  it('should answer 400 naming body.credits for a bad top-up', async () => {
    const res = await ctx
      .http()
      .post('/api/settings/credits/top-ups')
      .auth(a.managerToken, { type: 'bearer' })
      .send({ credits: 0 })
      .expect(400);
    expect(res.body.errors[0].path).toBe('body.credits');
  });

  it('should skip a simulated SMS for a service whose SMS is switched off, with the reason', async () => {
    const post = (path: string, body: object = {}) =>
      ctx.http().post(path).auth(c.managerToken, { type: 'bearer' }).send(body);
    const flow = await post('/api/flows/starters/reminders').expect(201);
    const simulation = {
      context: {
        service: { id: 'svc-controle', name: 'Contrôle' },
        appointment: {
          start: '2026-03-25T09:00:00Z',
          end: '2026-03-25T09:30:00Z',
          serviceId: 'svc-controle',
        },
      },
      event: { type: 'appointment.booked', at: '2026-03-20T10:00:00Z' },
      until: '2026-03-26T00:00:00Z',
    };
    type Entry = { nodeId: string; kind: string; reason: string | null };
    const smsOf = async () => {
      const res = await post(`/api/flows/${flow.body.id}/simulate`, simulation).expect(200);
      return (res.body.timeline as Entry[]).filter((e) => e.nodeId === 'sms24');
    };
    expect((await smsOf()).map((e) => e.kind)).toContain('send');

    await put(c, { channelToggles: { services: { 'svc-controle': { sms: false } }, resources: {} } }).expect(
      200,
    );
    const skipped = await smsOf();
    expect(skipped.map((e) => e.kind)).not.toContain('send');
    expect(skipped).toContainEqual(
      expect.objectContaining({
        kind: 'skip',
        reason: expect.stringContaining('switched off for service Contrôle'),
      }),
    );
  });

  it('should refuse staff changes with 403 but let staff read', async () => {
    await put(a, { testMode: false }, a.staffToken).expect(403);
    await ctx.http().get('/api/settings').auth(a.staffToken, { type: 'bearer' }).expect(200);
  });
});
