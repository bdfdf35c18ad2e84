import { computeTwilioSignature } from '@clinicflow/channels';
import { externalDocumentId } from '../src/common/ids';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { remindersAskingOn } from './engine-scenario-flows';
import { parseCsv } from './report-fixtures';
import { TestClinic, useTestContext } from './test-app';
import { TestClock } from './test-clock';
import { startTwilioLike } from './twilio-like';

const PUBLIC_URL = 'https://clinic.example.com';
const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'twilio-auth-token';
const CLINIC_NUMBER = '+14155238886';
const CONTENT_SID = 'HX0123456789abcdef0123456789abcdef';

const apt = (clinic: TestClinic, externalId: string) =>
  externalDocumentId('apt', clinic.clinicId, externalId);

/** The reminders starter asking its question on WhatsApp, with the approved template it needs outside 24 hours. */
const whatsappQuestion = remindersAskingOn('whatsapp', {
  fr: {
    body: 'Bonjour {{patient.firstName}}, RDV demain à {{time appointment.start}}. Répondez OUI ou NON.',
    whatsapp: {
      contentSid: CONTENT_SID,
      // the template's button or text carries the confirmation link, which the free text does not show
      variables: ['{{patient.firstName}}', '{{time appointment.start}}', '{{links.confirm}}'],
    },
  },
});

