import type { Flow, FlowNode, LadderRung } from '@clinicflow/rules';
import { externalDocumentId } from '../src/common/ids';
import { until } from './engine-dispatch-fixtures';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { TestClinic, useTestContext } from './test-app';
import { TestClock } from './test-clock';

const CONTENT_SID = 'HX0123456789abcdef0123456789abcdef';

const rungs: LadderRung[] = [
  {
    channel: 'whatsapp',
    template: {
      byLanguage: {
        fr: {
          body: 'Bonjour {{patient.firstName}}, RDV le {{appointment.longDate}}.',
          whatsapp: { contentSid: CONTENT_SID, variables: ['{{patient.firstName}}'] },
        },
      },
    },
    until: 'read',
    within: { amount: 2, unit: 'hours' },
  },
  {
    channel: 'sms',
    template: {
      byLanguage: { fr: { body: 'Bonjour {{patient.firstName}}, RDV le {{appointment.longDate}}.' } },
    },
    until: 'delivered',
    within: { amount: 30, unit: 'minutes' },
  },
];

/** Booked → "Reach the patient" (WhatsApp, if not read within 2 h SMS) → end, both exits. */
const ladderFlow: Flow = {
  name: 'Booking notice, WhatsApp first',
  nodes: [
    { id: 'start', type: 'trigger', position: { x: 0, y: 0 }, data: { events: ['appointment.booked'] } },
    {
      id: 'reach',
      type: 'reach',
      position: { x: 0, y: 120 },
      data: { label: 'Reach the patient', purpose: 'confirmation', rungs },
    } as FlowNode,
    { id: 'end', type: 'end', position: { x: 0, y: 240 } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'reach', sourceHandle: null },
    { id: 'e2', source: 'reach', target: 'end', sourceHandle: 'reached' },
    { id: 'e3', source: 'reach', target: 'end', sourceHandle: 'not-reached' },
  ],
};

const apt = (clinic: TestClinic, externalId: string) =>
  externalDocumentId('apt', clinic.clinicId, externalId);

