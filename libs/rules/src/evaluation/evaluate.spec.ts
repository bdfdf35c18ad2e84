import { RulesErrorCode } from '../errors/rules-error-code';
import type { Flow } from '../flow/flow.schema';
import { remindersFlow } from '../starter-flows/reminders.flow';
import { unreliableSecondReminderFlow } from '../starter-flows/unreliable-second-reminder.flow';
import { contextWith, sendNode, straightFlow, waitNode } from '../testing/fixtures';
import { evaluate } from './evaluate';
import type { EvaluationContext, RunSignal, RunState } from './evaluation.types';
import { SkipReasonCode } from './skip-reason-code';

const booked = '2026-05-07T07:00:00Z';
const start = (flow: Flow, context: EvaluationContext = contextWith(), now = booked) =>
  evaluate({ flow, run: null, context, now });
const toSms24 = () => {
  const first = start(remindersFlow);
  const second = evaluate({
    flow: remindersFlow,
    run: first.run,
    context: contextWith(),
    now: first.run.timerAt as string,
  });
  return evaluate({
    flow: remindersFlow,
    run: second.run,
    context: contextWith(),
    now: second.run.timerAt as string,
  });
};
/** Wakes a run of the reminders flow at `now` with a signal (sample context). */
const wake = (run: RunState, now: string, signal: RunSignal) =>
  evaluate({ flow: remindersFlow, run, context: contextWith(), now, signal });

