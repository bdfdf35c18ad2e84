import type { FlowNode } from '../flow/flow-node.schema';
import type { LadderRung } from '../flow/reach-node.schema';
import { contextWith, straightFlow } from '../testing/fixtures';
import { evaluate } from './evaluate';
import type { EvaluationContext, RunSignal, RunState } from './evaluation.types';
import { SkipReasonCode } from './skip-reason-code';

const now = '2026-05-07T07:00:00Z';
const text = (body: string) => ({ byLanguage: { fr: { body }, en: { body } } });
const rungs: LadderRung[] = [
  {
    channel: 'whatsapp',
    template: text('Bonjour par WhatsApp'),
    until: 'read',
    within: { amount: 2, unit: 'hours' },
  },
  {
    channel: 'sms',
    template: text('Bonjour par SMS'),
    until: 'delivered',
    within: { amount: 30, unit: 'minutes' },
  },
  {
    channel: 'email',
    template: { byLanguage: { fr: { subject: 'RDV', body: 'Bonjour' }, en: { subject: 'RDV', body: 'Hi' } } },
    until: 'delivered',
    within: { amount: 1, unit: 'hours' },
  },
];
const reach: FlowNode = {
  id: 'reach',
  type: 'reach',
  position: { x: 0, y: 100 },
  data: { label: 'Reach the patient', purpose: 'reminder', rungs },
};
// The ladder's two exits: reached → a thank-you step's place (here the end), not reached → the end too.
const flow = straightFlow([reach]);
flow.edges.push({ id: 'not-reached', source: 'reach', target: 'end', sourceHandle: 'not-reached' });
flow.edges.find((e) => e.source === 'reach')!.sourceHandle = 'reached';

const whatsappOn = (patient: Partial<EvaluationContext['patient']> = {}) =>
  contextWith({
    clinic: { channels: { sms: true, email: true, voice: true, whatsapp: true } },
    patient: { consent: { sms: true, email: true, voice: true, whatsapp: true }, ...patient },
  });
const wake = (run: RunState, at: string, signal: RunSignal, context = whatsappOn()) =>
  evaluate({ flow, run, context, now: at, signal });