describe('Reach the patient: a channel ladder (issue 20, part 6)', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();

  const book = async (externalId: string, at: string, consent?: object) => {
    const event = bookingEvent(`book-${externalId}`, externalId, '2026-03-20T10:00', { at });
    if (consent) Object.assign(event.patient, { consent });
    await engine.post(clinic, event);
    await engine.at(at);
  };
  const messages = (externalId: string) =>
    engine.deliveries(clinic, { appointmentId: apt(clinic, externalId) });

  beforeAll(async () => {
    // Test mode: every channel goes to the sandbox, which reports messages delivered at once, WhatsApp's never read.
    const sandbox = { kind: 'sandbox', options: { receiptDelayMs: 0 } };
    await engine.settings(clinic, {
      channels: { sms: true, email: true, voice: false, whatsapp: true },
      consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
      providers: { sms: sandbox, whatsapp: sandbox },
    });
    await engine.publish(clinic, ladderFlow);
  });

  it('should send the SMS exactly when the WhatsApp message was not read within its 2 hours', async () => {
    await book('A-LADDER-1', '2026-03-02T08:00:00Z');
    const [whatsapp] = await messages('A-LADDER-1');
    expect(whatsapp).toMatchObject({ channel: 'whatsapp', ladder: { rung: 1 } });
    expect(['sent', 'delivered']).toContain(whatsapp.status);

    await until(async () => (await messages('A-LADDER-1'))[0].status === 'delivered');
    await engine.at('2026-03-02T09:59:00Z');
    expect((await messages('A-LADDER-1')).map((d) => d.channel)).toEqual(['whatsapp']);

    await engine.at('2026-03-02T10:00:00Z');
    const sms = (await messages('A-LADDER-1')).find((d) => d.channel === 'sms')!;
    expect(sms).toMatchObject({ ladder: { rung: 2 }, sendAt: new Date('2026-03-02T10:00:00Z') });
    expect(['sent', 'delivered']).toContain(sms.status);
    const [run] = await engine.runs(clinic, { _id: whatsapp.runId! });
    expect(run.steps.map((s) => s.why?.code)).toContain('rung-not-reached');

    // The SMS delivered within its 30 minutes: the run left by "reached", recording the rung.
    clock.set('2026-03-02T10:00:05Z');
    await until(async () => (await engine.runs(clinic, { _id: whatsapp.runId! }))[0].status === 'ended');
    const [reached] = await engine.runs(clinic, { _id: whatsapp.runId! });
    expect(reached.steps.find((s) => s.exit === 'reached')).toMatchObject({
      nodeId: 'reach',
      why: { code: 'rung-reached', params: { channel: 'sms', goal: 'delivered' } },
    });
  });

  it('should stop at WhatsApp when the patient read it in time, sending nothing more', async () => {
    const sandbox = { kind: 'sandbox', options: { receiptDelayMs: 0, readAfterMs: 0 } };
    await engine.settings(clinic, { providers: { whatsapp: sandbox } });
    await book('A-LADDER-READ', '2026-03-02T12:00:00Z');
    const [whatsapp] = await messages('A-LADDER-READ');
    await until(async () => (await engine.runs(clinic, { _id: whatsapp.runId! }))[0].status === 'ended');
    const [run] = await engine.runs(clinic, { _id: whatsapp.runId! });
    expect(run.steps.find((s) => s.exit === 'reached')?.why).toEqual({
      code: 'rung-reached',
      params: { channel: 'whatsapp', goal: 'read' },
    });
    expect((await messages('A-LADDER-READ'))[0]).toMatchObject({ status: 'read', readAt: expect.any(Date) });
    await engine.at('2026-03-02T15:00:00Z');
    expect((await messages('A-LADDER-READ')).map((d) => d.channel)).toEqual(['whatsapp']);
    await engine.settings(clinic, {
      providers: { whatsapp: { kind: 'sandbox', options: { receiptDelayMs: 0 } } },
    });
  });

  it('should simulate the ladder with a scripted read receipt: WhatsApp only, then reached', async () => {
    const simulation = (receipts?: object[]) =>
      ctx
        .as(clinic)
        .post('/api/flows/simulate', {
          flow: ladderFlow,
          event: { type: 'appointment.booked', at: '2026-03-03T08:00:00Z' },
          ...(receipts ? { receipts } : {}),
        })
        .expect(200);
    const sent = (body: { timeline: { kind: string; channel: string | null }[] }) =>
      body.timeline.filter((entry) => entry.kind === 'send').map((entry) => entry.channel);
    expect(sent((await simulation()).body)).toEqual(['whatsapp', 'sms']);
    const read = await simulation([{ at: '2026-03-03T09:00:00Z', channel: 'whatsapp', status: 'read' }]);
    expect(read.body.valid).toBe(true);
    expect(sent(read.body)).toEqual(['whatsapp']);
    expect(read.body.timeline).toContainEqual(
      expect.objectContaining({
        at: '2026-03-03T09:00:00Z',
        exit: 'reached',
        why: expect.objectContaining({ code: 'rung-reached' }),
      }),
    );
    const refused = await ctx
      .as(clinic)
      .post('/api/flows/simulate', {
        flow: ladderFlow,
        event: { type: 'appointment.booked', at: '2026-03-03T08:00:00Z' },
        receipts: [{ at: '2026-03-03T09:00:00Z', channel: 'pigeon', status: 'read' }],
      })
      .expect(400);
    expect(refused.body.errors[0].path).toBe('body.receipts.0.channel');
  });

  it('should start at SMS for a patient without WhatsApp consent, saying why WhatsApp was left out', async () => {
    await engine.settings(clinic, { consent: { mode: 'opt-in', purposes: ['reminders'] } });
    const at = '2026-03-03T08:00:00Z';
    await book('A-LADDER-2', at, { sms: { granted: true, at } });
    const all = await messages('A-LADDER-2');
    const sent = all.filter((d) => d.status !== 'skipped');
    expect(sent.map((d) => [d.channel, d.ladder?.rung])).toEqual([['sms', 2]]);
    const [run] = await engine.runs(clinic, { _id: sent[0].runId! });
    expect(run.steps.find((s) => s.outcome === 'skipped')).toMatchObject({
      nodeId: 'reach',
      why: { code: 'consent-opt-in', params: { channel: 'whatsapp' } },
    });
    // The rung left out is a row of the report, as a skipped send step is: channel, rung and why.
    const skipped = all.filter((d) => d.status === 'skipped');
    expect(skipped).toEqual([
      expect.objectContaining({
        channel: 'whatsapp',
        ladder: expect.objectContaining({ rung: 1 }),
        why: { code: 'consent-opt-in', params: { channel: 'whatsapp' } },
      }),
    ]);
    const report = await ctx.as(clinic).get('/api/deliveries?status=skipped&channel=whatsapp').expect(200);
    expect(report.body.items).toEqual([
      expect.objectContaining({
        id: skipped[0]._id,
        status: 'skipped',
        reason: expect.stringContaining('whatsapp'),
      }),
    ]);
  });
});
