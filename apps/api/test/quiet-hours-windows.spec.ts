import type { Flow, FlowNode } from '@clinicflow/rules';
import { externalDocumentId } from '../src/common/ids';
import { directoryIdFor } from '../src/modules/directory/directory-ids';
import { bookingEvent, engineDriver, local, sentAtLocal } from './engine-fixtures';
import { bookingChain, patientMessage, waitBefore } from './engine-scenario-flows';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

/**
 * F6 with two quiet-hours windows, lunch 12:00–14:00 and night 21:00–08:00 (Paris, UTC+1 in March): the
 * evaluator, the simulation and the dispatcher's last checks apply both, and a message step's expiry bounds where
 * a message may move.
 */
describe('quiet hours: every window applies', () => {
  const clock = new TestClock('2026-03-10T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  const twoWindows = {
    consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
    providers: { sms: { kind: 'sandbox', options: { receipts: false } } },
    quietHours: {
      windows: [
        { start: '12:00', end: '14:00' },
        { start: '21:00', end: '08:00' },
      ],
      noSendWeekdays: [],
      holidays: [],
    },
  };
  const apt = (externalId: string) => externalDocumentId('apt', clinic.clinicId, externalId);

  /** Reminder 1 hour before, on bookings and moves (a flow on bookings only would get a warning). */
  const reminder: Flow = (() => {
    const flow = bookingChain('Reminder 1 h before', [
      waitBefore('wait1', 1, 1, 'hours'),
      patientMessage('sms1', 2, 'sms', 'reminder'),
    ]);
    const [trigger, ...rest] = flow.nodes;
    const events = ['appointment.booked', 'appointment.rescheduled'];
    return { ...flow, nodes: [{ ...trigger, data: { ...trigger.data, events } } as FlowNode, ...rest] };
  })();

  beforeAll(async () => {
    await engine.settings(clinic, twoWindows);
  });

  it('should plan a reminder that falls at lunch for 14:00, and one that falls at night for 08:00', async () => {
    await engine.publish(clinic, reminder);
    await engine.post(clinic, bookingEvent('lunch', 'A-lunch', '2026-03-12T14:30')).expect(202);
    await engine.post(clinic, bookingEvent('night', 'A-night', '2026-03-13T08:30')).expect(202);
    const [lunch] = await engine.runs(clinic, { appointmentId: apt('A-lunch') });
    expect(local(lunch.timerAt!)).toBe('2026-03-12 14:00');
    const [night] = await engine.runs(clinic, { appointmentId: apt('A-night') });
    expect(local(night.timerAt!)).toBe('2026-03-13 08:00');

    await engine.at('2026-03-12T13:00:00Z');
    const [sent] = await engine.deliveries(clinic, { appointmentId: apt('A-lunch') });
    sentAtLocal(sent, '2026-03-12 14:00');
  });

  it('should show the same in the simulation, from the clinic’s settings', async () => {
    const res = await ctx
      .as(clinic)
      .post('/api/flows/simulate', {
        flow: reminder,
        event: { type: 'appointment.booked', at: '2026-03-10T08:00:00Z' },
        context: {
          appointment: { start: '2026-03-12T13:30:00Z', end: '2026-03-12T14:00:00Z' },
          patient: { firstName: 'Léa', mobile: '+33612345678', consent: { sms: true } },
        },
      })
      .expect(200);
    expect(res.body.valid).toBe(true);
    const sends = res.body.timeline.filter((entry: { kind: string }) => entry.kind === 'send');
    expect(sends.map((entry: { local: string; status: string }) => [entry.local, entry.status])).toEqual([
      ['2026-03-12T14:00:00+01:00', 'planned'],
    ]);
  });

  it('should hold a message that comes due at lunch until 14:00 (the dispatcher’s last checks)', async () => {
    const patientId = directoryIdFor('patients', clinic.clinicId, 'P-A-lunch');
    const planned = await ctx
      .as(clinic)
      .post('/api/sends', {
        channel: 'sms',
        patientId,
        template: { body: 'Bonjour {{patient.firstName}}' },
        sendAt: '2026-03-13T10:00:00Z', // 11:00 in Paris: allowed when planned
      })
      .expect(201);
    await engine.at('2026-03-13T11:30:00Z'); // 12:30 in Paris: the dispatch comes late, at lunch
    const [held] = await engine.deliveries(clinic, { _id: planned.body.id } as object);
    expect(held.status).toBe('scheduled');
    expect(held.history.at(-1)?.reason).toBe(
      '12:30 is in the quiet hours 12:00–14:00: moved to 2026-03-13 14:00',
    );
    await engine.at('2026-03-13T13:00:00Z');
    sentAtLocal((await engine.deliveries(clinic, { _id: planned.body.id } as object))[0], '2026-03-13 14:00');
  });

  it('should move a message out of lunch only within its expiry, and skip it when no allowed time is left', async () => {
    const notices = bookingChain('Booking notices', [
      { ...patientMessage('short', 1, 'sms'), data: { ...expiring('short', 1) } } as FlowNode,
      { ...patientMessage('long', 2, 'sms'), data: { ...expiring('long', 3) } } as FlowNode,
    ]);
    const other = await ctx.newClinic();
    await engine.settings(other, twoWindows);
    await engine.publish(other, notices);
    clock.set('2026-03-16T11:30:00Z'); // Monday 12:30 in Paris
    await engine.post(other, bookingEvent('booked', 'A-notice', '2026-03-20T10:00')).expect(202);
    const byNode = Object.fromEntries((await engine.deliveries(other)).map((d) => [d.nodeId, d]));
    expect(byNode.short).toMatchObject({ status: 'skipped' });
    expect(byNode.short.reason).toMatch(
      /quiet hours: 12:30 is in the quiet hours 12:00–14:00, and there is no allowed time between now and its expiry/,
    );
    expect(byNode.long.status).toBe('scheduled');
    expect([local(byNode.long.sendAt), local(byNode.long.expiresAt!)]).toEqual([
      '2026-03-16 14:00',
      '2026-03-16 15:30',
    ]);
  });

  /** A notice's data that expires `hours` after the moment it is planned. */
  function expiring(id: string, hours: number) {
    const data = (patientMessage(id, 0, 'sms') as Extract<FlowNode, { type: 'send' }>).data;
    return { ...data, expiresAfter: { amount: hours, unit: 'hours' } };
  }
});