describe('WhatsApp (issue 20, part 5)', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({ PUBLIC_URL }, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  let twilio: Awaited<ReturnType<typeof startTwilioLike>>;

  /** Twilio posting a callback (a status or a message) to the clinic's route, signed with the clinic's token. */
  const post = (kind: 'status' | 'inbound', params: Record<string, string>) => {
    const path = `/api/providers/${clinic.clinicId}/twilio/${kind}`;
    return ctx
      .http()
      .post(path)
      .type('form')
      .set('X-Twilio-Signature', computeTwilioSignature(TOKEN, `${PUBLIC_URL}${path}`, params))
      .send({ ...params });
  };
  const status = (sid: string, messageStatus: string) =>
    post('status', {
      AccountSid: SID,
      MessageSid: sid,
      MessageStatus: messageStatus,
      From: `whatsapp:${CLINIC_NUMBER}`,
      To: 'whatsapp:+33612345678',
    });
  const reply = (text: string, sid: string) =>
    post('inbound', {
      AccountSid: SID,
      MessageSid: sid,
      From: 'whatsapp:+33612345678',
      To: `whatsapp:${CLINIC_NUMBER}`,
      Body: text,
    });

  /** Books an appointment and lets time run to its question (24 hours before); answers the question. */
  const askAbout = async (externalId: string, start: string, emailAt: string, askAt: string) => {
    await engine.post(
      clinic,
      bookingEvent(`book-${externalId}`, externalId, start, { at: clock.now().toISOString() }),
    );
    await engine.at(emailAt);
    await engine.at(askAt);
    const [question] = await engine.deliveries(clinic, {
      appointmentId: apt(clinic, externalId),
      expectsReply: true,
    });
    return question;
  };

  beforeAll(async () => {
    twilio = await startTwilioLike();
    await engine.settings(clinic, {
      testMode: false,
      channels: { sms: true, email: true, voice: false, whatsapp: true },
      consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
      providers: {
        whatsapp: {
          kind: 'twilio',
          options: { accountSid: SID, baseUrl: twilio.baseUrl, defaultFrom: CLINIC_NUMBER },
          credentials: { authToken: TOKEN },
        },
      },
    });
    await engine.publish(clinic, whatsappQuestion);
  });
  afterAll(() => twilio.close());

  it('should ask by the approved template outside the 24 hours, then follow its receipts up to read', async () => {
    const question = await askAbout(
      'A-WA-1',
      '2026-03-07T10:00',
      '2026-03-05T09:00:00Z',
      '2026-03-06T09:00:00Z',
    );
    expect(question).toMatchObject({ status: 'sent', channel: 'whatsapp', provider: 'twilio' });
    const sent = twilio.messages.at(-1)!;
    expect(sent).toMatchObject({
      To: 'whatsapp:+33612345678',
      From: `whatsapp:${CLINIC_NUMBER}`,
      ContentSid: CONTENT_SID,
    });
    expect(JSON.parse(sent.ContentVariables)).toEqual({
      '1': 'Léa',
      '2': '10:00',
      '3': expect.stringMatching(/^https:\/\/clinic\.example\.com\/p\/[A-Za-z0-9_-]+$/),
    });
    expect(sent.Body).toBeUndefined();

    clock.set('2026-03-06T09:00:30Z');
    await status(question.providerMessageId!, 'delivered').expect(200);
    clock.set('2026-03-06T09:05:00Z');
    const read = await status(question.providerMessageId!, 'read').expect(200);
    expect(read.body).toMatchObject({ accepted: true, deliveryId: question._id, status: 'read' });
    // A late "delivered" never moves it back.
    await status(question.providerMessageId!, 'delivered').expect(200);

    const detail = await ctx.as(clinic).get(`/api/deliveries/${question._id}`).expect(200);
    expect(detail.body).toMatchObject({
      status: 'read',
      deliveredAt: expect.any(String),
      readAt: expect.any(String),
    });
    const page = await ctx.as(clinic).get('/api/deliveries?status=read&channel=whatsapp').expect(200);
    expect(page.body.items.map((d: { id: string }) => d.id)).toEqual([question._id]);
    const file = await ctx
      .as(clinic)
      .get('/api/deliveries/export?confirm=personal-data&status=read')
      .expect(200);
    const [headers, row] = parseCsv(file.text.replace(/^\uFEFF/, ''));
    expect(row[headers.indexOf('read (Europe/Paris)')]).toMatch(/^2026-03-06 10:05/);
    expect(row[headers.indexOf('status')]).toBe('read');
    expect(row[headers.indexOf('channel')]).toBe('WhatsApp');
  });

  it('should answer the question from a WhatsApp reply, and then write free text within 24 hours', async () => {
    clock.set('2026-03-09T08:00:00Z');
    const question = await askAbout(
      'A-WA-2',
      '2026-03-14T10:00',
      '2026-03-12T09:00:00Z',
      '2026-03-13T09:00:00Z',
    );
    expect(twilio.messages.at(-1)).toMatchObject({ ContentSid: CONTENT_SID });

    clock.set('2026-03-13T09:10:00Z');
    const answered = await reply('Oui', 'SMreply1').expect(200);
    expect(answered.body).toMatchObject({ accepted: true, meaning: 'confirmed' });
    const appointment = await ctx
      .as(clinic)
      .get(`/api/appointments/${apt(clinic, 'A-WA-2')}`)
      .expect(200);
    expect(appointment.body).toMatchObject({ confirmation: 'confirmed' });
    const detail = await ctx.as(clinic).get(`/api/deliveries/${question._id}`).expect(200);
    expect(detail.body.status).toBe('answered');
    const inbox = await ctx.as(clinic).get('/api/inbox?all=true').expect(200);
    expect(inbox.body.items).toContainEqual(
      expect.objectContaining({
        channel: 'whatsapp',
        text: 'Oui',
        from: '+33612345678',
        deliveryId: question._id,
      }),
    );

    // The patient wrote: a message within 24 hours goes as free text, without the template.
    const free = await ctx
      .as(clinic)
      .post('/api/sends', {
        channel: 'whatsapp',
        patientId: question.patientId,
        template: { body: 'Merci {{patient.firstName}}, à demain !' },
      })
      .expect(201);
    await engine.at('2026-03-13T09:11:00Z');
    expect(twilio.messages.at(-1)).toMatchObject({
      To: 'whatsapp:+33612345678',
      Body: 'Merci Léa, à demain !',
    });
    expect(twilio.messages.at(-1)!.ContentSid).toBeUndefined();
    const sent = await ctx.as(clinic).get(`/api/deliveries/${free.body.id}`).expect(200);
    // (the status refresh asked the provider, which answers delivered)
    expect(['sent', 'delivered']).toContain(sent.body.status);
  });

  it('should refuse a free text outside the 24 hours with the reason, never send it', async () => {
    clock.set('2026-03-16T08:00:00Z');
    const [patient] = await engine.deliveries(clinic, { appointmentId: apt(clinic, 'A-WA-2') });
    const before = twilio.messages.length;
    const send = await ctx
      .as(clinic)
      .post('/api/sends', {
        channel: 'whatsapp',
        patientId: patient.patientId,
        template: { body: 'Votre ordonnance est prête.' },
      })
      .expect(201);
    await engine.at('2026-03-16T08:01:00Z');
    const detail = await ctx.as(clinic).get(`/api/deliveries/${send.body.id}`).expect(200);
    expect(detail.body).toMatchObject({
      status: 'failed',
      error: { code: 'whatsapp-template-needed', reason: expect.stringMatching(/approved template/) },
    });
    expect(twilio.messages.length).toBe(before);
  });

  it('should refuse a WhatsApp template on another channel, naming the field', async () => {
    const refused = await ctx
      .as(clinic)
      .post('/api/templates', {
        name: 'SMS with a WhatsApp part',
        channel: 'sms',
        variants: { fr: { body: 'Bonjour', whatsapp: { contentSid: CONTENT_SID, variables: [] } } },
      })
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain('variants.fr.whatsapp');
    const badSid = await ctx
      .as(clinic)
      .post('/api/templates', {
        name: 'WhatsApp',
        channel: 'whatsapp',
        variants: {
          fr: { body: 'Bonjour', whatsapp: { contentSid: 'HX12', variables: ['{{patient.nope'] } },
        },
      })
      .expect(400);
    expect(JSON.stringify(badSid.body)).toContain('contentSid');
  });
});
