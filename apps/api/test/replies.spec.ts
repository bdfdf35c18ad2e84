import { computeTwilioSignature } from '@clinicflow/channels';
import { remindersFlow } from '@clinicflow/rules';
import { externalDocumentId } from '../src/common/ids';
import { ProviderMessageRepository } from '../src/modules/deliveries/provider-message.repository';
import { RunTimerService } from '../src/modules/runs/run-timer.service';
import { EngineService } from '../src/modules/engine/engine.service';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { deliveryDocument, storeDeliveries } from './report-fixtures';
import { SandboxProvider } from '@clinicflow/channels';
import { ProviderRegistry } from '../src/modules/dispatcher/provider-registry.service';
import { SettingsRepository } from '../src/modules/settings/settings.repository';
import { startReplyingSmsc, type ReplyingSmsc } from './replies-smsc';
import { postSandboxCallback } from './sandbox-callback';
import { TestClinic, useTestContext } from './test-app';
import { TestClock } from './test-clock';

const PUBLIC_URL = 'https://clinic.example.com';
const apt = (clinic: TestClinic, externalId: string) =>
  externalDocumentId('apt', clinic.clinicId, externalId);
const pat = (clinic: TestClinic, externalId: string) =>
  externalDocumentId('pat', clinic.clinicId, externalId);

