import { remindersFlow, type Flow, type FlowNode } from '@clinicflow/rules';
import { externalDocumentId } from '../src/common/ids';
import { EngineService } from '../src/modules/engine/engine.service';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { bookingChain, patientMessage, waitBefore } from './engine-scenario-flows';
import { startReplyingSmsc, type ReplyingSmsc } from './replies-smsc';
import { deliveryDocument, storeDeliveries } from './report-fixtures';
import { TestClinic, useTestContext } from './test-app';
import { TestClock } from './test-clock';

const apt = (clinic: TestClinic, externalId: string) =>
  externalDocumentId('apt', clinic.clinicId, externalId);

/** The reminders starter with its question on another channel. */
function questionOn(channel: 'email' | 'voice'): Flow {
  const { id: _starter, ...flow } = remindersFlow;
  return {
    ...flow,
    nodes: flow.nodes.map((node) =>
      node.type === 'ask'
        ? ({
            ...node,
            data: {
              ...node.data,
              channel,
              template: { byLanguage: { fr: { subject: 'Votre RDV', body: 'Tapez 1 pour confirmer.' } } },
            },
          } as FlowNode)
        : node,
    ),
  };
}

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 50));
};

describe('questions whose answers can come back (F4)', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const named = ctx.clinic();
  const lilas = ctx.clinic();

  describe('at publish', () => {
    beforeAll(async () => {
      await engine.settings(named, {
        senders: {
          smsSenderName: 'CabLilas',
          emailFromName: null,
          emailFromAddress: null,
          voiceCallerNumber: null,
        },
      });
    });

    it('should refuse an SMS question sent from a name, with the fix, and publish it from a number for replies', async () => {
      const { id: _starter, ...body } = remindersFlow;
      const created = await ctx.as(named).post('/api/flows', body).expect(201);
      expect(created.body.problems).toEqual([
        expect.objectContaining({
          nodeId: 'sms24',
          path: 'nodes.4.data.channel',
          code: 'question-cannot-be-answered',
          params: expect.objectContaining({ gap: 'sms-sender-name', sender: 'CabLilas', channel: 'sms' }),
        }),
      ]);
      const refused = await ctx
        .as(named)
        .post(`/api/flows/${created.body.id}/publish`, { note: 'v1' })
        .expect(400);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({
          path: 'draft.nodes.4.data.channel',
          nodeId: 'sms24',
          code: 'question-cannot-be-answered',
          message: expect.stringMatching(
            /"CabLilas", a name patients cannot reply to: give the clinic a number for replies/,
          ),
        }),
      ]);
      expect((await ctx.as(named).get('/api/settings').expect(200)).body.replyRoutes).toEqual({
        smsSender: 'CabLilas',
        voiceKeypress: false,
        emailInbound: false,
      });

      const saved = await ctx
        .as(named)
        .put('/api/settings', {
          senders: {
            smsSenderName: 'CabLilas',
            emailFromName: null,
            emailFromAddress: null,
            voiceCallerNumber: null,
            smsReplyNumber: '+33757000000',
          },
        })
        .expect(200);
      expect(saved.body.replyRoutes).toMatchObject({ smsSender: '+33757000000' });
      await ctx.as(named).post(`/api/flows/${created.body.id}/publish`, { note: 'v1' }).expect(201);
    });

    it.each([
      ['email', 'email-inbound', /set up the inbound e-mail route/],
      ['voice', 'voice-keypress', /Twilio-style voice provider .* press 1 to confirm or 2 to decline/],
    ] as const)(
      'should refuse a %s question the clinic cannot hear the answer of',
      async (channel, gap, fix) => {
        const created = await ctx.as(named).post('/api/flows', questionOn(channel)).expect(201);
        const refused = await ctx
          .as(named)
          .post(`/api/flows/${created.body.id}/publish`, { note: 'v1' })
          .expect(400);
        expect(refused.body.errors).toEqual([
          expect.objectContaining({
            nodeId: 'sms24',
            code: 'question-cannot-be-answered',
            params: expect.objectContaining({ gap }),
            message: expect.stringMatching(fix),
          }),
        ]);
      },
    );

    it.each([
      ['+33700000000', /not a valid phone number/],
      ['07 57 00 00 00', /E\.164/],
    ])('should refuse %s as the number for replies, naming the field', async (number, message) => {
      const { body } = await ctx
        .as(named)
        .put('/api/settings', {
          senders: {
            smsSenderName: 'CabLilas',
            emailFromName: null,
            emailFromAddress: null,
            voiceCallerNumber: null,
            smsReplyNumber: number,
          },
        })
        .expect(400);
      expect(body.errors).toEqual([
        { path: 'body.senders.smsReplyNumber', message: expect.stringMatching(message) },
      ]);
    });
  });

  describe('a decline by SMS, over SMPP, from the number for replies', () => {
    let smsc: ReplyingSmsc;
    let dayOfFlowId: string;

    beforeAll(async () => {
      smsc = await startReplyingSmsc();
      await engine.settings(lilas, {
        testMode: false,
        consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
        senders: {
          smsSenderName: 'CabLilas',
          emailFromName: null,
          emailFromAddress: null,
          voiceCallerNumber: null,
          smsReplyNumber: '+33757000000',
        },
        providers: {
          sms: {
            kind: 'smpp',
            options: { host: '127.0.0.1', port: smsc.port, systemId: 'clinic' },
            credentials: { password: 'secret' },
          },
        },
      });
      await engine.publish(lilas, remindersFlow);
      dayOfFlowId = await engine.publish(
        lilas,
        bookingChain('Day-of reminder', [
          waitBefore('wait2', 1, 2, 'hours'),
          patientMessage('sms2', 2, 'sms'),
        ]),
      );
    });
    afterAll(() => smsc.close());

    it('should send the question from the number, and on "N" cancel the rest, mark the appointment and say so', async () => {
      await engine.post(lilas, bookingEvent('f4-book', 'A-F4', '2026-03-07T10:00')).expect(202);
      const appointmentId = apt(lilas, 'A-F4');
      // A message of the appointment still to go (planned by some other step).
      await storeDeliveries(ctx.app, [
        deliveryDocument(lilas.clinicId, 'dlv-f4-later', {
          appointmentId,
          sendAt: '2026-03-07T07:30:00Z',
          createdAt: '2026-03-02T08:00:00Z',
        }),
      ]);
      await engine.at('2026-03-05T09:00:00Z');
      await engine.at('2026-03-06T09:00:00Z');
      const [question] = await engine.deliveries(lilas, { appointmentId, expectsReply: true });
      expect(question.status).toBe('sent');
      const submitted = smsc.pdus.at(-1)!;
      expect({
        from: [submitted.source_addr, submitted.source_addr_ton, submitted.source_addr_npi],
        to: [submitted.destination_addr, submitted.dest_addr_ton, submitted.dest_addr_npi],
      }).toEqual({ from: ['33757000000', 1, 1], to: ['33612345678', 1, 1] });

      clock.set('2026-03-06T17:05:00Z');
      await smsc.reply('+33612345678', '+33757000000', 'N');
      const read = () => ctx.as(lilas).get(`/api/deliveries/${question._id}`);
      await until(async () => (await read()).body.status === 'answered');
      expect((await read()).body).toMatchObject({
        status: 'answered',
        reason: 'The patient declined the appointment; 1 other pending message(s) cancelled',
      });
      const later = await ctx.as(lilas).get('/api/deliveries/dlv-f4-later').expect(200);
      expect(later.body).toMatchObject({
        status: 'cancelled',
        reason: 'The patient declined the appointment',
      });
      const appointment = await ctx.as(lilas).get(`/api/appointments/${appointmentId}`).expect(200);
      expect(appointment.body).toMatchObject({ confirmation: 'declined', status: 'booked' });
      // The report lists the answer with what it did.
      const report = await ctx.as(lilas).get('/api/deliveries?status=answered').expect(200);
      expect(report.body.items).toEqual([
        expect.objectContaining({
          id: question._id,
          reason: expect.stringMatching(/declined the appointment/),
        }),
      ]);

      // The question's run went on by its declined exit; the day-of reminder's run ended and sends nothing.
      const [asking] = await engine.runs(lilas, { _id: question.runId! });
      expect(asking.steps.filter((s) => s.nodeId === 'sms24').map((s) => s.exit)).toContain('declined');
      const [dayOf] = await engine.runs(lilas, { flowId: dayOfFlowId });
      expect(dayOf).toMatchObject({
        status: 'cancelled',
        endedReason: 'The patient declined the appointment',
      });
      await engine.at('2026-03-07T08:00:00Z');
      expect(await engine.deliveries(lilas, { flowId: dayOfFlowId })).toEqual([]);
      await ctx.app.get(EngineService).drain();
      expect(smsc.submits.filter((s) => s.to === '33612345678')).toHaveLength(1);
    });
  });
});