describe('Reach the patient (channel ladder)', () => {
  it('should send on WhatsApp first and wait its time for it to be read', () => {
    const sut = evaluate({ flow, run: null, context: whatsappOn(), now });
    expect(sut.deliveries).toEqual([
      expect.objectContaining({
        channel: 'whatsapp',
        ladderRung: 1,
        sendAt: now,
        expectsReply: false,
        idempotencyKey: `${sut.run.runId}:reach:rung1:patient`,
      }),
    ]);
    expect(sut.run).toMatchObject({
      status: 'waiting',
      timerAt: '2026-05-07T09:00:00Z',
      ladder: { nodeId: 'reach', rung: 1, until: 'read', deliveryKey: sut.deliveries[0].idempotencyKey },
    });
    expect(sut.timers).toEqual([
      expect.objectContaining({ at: '2026-05-07T09:00:00Z', purpose: 'rung-timeout' }),
    ]);
  });

  it('should send the SMS exactly when the WhatsApp wait ends unread, then e-mail when it is not delivered', () => {
    const first = evaluate({ flow, run: null, context: whatsappOn(), now });
    // delivered is not read: the ladder waits on
    const delivered = wake(first.run, '2026-05-07T07:01:00Z', {
      kind: 'delivery-status',
      deliveryKey: first.deliveries[0].idempotencyKey,
      status: 'delivered',
    });
    expect(delivered.deliveries).toEqual([]);
    expect(delivered.run).toMatchObject({ status: 'waiting', ladder: { rung: 1 } });

    const second = wake(delivered.run, '2026-05-07T09:00:00Z', { kind: 'timer' });
    expect(second.deliveries).toEqual([
      expect.objectContaining({ channel: 'sms', ladderRung: 2, sendAt: '2026-05-07T09:00:00Z' }),
    ]);
    expect(second.steps[0]).toMatchObject({
      why: { code: 'rung-not-reached', params: { channel: 'whatsapp' } },
    });
    expect(second.run).toMatchObject({
      timerAt: '2026-05-07T09:30:00Z',
      ladder: { rung: 2, until: 'delivered' },
    });

    const third = wake(second.run, '2026-05-07T09:30:00Z', { kind: 'timer' });
    expect(third.deliveries).toEqual([expect.objectContaining({ channel: 'email', ladderRung: 3 })]);

    const last = wake(third.run, '2026-05-07T10:30:00Z', { kind: 'timer' });
    expect(last.run.status).toBe('ended');
    expect(last.steps.map((s) => s.exit)).toContain('not-reached');
    expect(last.steps.find((s) => s.exit === 'not-reached')?.why?.code).toBe('ladder-not-reached');
  });

  it('should leave by reached when the WhatsApp message is read in time, sending nothing more', () => {
    const first = evaluate({ flow, run: null, context: whatsappOn(), now });
    const sut = wake(first.run, '2026-05-07T08:00:00Z', {
      kind: 'delivery-status',
      deliveryKey: first.deliveries[0].idempotencyKey,
      status: 'read',
    });
    expect(sut.deliveries).toEqual([]);
    expect(sut.run).toMatchObject({ status: 'ended', ladder: null });
    expect(sut.steps[0]).toMatchObject({
      exit: 'reached',
      why: { code: 'rung-reached', params: { channel: 'whatsapp', goal: 'read' } },
    });
    // a status of another message changes nothing
    const other = wake(first.run, '2026-05-07T08:00:00Z', {
      kind: 'delivery-status',
      deliveryKey: 'x',
      status: 'read',
    });
    expect(other.run).toMatchObject({ status: 'waiting', ladder: { rung: 1 } });
  });

  it('should move to the next channel at once when a rung fails', () => {
    const first = evaluate({ flow, run: null, context: whatsappOn(), now });
    const sut = wake(first.run, '2026-05-07T07:05:00Z', {
      kind: 'delivery-status',
      deliveryKey: first.deliveries[0].idempotencyKey,
      status: 'failed',
    });
    expect(sut.deliveries).toEqual([
      expect.objectContaining({ channel: 'sms', sendAt: '2026-05-07T07:05:00Z' }),
    ]);
    expect(sut.steps[0].why?.code).toBe('rung-failed');
  });

  it('should start at SMS for a patient without WhatsApp consent (opt-in), saying why', () => {
    const context = contextWith({
      clinic: { channels: { sms: true, email: true, voice: true, whatsapp: true }, consentMode: 'opt-in' },
      patient: { consent: { sms: true, email: true, voice: true } },
    });
    const sut = evaluate({ flow, run: null, context, now });
    expect(sut.deliveries).toEqual([expect.objectContaining({ channel: 'sms', ladderRung: 2 })]);
    expect(sut.skipped).toEqual([
      expect.objectContaining({
        nodeId: 'reach',
        rung: 1,
        code: SkipReasonCode.NoConsent,
        why: { code: 'consent-opt-in', params: { channel: 'whatsapp' } },
      }),
    ]);
  });

  it('should count a later rung as the same reminder, not a second one of the day', () => {
    const first = evaluate({ flow, run: null, context: whatsappOn(), now });
    const context = whatsappOn();
    context.recentDeliveries = [{ purpose: 'reminder', at: now, channel: 'whatsapp' } as never];
    const sut = wake(first.run, '2026-05-07T09:00:00Z', { kind: 'timer' }, context);
    expect(sut.deliveries).toEqual([expect.objectContaining({ channel: 'sms' })]);
  });

  it('should leave by not-reached at once when no channel can reach the patient', () => {
    const context = whatsappOn({ mobile: undefined, email: undefined });
    const sut = evaluate({ flow, run: null, context, now });
    expect(sut.deliveries).toEqual([]);
    expect(sut.skipped.map((skip) => skip.rung)).toEqual([1, 2, 3]);
    expect(sut.run.status).toBe('ended');
    expect(sut.steps.map((s) => s.exit)).toContain('not-reached');
  });
});

describe('a ladder as the flow language reads it', () => {
  it('should refuse a channel twice, and waiting for read on a channel that never says it', async () => {
    const { reachDataSchema } = await import('../flow/reach-node.schema');
    const twice = reachDataSchema.safeParse({ rungs: [rungs[1], rungs[1]] });
    expect(twice.error?.issues.map((i) => i.path.join('.'))).toEqual(['rungs.1.channel']);
    const read = reachDataSchema.safeParse({ rungs: [{ ...rungs[1], until: 'read' }] });
    expect(read.error?.issues.map((i) => i.path.join('.'))).toEqual(['rungs.0.until']);
    expect(reachDataSchema.safeParse({ rungs }).success).toBe(true);
  });

  it('should check each rung as a message, its problems at the rung', async () => {
    const { validateFlow } = await import('../validation/validate-flow');
    const noSubject: FlowNode = {
      ...reach,
      data: { ...reach.data, rungs: [rungs[0], { ...rungs[2], template: text('Bonjour') }] },
    } as FlowNode;
    const withoutSubject = straightFlow([noSubject]);
    withoutSubject.edges.push({ id: 'nr', source: 'reach', target: 'end', sourceHandle: 'not-reached' });
    withoutSubject.edges.find((e) => e.source === 'reach' && e.id !== 'nr')!.sourceHandle = 'reached';
    const problems = validateFlow(withoutSubject).problems ?? [];
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'subject-missing',
        path: expect.stringMatching(/\.data\.rungs\.1\.template\.byLanguage\.fr\.subject$/),
      }),
    );
  });
});

