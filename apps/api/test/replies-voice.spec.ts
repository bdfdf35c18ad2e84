import { computeTwilioSignature } from '@clinicflow/channels';
import { externalDocumentId } from '../src/common/ids';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { remindersAskingOn } from './engine-scenario-flows';
import { TestClinic, useTestContext } from './test-app';
import { TestClock } from './test-clock';
import { startTwilioLike } from './twilio-like';

const PUBLIC_URL = 'https://clinic.example.com';
const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'twilio-auth-token';

const apt = (clinic: TestClinic, externalId: string) =>
  externalDocumentId('apt', clinic.clinicId, externalId);

/** The reminders starter asking its question on a call. */
const voiceQuestion = remindersAskingOn('voice', {
  fr: { body: 'Votre RDV est demain. Tapez 1 pour confirmer, 2 pour annuler.' },
});

describe('a question on a call, answered with a key (F4)', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({ PUBLIC_URL }, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  let twilio: Awaited<ReturnType<typeof startTwilioLike>>;

  const keypressPath = () => `/api/providers/${clinic.clinicId}/twilio/keypress`;
  /** Twilio posting the key the patient pressed on call `callSid`, signed with the clinic's token. */
  const press = (callSid: string, digits: string, token = TOKEN) => {
    const params = {
      AccountSid: SID,
      CallSid: callSid,
      Digits: digits,
      From: '+33145678900',
      To: '+33612345678',
      Direction: 'outbound-api',
    };
    return ctx
      .http()
      .post(keypressPath())
      .type('form')
      .set('X-Twilio-Signature', computeTwilioSignature(token, `${PUBLIC_URL}${keypressPath()}`, params))
      .send(params);
  };
  /** Books an appointment and lets time run (the e-mail 48 h before, the call 24 h before); answers the question. */
  const callAbout = async (externalId: string, start: string, emailAt: string, callAt: string) => {
    await engine.post(
      clinic,
      bookingEvent(`book-${externalId}`, externalId, start, { at: clock.now().toISOString() }),
    );
    await engine.at(emailAt);
    await engine.at(callAt);
    const [question] = await engine.deliveries(clinic, {
      appointmentId: apt(clinic, externalId),
      expectsReply: true,
    });
    expect(question).toMatchObject({ status: 'sent', channel: 'voice', reason: null });
    return question;
  };

  beforeAll(async () => {
    twilio = await startTwilioLike();
    await engine.settings(clinic, {
      testMode: false,
      channels: { sms: true, email: true, voice: true },
      consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
      senders: {
        smsSenderName: null,
        emailFromName: null,
        emailFromAddress: null,
        voiceCallerNumber: '+33145678900',
      },
      providers: {
        voice: {
          kind: 'twilio',
          options: { accountSid: SID, baseUrl: twilio.baseUrl },
          credentials: { authToken: TOKEN },
        },
      },
    });
    const settings = await ctx.as(clinic).get('/api/settings').expect(200);
    expect(settings.body.replyRoutes).toMatchObject({ voiceKeypress: true });
    await engine.publish(clinic, voiceQuestion);
  });
  afterAll(() => twilio.close());

  it('should say the question while it gathers one key, and decline the appointment on 2', async () => {
    const question = await callAbout(
      'A-CALL-2',
      '2026-03-07T10:00',
      '2026-03-05T09:00:00Z',
      '2026-03-06T09:00:00Z',
    );
    const call = twilio.calls.at(-1)!;
    expect(call).toMatchObject({ To: '+33612345678', From: '+33145678900' });
    expect(call.Twiml).toBe(
      `<Response><Gather numDigits="1" action="${PUBLIC_URL}/api/providers/${clinic.clinicId}/twilio/keypress" method="POST" timeout="10">` +
        '<Say language="fr-FR">Votre RDV est demain. Tapez 1 pour confirmer, 2 pour annuler.</Say></Gather></Response>',
    );

    clock.set('2026-03-06T09:01:00Z');
    await press(question.providerMessageId!, '2', 'another-token').expect(403);
    const answered = await press(question.providerMessageId!, '2').expect(200);
    expect(answered.headers['content-type']).toMatch(/^text\/xml/);
    expect(answered.text).toBe('<Response><Hangup/></Response>');

    const detail = await ctx.as(clinic).get(`/api/deliveries/${question._id}`).expect(200);
    expect(detail.body).toMatchObject({
      status: 'answered',
      reason: expect.stringMatching(/declined the appointment/),
    });
    const appointment = await ctx
      .as(clinic)
      .get(`/api/appointments/${apt(clinic, 'A-CALL-2')}`)
      .expect(200);
    expect(appointment.body.confirmation).toBe('declined');
    const replies = await ctx.as(clinic).get('/api/inbox?all=true').expect(200);
    expect(replies.body.items).toEqual([
      expect.objectContaining({ channel: 'voice', text: '2', meaning: 'declined', deliveryId: question._id }),
    ]);
  });

  it('should confirm the appointment on 1', async () => {
    clock.set('2026-03-09T08:00:00Z');
    const question = await callAbout(
      'A-CALL-1',
      '2026-03-14T10:00',
      '2026-03-12T09:00:00Z',
      '2026-03-13T09:00:00Z',
    );
    await press(question.providerMessageId!, '1').expect(200);
    const appointment = await ctx
      .as(clinic)
      .get(`/api/appointments/${apt(clinic, 'A-CALL-1')}`)
      .expect(200);
    expect(appointment.body).toMatchObject({ confirmation: 'confirmed', status: 'confirmed' });
    const [run] = await engine.runs(clinic, { _id: question.runId! });
    expect(run.steps.filter((s) => s.nodeId === 'sms24').map((s) => s.exit)).toContain('confirmed');
  });
});