describe('replies and provider callbacks', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({ PUBLIC_URL }, { clock });
  const engine = engineDriver(ctx, clock);
  const open = ctx.clinic();
  const optIn = ctx.clinic();
  const twilio = ctx.clinic();
  const numbered = ctx.clinic();
  const viaSmpp = ctx.clinic();
  const viaSandbox = ctx.clinic();

  /** A patient's SMS as the sandbox provider posts it, signed with the clinic's callback secret (200 expected). */
  const reply = async (clinic: TestClinic, text: string, from = '06 12 34 56 78', id?: string) => {
    const body = { from, to: '+33700000000', text, ...(id ? { providerMessageId: id } : {}) };
    const response = await postSandboxCallback(ctx, clinic, 'inbound', body);
    expect(response.status).toBe(200);
    return response;
  };
  const tick = () => ctx.app.get(EngineService).drain();

  beforeAll(async () => {
    await engine.settings(open, {
      consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
      providers: { sms: { kind: 'sandbox', options: { receiptDelayMs: 20 } } },
    });
    await engine.publish(open, remindersFlow);
    await engine.settings(optIn, {
      providers: { sms: { kind: 'sandbox', options: { receiptDelayMs: 20 } } },
    });
    await engine.publish(optIn, remindersFlow);
    await engine.settings(twilio, {
      testMode: false,
      providers: {
        sms: {
          kind: 'twilio',
          options: { accountSid: 'AC0123456789', baseUrl: 'http://127.0.0.1:9' },
          credentials: { authToken: 'twilio-auth-token' },
        },
      },
    });
  });

  describe('scenario 1: a reply C confirms the appointment', () => {
    it('should confirm, end the awaited step confirmed and send no further "please confirm"', async () => {
      await engine.post(open, bookingEvent('s1-book', 'A-S1', '2026-03-07T10:00')).expect(202);
      await engine.at('2026-03-05T09:00:00Z');
      await tick();
      await engine.at('2026-03-06T09:00:00Z');
      await tick();
      const [question] = await engine.deliveries(open, {
        appointmentId: apt(open, 'A-S1'),
        expectsReply: true,
      });
      expect(['sent', 'delivered']).toContain(question.status);
      expect(question).toMatchObject({ channel: 'sms', recipient: { address: '+33612345678' } });

      clock.set('2026-03-06T17:05:00Z');
      const answer = await reply(open, 'C');
      expect(answer.body).toMatchObject({ accepted: true, meaning: 'confirmed' });

      const appointment = await ctx
        .as(open)
        .get(`/api/appointments/${apt(open, 'A-S1')}`)
        .expect(200);
      expect(appointment.body.status).toBe('confirmed');
      const detail = await ctx.as(open).get(`/api/deliveries/${question._id}`).expect(200);
      expect(detail.body).toMatchObject({ status: 'answered', answeredAt: '2026-03-06T17:05:00.000Z' });
      expect(detail.body.run).toMatchObject({ status: 'ended', flowVersion: 1 });
      const [run] = await engine.runs(open, { _id: question.runId! });
      expect(run.status).toBe('ended');
      expect(run.steps.filter((s) => s.nodeId === question.nodeId).map((s) => s.exit)).toContain('confirmed');

      // Up to the appointment and beyond: no other question to this patient.
      await engine.at('2026-03-07T12:00:00Z');
      await tick();
      const questions = await engine.deliveries(open, {
        appointmentId: apt(open, 'A-S1'),
        expectsReply: true,
      });
      expect(questions.map((q) => q._id)).toEqual([question._id]);
      // A confirmation does not wait in the inbox.
      const inbox = await ctx.as(open).get('/api/inbox').expect(200);
      expect(inbox.body.items.map((i: { text: string }) => i.text)).not.toContain('C');
      // Every reply, understood ones too, says which message it answered and when the appointment is.
      const every = await ctx.as(open).get('/api/inbox?all=true').expect(200);
      expect(every.body.items).toContainEqual(
        expect.objectContaining({
          text: 'C',
          read: true,
          questionText: question.text,
          appointment: { id: apt(open, 'A-S1'), start: appointment.body.start },
        }),
      );
      expect(appointment.body.start).toEqual(expect.any(String));
    });
  });

  describe('scenario 7: consent in an opt-in clinic and a STOP reply', () => {
    it('should send no SMS to a patient without SMS consent', async () => {
      clock.set('2026-03-09T08:00:00Z');
      await engine.post(optIn, bookingEvent('s7-none', 'A-S7-none', '2026-03-14T10:00')).expect(202);
      await engine.at('2026-03-13T09:00:00Z');
      await tick();
      const sms = await engine.deliveries(optIn, { appointmentId: apt(optIn, 'A-S7-none'), channel: 'sms' });
      expect(sms.length).toBeGreaterThan(0);
      expect(sms.every((d) => d.status === 'skipped' && d.sentAt === null)).toBe(true);
    });

    it('should withdraw consent at once on STOP, cancel pending SMS and send one confirmation', async () => {
      clock.set('2026-03-16T08:00:00Z');
      await ctx
        .as(optIn)
        .put('/api/patients/by-external-id/P-S7', {
          firstName: 'Léa',
          lastName: 'Martin',
          mobile: '06 12 34 56 78',
          consent: { sms: { granted: true, source: 'patient' } },
        })
        .expect(200);
      await engine
        .post(optIn, bookingEvent('s7-yes', 'A-S7-yes', '2026-03-21T10:00', { patient: 'P-S7' }))
        .expect(202);
      await engine.at('2026-03-19T09:00:00Z');
      // The question is planned when the wait ends, due at once; the STOP comes before the dispatcher runs
      // (timers fired without a dispatcher tick).
      clock.set('2026-03-20T09:00:00Z');
      await ctx.app.get(RunTimerService).fireDue(clock.now());
      const [pending] = await engine.deliveries(optIn, {
        appointmentId: apt(optIn, 'A-S7-yes'),
        channel: 'sms',
      });
      expect(pending).toMatchObject({ status: 'scheduled', expectsReply: true });

      const first = await reply(optIn, 'STOP', '+33612345678', 'stop-1');
      expect(first.body).toMatchObject({ accepted: true, meaning: 'stop', duplicate: false });
      // The provider posts the same message again: handled once.
      const again = await reply(optIn, 'STOP', '+33612345678', 'stop-1');
      expect(again.body).toMatchObject({ duplicate: true });

      const patient = await ctx
        .as(optIn)
        .get(`/api/patients/${pat(optIn, 'P-S7')}`)
        .expect(200);
      expect(patient.body.consent.sms).toMatchObject({ granted: false, source: 'patient-reply' });
      const [cancelled] = await engine.deliveries(optIn, { _id: pending._id });
      expect(cancelled.status).toBe('cancelled');

      await tick();
      const confirmations = await engine.deliveries(optIn, { origin: 'notice', channel: 'sms' });
      expect(confirmations).toHaveLength(1);
      expect(['sent', 'delivered']).toContain(confirmations[0].status);
      expect(confirmations[0]).toMatchObject({
        recipient: { type: 'patient', address: '+33612345678' },
      });
      expect(confirmations[0].text).toMatch(/ne recevrez plus/);
    });
  });

  describe('the inbox', () => {
    it('should keep a text it does not understand, unread, and let staff mark it read and flag it', async () => {
      clock.set('2026-03-23T08:00:00Z');
      await reply(open, 'Je serai en retard de 10 minutes', '06 98 76 54 32');
      const list = await ctx.as(open, open.staffToken).get('/api/inbox?read=false').expect(200);
      expect(list.body.unread).toBe(1);
      expect(list.body.items).toEqual([
        expect.objectContaining({
          text: 'Je serai en retard de 10 minutes',
          from: '+33698765432',
          read: false,
          followUp: false,
          meaning: 'unknown',
        }),
      ]);
      const id = list.body.items[0].id;
      const changed = await ctx
        .as(open, open.staffToken)
        .patch(`/api/inbox/${id}`, { read: true, followUp: true });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ read: true, followUp: true, readAt: '2026-03-23T08:00:00.000Z' });
      const after = await ctx.as(open).get('/api/inbox?followUp=true').expect(200);
      expect(after.body).toMatchObject({ unread: 0, total: 1 });
      expect((await ctx.as(open).get('/api/inbox?read=false').expect(200)).body.total).toBe(0);
    });

    it.each([
      ['Stopp', '06 22 33 44 01', 'P-STOPP'],
      ['arrêt !', '06 22 33 44 02', 'P-ARRET'],
      ['Unsubscribe', '06 22 33 44 03', 'P-UNSUB'],
    ])('should read "%s" as STOP and withdraw SMS consent', async (text, mobile, externalId) => {
      await ctx
        .as(open)
        .put(`/api/patients/by-external-id/${externalId}`, {
          firstName: 'Léa',
          mobile,
          consent: { sms: { granted: true, source: 'patient' } },
        })
        .expect(200);
      const answer = await reply(open, text, mobile);
      expect(answer.body).toMatchObject({ meaning: 'stop' });
      const patient = await ctx
        .as(open)
        .get(`/api/patients/${pat(open, externalId)}`)
        .expect(200);
      expect(patient.body.consent.sms).toMatchObject({ granted: false, source: 'patient-reply' });
    });

    it('should put a C with no question waiting in the inbox', async () => {
      await reply(open, 'C', '06 11 22 33 44');
      const list = await ctx.as(open).get('/api/inbox?read=false').expect(200);
      expect(list.body.items.map((i: { text: string }) => i.text)).toEqual(['C']);
    });

    it('should refuse a change that says nothing, and not find another clinic’s reply', async () => {
      const list = await ctx.as(open).get('/api/inbox').expect(200);
      const id = list.body.items[0].id;
      const bad = await ctx.as(open).patch(`/api/inbox/${id}`, {}).expect(400);
      expect(bad.body.errors[0].path).toBe('body');
      await ctx.as(optIn).patch(`/api/inbox/${id}`, { read: true }).expect(404);
      expect((await ctx.as(optIn).get('/api/inbox').expect(200)).body.items).toEqual([]);
    });
  });

  describe('Twilio-style callbacks', () => {
    const path = () => `/api/providers/${twilio.clinicId}/twilio/status`;
    const params = { MessageSid: 'SM-report-1', MessageStatus: 'delivered', To: '+33612345678' };

    beforeAll(async () => {
      clock.set('2026-03-24T08:00:00Z');
      await storeDeliveries(ctx.app, [
        deliveryDocument(twilio.clinicId, 'dlv-twilio-1', {
          status: 'sent',
          sentAt: '2026-03-24T07:59:00Z',
          provider: 'twilio',
          providerMessageId: 'SM-report-1',
        }),
      ]);
      await ctx.app
        .get(ProviderMessageRepository)
        .link('twilio', 'SM-report-1', twilio.clinicId, 'dlv-twilio-1', clock.now());
    });

    it('should answer 403 to a callback whose signature does not match', async () => {
      await ctx
        .http()
        .post(path())
        .type('form')
        .set('X-Twilio-Signature', computeTwilioSignature('another-token', `${PUBLIC_URL}${path()}`, params))
        .send(params)
        .expect(403);
      await ctx.http().post(path()).type('form').send(params).expect(403);
      const { body } = await ctx.as(twilio).get('/api/deliveries/dlv-twilio-1').expect(200);
      expect(body.status).toBe('sent');
    });

    it('should move a delivery from sent to delivered on a signed status callback', async () => {
      const answer = await ctx
        .http()
        .post(path())
        .type('form')
        .set(
          'X-Twilio-Signature',
          computeTwilioSignature('twilio-auth-token', `${PUBLIC_URL}${path()}`, params),
        )
        .send(params)
        .expect(200);
      expect(answer.body).toEqual({ accepted: true, deliveryId: 'dlv-twilio-1', status: 'delivered' });
      const { body } = await ctx.as(twilio).get('/api/deliveries/dlv-twilio-1').expect(200);
      expect(body).toMatchObject({ status: 'delivered', deliveredAt: expect.any(String) });
    });

    it('should take a signed inbound SMS into the inbox', async () => {
      const inboundPath = `/api/providers/${twilio.clinicId}/twilio/inbound`;
      const form = {
        MessageSid: 'SM-in-1',
        From: '+33612345678',
        To: '+33700000000',
        Body: 'Puis-je venir plus tôt ?',
      };
      await ctx
        .http()
        .post(inboundPath)
        .type('form')
        .set(
          'X-Twilio-Signature',
          computeTwilioSignature('twilio-auth-token', `${PUBLIC_URL}${inboundPath}`, form),
        )
        .send(form)
        .expect(200);
      const list = await ctx.as(twilio).get('/api/inbox').expect(200);
      expect(list.body.items.map((i: { text: string }) => i.text)).toEqual(['Puis-je venir plus tôt ?']);
    });

    it('should answer 404 for a provider the clinic does not use', async () => {
      await ctx.http().post(`/api/providers/${twilio.clinicId}/smpp/status`).send({}).expect(404);
      await ctx.http().post(`/api/providers/no-such-clinic/sandbox/inbound`).send({}).expect(404);
    });
  });

  describe('an ask step with its own reply words', () => {
    it('should read "2" as declined where the step says so', async () => {
      const flow = {
        ...remindersFlow,
        nodes: remindersFlow.nodes.map((n) =>
          n.type === 'ask' ? { ...n, data: { ...n.data, keywords: { confirm: ['1'], decline: ['2'] } } } : n,
        ),
      } as typeof remindersFlow;
      await engine.settings(numbered, {
        consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
        limits: { minimumLeadTimeHours: 12, onePerPersonPerDay: false },
      });
      await engine.publish(numbered, flow);
      clock.set('2026-03-25T08:00:00Z');
      await engine
        .post(numbered, bookingEvent('n-book', 'A-N', '2026-03-28T10:00', { at: '2026-03-25T08:00:00Z' }))
        .expect(202);
      await engine.at('2026-03-27T09:00:00Z');
      await tick();
      const answer = await reply(numbered, '2');
      expect(answer.body).toMatchObject({ accepted: true, meaning: 'declined' });
      const [question] = await engine.deliveries(numbered, {
        appointmentId: apt(numbered, 'A-N'),
        expectsReply: true,
      });
      expect(question.status).toBe('answered');
      expect(question.text).toMatch(/\w/);
      const [run] = await engine.runs(numbered, { _id: question.runId! });
      expect(run.steps.filter((s) => s.nodeId === question.nodeId).map((s) => s.exit)).toContain('declined');

      // A change of mind after the step closed does not reopen it: it waits in the inbox.
      const late = await reply(numbered, '1');
      expect(late.body).toMatchObject({ accepted: true, meaning: 'unknown' });
      const inbox = await ctx.as(numbered).get('/api/inbox').expect(200);
      expect(inbox.body.items).toEqual([
        expect.objectContaining({
          text: '1',
          deliveryId: question._id,
          questionText: question.text,
          outcome: 'Arrived after the question was closed; waiting in the inbox',
        }),
      ]);
    });
  });

  describe('replies pushed by the provider', () => {
    let smsc: ReplyingSmsc;
    beforeAll(async () => {
      smsc = await startReplyingSmsc();
    });
    afterAll(() => smsc.close());

    const until = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 50));
    };

    it('should answer a question sent over SMPP with the deliver_sm the SMS centre sends back', async () => {
      await engine.settings(viaSmpp, {
        testMode: false,
        consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
        providers: {
          sms: {
            kind: 'smpp',
            options: { host: '127.0.0.1', port: smsc.port, systemId: 'clinic', defaultFrom: 'Cabinet' },
            credentials: { password: 'secret' },
          },
        },
      });
      await ctx.as(viaSmpp).post('/api/settings/credits/top-ups', { credits: 10 }).expect(200);
      await storeDeliveries(ctx.app, [
        deliveryDocument(viaSmpp.clinicId, 'dlv-smpp-ask', {
          expectsReply: true,
          status: 'scheduled',
          sendAt: clock.now(),
          createdAt: clock.now(),
          template: { byLanguage: { fr: { body: 'Votre RDV demain : répondez C pour confirmer.' } } },
        }),
      ]);
      await tick();
      const sent = await ctx.as(viaSmpp).get('/api/deliveries/dlv-smpp-ask').expect(200);
      expect({ status: sent.body.status, error: sent.body.error }).toEqual({ status: 'sent', error: null });
      expect(smsc.submits).toEqual([
        { to: '33612345678', text: 'Votre RDV demain : répondez C pour confirmer.' },
      ]);

      await smsc.reply('+33612345678', '+33700000000', 'C');
      const read = () => ctx.as(viaSmpp).get('/api/deliveries/dlv-smpp-ask');
      await until(async () => (await read()).body.status === 'answered');
      expect((await read()).body.status).toBe('answered');
      const inbox = await ctx.as(viaSmpp).get('/api/inbox?all=true').expect(200);
      expect(inbox.body.items).toEqual([
        expect.objectContaining({ text: 'C', meaning: 'confirmed', deliveryId: 'dlv-smpp-ask', read: true }),
      ]);
    });

    it('should take a reply the sandbox pushes into the inbox', async () => {
      const settings = await ctx.app.get(SettingsRepository).findForClinic(viaSandbox.clinicId);
      const { provider } = await ctx.app.get(ProviderRegistry).forChannel(settings!, 'sms');
      (provider as SandboxProvider).reply('+33698765432', '+33700000000', 'Bonjour, je serai là.');
      const list = () => ctx.as(viaSandbox).get('/api/inbox');
      await until(async () => (await list()).body.total > 0);
      expect((await list()).body.items).toEqual([
        expect.objectContaining({ text: 'Bonjour, je serai là.', from: '+33698765432', read: false }),
      ]);
    });
  });
});