describe('a ladder in the simulator', () => {
  const simulateLadder = async (receipts?: unknown[]) => {
    const { simulate } = await import('../simulation/simulate');
    return simulate({
      flow,
      event: { type: 'appointment.booked', at: '2026-05-07T09:00:00+02:00' },
      context: {
        clinic: { channels: { sms: true, email: true, voice: true, whatsapp: true } },
        patient: {
          mobile: '+33612345678',
          email: 'lea@example.org',
          consent: { sms: true, email: true, voice: true, whatsapp: true },
        },
      },
      ...(receipts ? { receipts } : {}),
    });
  };
  const sentOn = (sut: Awaited<ReturnType<typeof simulateLadder>>) =>
    sut.timeline.filter((entry) => entry.kind === 'send').map((entry) => [entry.channel, entry.at]);

  it('should show each rung at its time, the next one when the one before did not reach the patient', async () => {
    const sut = await simulateLadder();
    expect(sut.errors).toEqual([]);
    const sent = sut.timeline.filter((entry) => entry.kind === 'send');
    expect(sent.map((entry) => [entry.channel, entry.at])).toEqual([
      ['whatsapp', '2026-05-07T07:00:00Z'],
      ['sms', '2026-05-07T09:00:00Z'],
      ['email', '2026-05-07T09:30:00Z'],
    ]);
    expect(sut.timeline.filter((entry) => entry.why?.code === 'rung-not-reached')).toHaveLength(3);
    expect(sut.timeline.at(-2)?.why?.code).toBe('ladder-not-reached');
  });

  it('should stop at WhatsApp when a scripted receipt says it was read in time', async () => {
    const sut = await simulateLadder([
      // delivered is not the rung's goal: the ladder waits on
      { at: '2026-05-07T09:01:00+02:00', channel: 'whatsapp', status: 'delivered' },
      { at: '2026-05-07T10:05:00+02:00', channel: 'whatsapp', status: 'read' },
    ]);
    expect(sut.errors).toEqual([]);
    expect(sentOn(sut)).toEqual([['whatsapp', '2026-05-07T07:00:00Z']]);
    const reached = sut.timeline.find((entry) => entry.why?.code === 'rung-reached');
    expect(reached).toMatchObject({ at: '2026-05-07T08:05:00Z', exit: 'reached' });
    expect(reached?.why?.params).toEqual({ channel: 'whatsapp', goal: 'read' });
    expect(sut.timeline.some((entry) => entry.why?.code === 'receipt-unused')).toBe(false);
  });

  it('should go to the next channel at the failed receipt, and show a receipt nothing waits for', async () => {
    const sut = await simulateLadder([
      { at: '2026-05-07T09:10:00+02:00', channel: 'whatsapp', status: 'failed' },
      // the SMS, sent at 09:10, is delivered at 09:11: reached
      { at: '2026-05-07T09:11:00+02:00', channel: 'sms', status: 'delivered' },
      // the e-mail was never sent: nothing waits for it
      { at: '2026-05-07T09:12:00+02:00', channel: 'email', status: 'delivered' },
    ]);
    expect(sentOn(sut)).toEqual([
      ['whatsapp', '2026-05-07T07:00:00Z'],
      ['sms', '2026-05-07T07:10:00Z'],
    ]);
    expect(sut.timeline.find((entry) => entry.why?.code === 'rung-failed')).toMatchObject({
      at: '2026-05-07T07:10:00Z',
    });
    expect(sut.timeline.find((entry) => entry.why?.code === 'rung-reached')?.why?.params).toEqual({
      channel: 'sms',
      goal: 'delivered',
    });
    expect(sut.timeline.find((entry) => entry.nodeId === 'receipt')).toMatchObject({
      at: '2026-05-07T07:12:00Z',
      kind: 'skip',
      status: 'skipped',
      channel: 'email',
      why: { code: 'receipt-unused', params: { channel: 'email', goal: 'delivered' } },
    });
  });

  it('should refuse a receipt of an unknown status, naming the field', async () => {
    const sut = await simulateLadder([
      { at: '2026-05-07T09:10:00+02:00', channel: 'whatsapp', status: 'opened' },
    ]);
    expect(sut.valid).toBe(false);
    expect(sut.errors[0]).toMatchObject({ path: 'receipts.0.status' });
  });
});
