// Issue 20, parts 1 and 2: a message's short links (`links.confirm`, `links.cancel`, `links.reschedule`) open the
// patient's appointment page; a tap is recorded as a reply would be: the question's run goes on, the appointment
// is marked, the report shows the message answered and the PMS's webhook receiver hears of it.
import { bookingConfirmationFlow, remindersFlow, type Flow } from '@clinicflow/rules';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { externalDocumentId } from '../src/common/ids';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { EVERY_PATIENT, REPLYING_CLINIC_SENDERS } from './scenario-1';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

const PUBLIC_URL = 'https://rdv.clinic.example';
const SHORT_LINK = /https:\/\/rdv\.clinic\.example(\/p\/[0-9A-Za-z]{16})\b/g;

/** A flow whose message `nodeId` ends with these words (French, the patient's language). */
function withText(flow: Flow, nodeId: string, words: string): Flow {
  const copy = structuredClone(flow);
  const node = copy.nodes.find((n) => n.id === nodeId) as unknown as {
    data: { template: { byLanguage: Record<string, { body: string }> } };
  };
  node.data.template.byLanguage.fr.body += words;
  return copy;
}

/** The PMS's webhook receiver: the events' bodies, parsed. */
function startReceiver() {
  const received: { type: string; data: Record<string, unknown> }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString()));
      res.end();
    });
  });
  return new Promise<{ received: typeof received; url: string; stop: () => void }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        received,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/pms`,
        stop: () => server.close(),
      }),
    ),
  );
}

describe("the patient's appointment page (short links)", () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({ PUBLIC_URL, CLINICFLOW_ALLOWED_PROVIDER_HOSTS: '127.0.0.1' }, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  let pms: Awaited<ReturnType<typeof startReceiver>>;

  const appointmentOf = async (externalId: string) =>
    (
      await ctx
        .as(clinic)
        .get(`/api/appointments/${externalDocumentId('apt', clinic.clinicId, externalId)}`)
        .expect(200)
    ).body;
  /** The short links of a message, as paths, in the order the text gives them. */
  const linksOf = (text: string | null) => [...(text ?? '').matchAll(SHORT_LINK)].map((m) => m[1]);
  /** The short links of an appointment's booking confirmation, in the order its text shows them. */
  const bookingLinksOf = async (externalId: string) => {
    const appointmentId = externalDocumentId('apt', clinic.clinicId, externalId);
    const deliveries = await engine.deliveries(clinic, { appointmentId });
    return linksOf(deliveries.find((d) => d.nodeId === 'sms-booked')!.text);
  };
  const tap = (path: string, form: Record<string, string>) => ctx.http().post(path).type('form').send(form);
  const pmsHeard = (type: string) => pms.received.filter((event) => event.type === type);

  beforeAll(async () => {
    pms = await startReceiver();
    await engine.settings(clinic, {
      consent: EVERY_PATIENT,
      senders: REPLYING_CLINIC_SENDERS,
      phone: '+33142685300',
      providers: { sms: { kind: 'sandbox', options: {} } },
    });
    await ctx
      .as(clinic)
      .post('/api/settings/webhooks', {
        url: pms.url,
        events: ['appointment.confirmed', 'appointment.declined', 'reply.received'],
      })
      .expect(201);
    await engine.publish(clinic, withText(remindersFlow, 'sms24', ' Ou ici : {{links.confirm}}'));
    await engine.publish(
      clinic,
      withText(
        bookingConfirmationFlow,
        'sms-booked',
        ' Annuler : {{links.cancel}} Autre horaire : {{links.reschedule}}',
      ),
    );
  });
  afterAll(() => pms.stop());

  it("confirms by the reminder's link: the question is answered, the run goes on, the PMS hears it", async () => {
    await engine.post(clinic, bookingEvent('link-1', 'A-LINK', '2026-03-07T10:00')).expect(202);
    await engine.at('2026-03-02T08:00:00Z');
    await engine.at('2026-03-05T09:00:00Z');
    await engine.at('2026-03-06T09:00:00Z');
    const appointmentId = externalDocumentId('apt', clinic.clinicId, 'A-LINK');
    const question = (await engine.deliveries(clinic, { appointmentId })).find((d) => d.nodeId === 'sms24')!;
    expect(question).toMatchObject({
      status: expect.stringMatching(/^(sent|delivered)$/),
      expectsReply: true,
    });
    const [confirm] = linksOf(question.text);
    // ≤ 25 characters of path, so the SMS stays short; nothing about the patient in it
    expect(confirm.length).toBeLessThanOrEqual(25);
    expect(question.text).toContain(`${PUBLIC_URL}${confirm}`);

    // Opening it changes nothing (link scanners open links too).
    const page = await ctx.http().get(confirm).expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toContain('no-store');
    expect(page.text).toContain('<html lang="fr">');
    expect(page.text).toContain('samedi 7 mars 2026');
    expect(page.text).toContain('10:00');
    expect(page.text).toContain('Je confirme ma venue');
    expect(page.text).not.toMatch(/<script|src="http/);
    expect(await appointmentOf('A-LINK')).toMatchObject({ status: 'booked' });

    clock.set('2026-03-06T09:10:00Z');
    const done = await tap(confirm, { action: 'confirm' }).expect(200);
    expect(done.text).toContain('Merci : votre rendez-vous est confirmé.');
    expect(done.text).not.toContain('Je confirme ma venue');
    expect(await appointmentOf('A-LINK')).toMatchObject({ status: 'confirmed', confirmation: 'confirmed' });
    // The report: the question answered by the patient, with when.
    const row = (await ctx.as(clinic).get(`/api/deliveries/${question._id}`).expect(200)).body;
    expect(row).toMatchObject({ status: 'answered', answeredAt: '2026-03-06T09:10:00.000Z' });
    expect(row.reason).toContain('on their page');
    // The run left the question by its "confirmed" exit, as a reply "C" would.
    const run = (await ctx.as(clinic).get(`/api/runs/${question.runId}`).expect(200)).body;
    expect(run.steps.slice(-3)).toEqual([
      expect.objectContaining({
        nodeId: 'sms24',
        kind: 'reply',
        exit: 'confirmed',
        why: { code: 'page-answered', params: { meaning: 'confirmed' } },
      }),
      expect.objectContaining({ nodeId: 'mark-confirmed', kind: 'update' }),
      expect.objectContaining({ nodeId: 'end' }),
    ]);

    await engine.at('2026-03-06T09:10:05Z');
    expect(pmsHeard('appointment.confirmed')).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          answer: 'confirmed',
          appointment: expect.objectContaining({ externalId: 'A-LINK', status: 'confirmed' }),
        }),
      }),
    ]);

    // A second tap finds it confirmed, and nothing more is sent to the PMS.
    const again = await tap(confirm, { action: 'confirm' }).expect(200);
    expect(again.text).toContain('Vous avez déjà confirmé ce rendez-vous.');
    await engine.at('2026-03-06T09:10:10Z');
    expect(pmsHeard('appointment.confirmed')).toHaveLength(1);
  });

  it("cancels by the booking message's link, once: the reason reaches the inbox, a second tap says so", async () => {
    await engine.post(clinic, bookingEvent('link-2', 'A-CANC', '2026-03-12T10:00')).expect(202);
    await engine.at('2026-03-06T09:20:00Z');
    const [cancel, reschedule] = await bookingLinksOf('A-CANC');
    const appointmentId = externalDocumentId('apt', clinic.clinicId, 'A-CANC');
    expect(cancel).not.toBe(reschedule);
    const page = await ctx.http().get(cancel).expect(200);
    // the cancel link opens its form first, open
    expect(page.text.indexOf('<details open><summary>Annuler mon rendez-vous')).toBeGreaterThan(-1);
    expect(page.text.indexOf('Annuler mon rendez-vous')).toBeLessThan(
      page.text.indexOf('Je confirme ma venue'),
    );

    const done = await tap(cancel, { action: 'cancel', reason: 'Je suis malade' }).expect(200);
    expect(done.text).toContain('Votre rendez-vous est annulé.');
    expect(await appointmentOf('A-CANC')).toMatchObject({
      status: 'cancelled',
      confirmation: 'declined',
      cancelledBy: 'patient',
    });
    // Its reminders (the e-mail 48 h before, the question 24 h before) will not go.
    const after = await engine.deliveries(clinic, { appointmentId });
    expect(after.filter((d) => d.status === 'scheduled')).toEqual([]);
    const inbox = (await ctx.as(clinic).get('/api/inbox').expect(200)).body.items;
    expect(inbox).toEqual(
      expect.arrayContaining([expect.objectContaining({ text: 'Je suis malade', appointmentId })]),
    );

    const again = await tap(cancel, { action: 'cancel' }).expect(409);
    expect(again.text).toContain('Ce rendez-vous est déjà annulé.');
    await tap(reschedule, { action: 'confirm' }).expect(409);
    expect(await appointmentOf('A-CANC')).toMatchObject({ status: 'cancelled' });

    await engine.at('2026-03-06T09:20:05Z');
    expect(pmsHeard('appointment.declined')).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          answer: 'declined',
          reason: 'Je suis malade',
          appointment: expect.objectContaining({ externalId: 'A-CANC', status: 'cancelled' }),
        }),
      }),
    ]);
  });

  it('says when the appointment moved, and passes a request for another time to the front desk', async () => {
    await engine.post(clinic, bookingEvent('link-3', 'A-MOVE', '2026-03-12T10:00')).expect(202);
    await engine.at('2026-03-06T09:30:00Z');
    const [, reschedule] = await bookingLinksOf('A-MOVE');
    const appointmentId = externalDocumentId('apt', clinic.clinicId, 'A-MOVE');
    await engine
      .post(
        clinic,
        bookingEvent('link-3-moved', 'A-MOVE', '2026-03-13T11:00', {
          type: 'appointment.rescheduled',
          at: '2026-03-06T09:31:00Z',
        }),
      )
      .expect(202);
    await engine.at('2026-03-06T09:32:00Z');
    const page = await ctx.http().get(reschedule).expect(200);
    expect(page.text).toContain('Ce rendez-vous a été déplacé : il est maintenant le vendredi 13 mars 2026');

    const asked = await tap(reschedule, { action: 'reschedule', wish: 'Plutôt le matin' }).expect(200);
    expect(asked.text).toContain('Votre demande est envoyée');
    const inbox = (await ctx.as(clinic).get('/api/inbox').expect(200)).body.items;
    expect(inbox).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ text: 'Plutôt le matin', appointmentId, read: false }),
      ]),
    );
    expect(await appointmentOf('A-MOVE')).toMatchObject({ status: 'booked' });
    await engine.at('2026-03-06T09:32:05Z');
    expect(pmsHeard('reply.received').map((e) => e.data.text)).toContain('Plutôt le matin');
  });

  it('refuses a tampered link, a tap after the start and an expired link, changing nothing', async () => {
    const [cancel] = await bookingLinksOf('A-MOVE');
    const tampered = cancel.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const unknown = await ctx.http().get(tampered).set('accept-language', 'nb-NO').expect(404);
    expect(unknown.text).toContain('Denne lenken er ikke gyldig.');
    await tap(tampered, { action: 'cancel' }).expect(404);
    await ctx.http().get('/p/not-a-token').expect(404);
    // a button that is not one of the page's
    const odd = await tap(cancel, { action: 'delete' }).expect(400);
    expect(odd.text).toContain('Cette demande n’a pas pu être lue.');
    await tap(cancel, { action: 'cancel', reason: 'x'.repeat(501) }).expect(400);
    expect(await appointmentOf('A-MOVE')).toMatchObject({ status: 'booked' });

    // the moved appointment starts on 13 March at 11:00 in Paris
    await engine.at('2026-03-13T10:00:00Z');
    const late = await tap(cancel, { action: 'cancel' }).expect(409);
    expect(late.text).toContain('Ce rendez-vous a commencé ou est passé');
    expect(await appointmentOf('A-MOVE')).toMatchObject({ status: 'booked' });

    // 14 days after the appointment's end the link opens no more
    await engine.at('2026-03-27T10:31:00Z');
    const expired = await ctx.http().get(cancel).expect(410);
    expect(expired.text).toContain('Ce lien a expiré.');
  });

  it('slows down one link tapped too often, saying so in a page, and no other link', async () => {
    await engine.post(clinic, bookingEvent('link-9', 'A-BUSY', '2026-04-10T10:00')).expect(202);
    await engine.at('2026-03-27T10:40:00Z');
    const [cancel, reschedule] = await bookingLinksOf('A-BUSY');
    for (let i = 0; i < 20; i++) await tap(cancel, { action: 'nope' }).expect(400);
    const slowed = await tap(cancel, { action: 'cancel' }).set('accept-language', 'nb-NO').expect(429);
    expect(slowed.headers['content-type']).toContain('text/html');
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0);
    expect(slowed.text).toContain('<html lang="nb">');
    expect(slowed.text).toContain('For mange forsøk med denne lenken.');
    expect(await appointmentOf('A-BUSY')).toMatchObject({ status: 'booked' });
    // the page still opens, and the patient's other link (the same address) still works
    await ctx.http().get(cancel).expect(200);
    await tap(reschedule, { action: 'reschedule', wish: 'Plutôt le matin' }).expect(200);
  });
});