describe(evaluate.name, () => {
  describe('start', () => {
    it.each([
      [
        'another event',
        { event: { type: 'appointment.cancelled', at: booked } },
        SkipReasonCode.NotTriggered,
        'this flow does not start on appointment.cancelled',
      ],
      [
        'a staff booking',
        { appointment: { start: '2026-05-12T08:00:00Z', source: 'staff' } },
        SkipReasonCode.FilteredOut,
        'booked by staff; this flow is for online bookings only',
      ],
      [
        'another service',
        { service: { id: 'other' } },
        SkipReasonCode.FilteredOut,
        'this flow is not for this service',
      ],
    ] as const)('should not start on %s', (_title, overrides, code, reason) => {
      const flow = straightFlow([sendNode('sms')]);
      flow.nodes[0] = {
        ...flow.nodes[0],
        data: {
          events: ['appointment.booked'],
          filters: { sources: ['online'], serviceIds: ['service-sample'] },
        },
      } as Flow['nodes'][number];
      const sut = start(flow, contextWith(overrides as never));
      expect(sut.skipped).toEqual([{ nodeId: 'start', at: booked, code, reason, why: expect.anything() }]);
      expect(sut.run).toMatchObject({ status: 'ended', endedReason: reason });
    });

    it('should wait for the first reminder and give the run a stable id', () => {
      const sut = start(remindersFlow);
      expect(sut.run).toMatchObject({ status: 'waiting', nodeId: 'wait48', timerAt: '2026-05-10T08:00:00Z' });
      expect(sut.timers).toEqual([
        { runId: sut.run.runId, nodeId: 'wait48', at: '2026-05-10T08:00:00Z', purpose: 'wait' },
      ]);
      expect(sut.run.runId).toBe(
        'starter-reminders:appointment-sample:appointment.booked:2026-05-07T07:00:00Z',
      );
    });

    it('should raise RULES_INVALID_FLOW without a trigger', () => {
      expect(() => start({ name: 'x', nodes: [], edges: [] })).toThrow(
        expect.objectContaining({ code: RulesErrorCode.InvalidFlow }),
      );
    });
  });

  describe('timers', () => {
    it.each([
      ['an ended run', { status: 'ended' }],
      ['an early timer', { status: 'waiting', timerAt: '2026-06-01T00:00:00Z' }],
    ] as const)('should do nothing for %s', (_title, patch) => {
      const run = { ...start(remindersFlow).run, ...patch } as RunState;
      const sut = evaluate({
        flow: remindersFlow,
        run,
        context: contextWith(),
        now: '2026-05-08T00:00:00Z',
        signal: { kind: 'timer' },
      });
      expect([sut.steps, sut.deliveries, sut.run]).toEqual([[], [], run]);
    });

    it('should plan the e-mail with its idempotency key and expiry when the wait ends', () => {
      const first = start(remindersFlow);
      const sut = evaluate({
        flow: remindersFlow,
        run: first.run,
        context: contextWith(),
        now: '2026-05-10T08:00:00Z',
      });
      expect(sut.deliveries).toEqual([
        expect.objectContaining({
          idempotencyKey: `${first.run.runId}:email48:patient`,
          channel: 'email',
          recipient: { type: 'patient', address: 'lea.martin@example.com', name: 'Léa Martin' },
          sendAt: '2026-05-10T08:00:00Z',
          expiresAt: '2026-05-12T08:00:00Z',
          language: 'fr',
        }),
      ]);
      expect(sut.run).toMatchObject({ status: 'waiting', nodeId: 'wait24' });
    });

    it('should stop when a condition passed before the wait is no longer true', () => {
      const unreliable = contextWith({ patient: { attendance: { visits: 8, noShows: 3 } } });
      const first = start(unreliableSecondReminderFlow, unreliable);
      const reliable = contextWith({ patient: { attendance: { visits: 20, noShows: 3 } } });
      const sut = evaluate({
        flow: unreliableSecondReminderFlow,
        run: first.run,
        context: reliable,
        now: first.run.timerAt as string,
      });
      expect(sut.deliveries).toEqual([]);
      expect(sut.skipped).toEqual([
        expect.objectContaining({
          code: SkipReasonCode.ConditionChanged,
          reason: 'checked again after the wait: patient reliable: no-show rate 15 % < 30 %',
        }),
      ]);
    });

    it('should take the no-reply exit when the question times out', () => {
      const asked = toSms24();
      expect(asked.run).toMatchObject({ status: 'awaiting-reply', timerAt: '2026-05-12T04:00:00Z' });
      expect(asked.awaitedReplies).toHaveLength(1);
      const sut = wake(asked.run, '2026-05-12T04:00:00Z', { kind: 'timer' });
      expect(sut.steps.map((s) => [s.kind, s.exit])).toEqual([
        ['reply', 'no-reply'],
        ['end', null],
      ]);
    });

    it('should raise RULES_UNKNOWN_NODE for a run of another flow version', () => {
      const run = { ...start(remindersFlow).run, nodeId: 'gone' };
      expect(() =>
        evaluate({ flow: remindersFlow, run, context: contextWith(), now: '2026-06-01T00:00:00Z' }),
      ).toThrow(expect.objectContaining({ code: RulesErrorCode.UnknownNode }));
    });
  });

  describe('replies', () => {
    it.each([
      ['C', 'confirmed', [{ appointmentId: 'appointment-sample', confirmation: 'confirmed' }], []],
      ['non merci', 'declined', [{ appointmentId: 'appointment-sample', confirmation: 'declined' }], []],
      [
        'STOP',
        'no-reply',
        [],
        [{ patientId: 'patient-sample', channel: 'sms', consent: false, reason: 'patient replied "STOP"' }],
      ],
    ])('should read "%s" as %s', (text, exit, updates, consent) => {
      const asked = toSms24();
      const sut = wake(asked.run, '2026-05-11T09:00:00Z', { kind: 'reply', text });
      expect(sut.steps[0]).toMatchObject({ kind: 'reply', exit });
      expect([sut.appointmentUpdates, sut.consentChanges]).toEqual([updates, consent]);
      expect(sut.run.status).toBe('ended');
    });

    it.each([
      ['confirmed', [{ appointmentId: 'appointment-sample', confirmation: 'confirmed' }]],
      ['declined', [{ appointmentId: 'appointment-sample', confirmation: 'declined' }]],
    ] as const)("should take a tap on the patient's page as %s, whatever its text", (meaning, updates) => {
      const asked = toSms24();
      const signal = { kind: 'reply', text: 'Cancel (page)', meaning } as const;
      const sut = wake(asked.run, '2026-05-11T09:00:00Z', signal);
      expect(sut.steps[0]).toMatchObject({
        kind: 'reply',
        exit: meaning,
        reason: `patient answered on their page (${meaning})`,
        why: { code: 'page-answered', params: { meaning } },
      });
      expect([sut.appointmentUpdates, sut.consentChanges]).toEqual([updates, []]);
    });

    it('should leave by the failed exit when the question could not be delivered', () => {
      const asked = toSms24();
      const signal = { kind: 'delivery-failed', reason: 'invalid number' } as const;
      const sut = wake(asked.run, '2026-05-11T08:01:00Z', signal);
      expect(sut.steps.map((s) => [s.kind, s.exit, s.reason])).toEqual([
        ['reply', 'failed', 'the question could not be delivered: invalid number'],
        ['end', null, null],
      ]);
      const waiting = start(remindersFlow).run;
      expect(
        evaluate({ flow: remindersFlow, run: waiting, context: contextWith(), now: booked, signal }).steps,
      ).toEqual([]);
    });

    it('should keep waiting on a reply it does not understand', () => {
      const asked = toSms24();
      const sut = wake(asked.run, '2026-05-11T09:00:00Z', { kind: 'reply', text: 'peut-être' });
      expect(sut.steps[0].reason).toBe('reply "peut-être" not understood; still waiting');
      expect(sut.run.status).toBe('awaiting-reply');
    });

    it('should note a reply when no question waits, and still honour STOP', () => {
      const run = start(remindersFlow).run;
      const sut = wake(run, '2026-05-08T09:00:00Z', { kind: 'reply', text: 'stop' });
      expect(sut.steps[0].reason).toBe('STOP: consent withdrawn');
      expect(sut.consentChanges).toHaveLength(1);
    });
  });

  describe('waits', () => {
    it.each([
      [
        'no appointment end',
        waitNode('w', { relativeTo: 'appointment-end', direction: 'after', amount: 3 }),
        { appointment: { start: '2026-05-12T08:00:00Z', end: undefined } },
        SkipReasonCode.MissingData,
      ],
      [
        'no last visit',
        waitNode('w', { relativeTo: 'last-visit', direction: 'after', amount: 6, unit: 'months' }),
        {},
        SkipReasonCode.MissingData,
      ],
      [
        'a moment already passed',
        waitNode('w', { amount: 30, unit: 'days' }),
        {},
        SkipReasonCode.MomentPassed,
      ],
    ] as const)('should skip the wait and the message after it with %s', (_title, wait, overrides, code) => {
      const sut = start(straightFlow([wait, sendNode('sms')]), contextWith(overrides as never));
      expect(sut.skipped.map((s) => s.code)).toEqual([code, SkipReasonCode.EarlierStepSkipped]);
    });

    it.each([
      ['continue after a passed moment', waitNode('w', { amount: 30, unit: 'days', ifPassed: 'continue' })],
      [
        'end at once when the moment is now',
        waitNode('w', { relativeTo: 'event', direction: 'after', amount: 0 }),
      ],
      [
        'count from the previous step',
        waitNode('w', {
          relativeTo: 'previous-step',
          direction: 'after',
          amount: 0,
          unit: 'days',
          atLocalTime: '09:00',
        }),
      ],
    ])('should %s', (_title, wait) => {
      const sut = start(straightFlow([wait, sendNode('sms')]));
      expect(sut.deliveries).toHaveLength(1);
    });
  });

  it('should call webhooks and end a looping flow', () => {
    const flow: Flow = {
      name: 'loop',
      nodes: [
        { id: 't', type: 'trigger', position: { x: 0, y: 0 }, data: { events: ['appointment.booked'] } },
        { id: 'hook', type: 'webhook', position: { x: 0, y: 0 }, data: { url: 'https://pms.example/hook' } },
      ],
      edges: [
        { id: 'a', source: 't', target: 'hook' },
        { id: 'b', source: 'hook', target: 'hook' },
      ],
    };
    const sut = start(flow);
    expect(sut.webhooks[0]).toMatchObject({ nodeId: 'hook', url: 'https://pms.example/hook' });
    expect(sut.run.endedReason).toBe('the flow loops');
  });
});
