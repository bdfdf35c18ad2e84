import {
  bookingConfirmationFlow,
  remindersFlow,
  rescheduleNoticeFlow,
  resourceAlertFlow,
} from '@clinicflow/rules';
import { externalDocumentId } from '../src/common/ids';
import { AppointmentRepository } from '../src/modules/appointments/appointment.repository';
import { PatientRepository } from '../src/modules/directory/directory.repository';
import { EventService } from '../src/modules/events/event.service';
import { EventIntakeService } from '../src/modules/intake/event-intake.service';
import { LiveEventsService, type LiveEvent } from '../src/modules/live/live-events.service';
import { EventEngineService } from '../src/modules/runs/event-engine.service';
import { RunService } from '../src/modules/runs/run.service';
import { RunTimerService } from '../src/modules/runs/run-timer.service';
import { bookingEvent, engineDriver, local } from './engine-fixtures';
import { bookingChain, patientMessage } from './engine-scenario-flows';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

const MONDAY = '2026-03-02T08:00:00Z';
const FRIDAY_24H_BEFORE = '2026-03-06T09:00:00.000Z';

describe('engine: runs', () => {
  const clock = new TestClock(MONDAY);
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const main = ctx.clinic();
  const quiet = ctx.clinic();
  const limited = ctx.clinic();
  const stop = ctx.clinic();
  const alerts = ctx.clinic();
  let remindersId: string;

  beforeAll(async () => {
    await engine.settings(main, { consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] } });
    await engine.publish(main, bookingConfirmationFlow);
    remindersId = await engine.publish(main, remindersFlow);
    await engine.publish(main, rescheduleNoticeFlow);
  });

  it('should start one run per flow and plan one set of deliveries for the same event posted twice', async () => {
    const event = bookingEvent('twice', 'A-twice', '2026-03-07T10:00');
    const live: LiveEvent[] = [];
    const unsubscribe = ctx.app.get(LiveEventsService).subscribe((e) => live.push(e));
    await engine.post(main, event).expect(202);
    await engine.post(main, event).expect(200);
    unsubscribe();
    const eventDocId = externalDocumentId('evt', main.clinicId, 'twice');
    await ctx.app.get(EventEngineService).process(main.clinicId, eventDocId);

    const runs = await engine.runs(main, { eventId: eventDocId });
    expect(runs.map((r) => r.status).sort()).toEqual(['ended', 'waiting']);
    const deliveries = await engine.deliveries(main, { runId: { $in: runs.map((r) => r._id) } } as never);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ status: 'scheduled', channel: 'sms', purpose: 'confirmation' });
    expect(deliveries[0].sendAt.toISOString()).toBe('2026-03-02T08:00:00.000Z');
    expect(deliveries[0].templateData).toMatchObject({ patient: { firstName: 'Léa' } });
    const runUpdates = live.filter((e) => e.name === 'run.updated').map((e) => e.payload);
    expect(runUpdates.map((u) => [u.id, u.status]).sort()).toEqual(runs.map((r) => [r._id, r.status]).sort());
  });

  it('should turn events of a bulk post into runs too', async () => {
    const res = await ctx
      .http()
      .post('/api/events/bulk')
      .set('x-api-key', main.apiKey)
      .send({ events: [bookingEvent('bulk-1', 'A-bulk', '2026-03-07T11:00')] })
      .expect(200);
    expect(res.body.results[0]).toMatchObject({ accepted: true, duplicate: false });
    const runs = await engine.runs(main, { appointmentId: apt('A-bulk') });
    expect(runs.map((r) => r.status).sort()).toEqual(['ended', 'waiting']);
  });

  it('should start nothing for a published flow that is not enabled, nor for a draft', async () => {
    await engine.publish(quiet, bookingConfirmationFlow, false);
    const { id: _id, ...draft } = remindersFlow;
    await ctx.as(quiet).post('/api/flows', draft).expect(201);
    await engine.post(quiet, bookingEvent('quiet-1', 'A-quiet', '2026-03-07T10:00')).expect(202);
    expect(await engine.runs(quiet)).toEqual([]);
    expect(await engine.deliveries(quiet)).toEqual([]);
  });

  it('should keep a run on the version it started with when a newer one is published', async () => {
    clock.set('2026-03-02T09:00:00Z');
    await engine.post(main, bookingEvent('pin-1', 'A-pin', '2026-03-07T11:00')).expect(202);
    const changed = {
      ...remindersFlow,
      nodes: remindersFlow.nodes.map((n) =>
        n.id === 'email48'
          ? { ...n, data: { ...n.data, template: { byLanguage: { fr: { subject: 'v2', body: 'v2' } } } } }
          : n,
      ),
    };
    const { id: _starter, ...document } = changed;
    const flow = await ctx.as(main).get(`/api/flows/${remindersId}`).expect(200);
    await ctx
      .as(main)
      .put(`/api/flows/${remindersId}`, { revision: flow.body.revision, flow: document })
      .expect(200);
    await ctx.as(main).post(`/api/flows/${remindersId}/publish`, { note: 'v2' }).expect(201);
    await engine.post(main, bookingEvent('pin-2', 'A-pin2', '2026-03-07T11:00')).expect(202);

    await engine.at('2026-03-05T10:00:00Z');
    const [first] = await engine.deliveries(main, { appointmentId: apt('A-pin'), nodeId: 'email48' });
    const [second] = await engine.deliveries(main, { appointmentId: apt('A-pin2'), nodeId: 'email48' });
    expect(first).toMatchObject({ flowVersion: 1 });
    expect(first.template.byLanguage?.fr?.subject).toBe('Rappel de votre RDV');
    expect(second).toMatchObject({ flowVersion: 2 });
    expect(second.template.byLanguage?.fr?.subject).toBe('v2');
  });

  it('should fire a timer once when two processes fire due timers at the same time', async () => {
    const [run] = await engine.runs(main, {
      appointmentId: apt('A-twice'),
      flowId: remindersId,
    });
    expect(run).toMatchObject({ status: 'waiting', nodeId: 'wait24' });
    expect(run.timerAt?.toISOString()).toBe(FRIDAY_24H_BEFORE);
    clock.set(FRIDAY_24H_BEFORE);
    const timers = ctx.app.get(RunTimerService);
    const fired = await Promise.all([timers.fireDue(clock.now()), timers.fireDue(clock.now())]);
    expect(fired.sort()).toEqual([0, 1]);
    const asks = await engine.deliveries(main, { appointmentId: apt('A-twice'), nodeId: 'sms24' });
    expect(asks).toHaveLength(1);
    expect(asks[0]).toMatchObject({ status: 'scheduled', expectsReply: true, channel: 'sms' });
    expect(local(asks[0].sendAt)).toBe('2026-03-06 10:00');
    const [after] = await engine.runs(main, { _id: run._id });
    expect(after).toMatchObject({ status: 'awaiting-reply', nodeId: 'sms24', seq: run.seq + 1 });
  });

  it('should mark the appointment confirmed on a reply and start the flows on appointment.confirmed', async () => {
    const confirmedNotice = {
      ...bookingConfirmationFlow,
      name: 'Thanks for confirming',
      nodes: bookingConfirmationFlow.nodes.map((n) =>
        n.type === 'trigger' ? { ...n, data: { label: 'Confirmed', events: ['appointment.confirmed'] } } : n,
      ),
    } as typeof bookingConfirmationFlow;
    const noticeId = await engine.publish(main, confirmedNotice);
    const [run] = await engine.runs(main, { appointmentId: apt('A-twice'), flowId: remindersId });
    await ctx.app.get(RunService).signal(main.clinicId, run._id, { kind: 'reply', text: ' c ' });
    await ctx.app.get(RunService).signal(main.clinicId, run._id, { kind: 'reply', text: 'C' });

    const [after] = await engine.runs(main, { _id: run._id });
    expect(after).toMatchObject({ status: 'ended', nodeId: 'end' });
    const appointment = await ctx.app.get(AppointmentRepository).findById(main.clinicId, apt('A-twice'));
    expect(appointment).toMatchObject({ status: 'confirmed', confirmation: 'confirmed' });
    const started = await engine.runs(main, { flowId: noticeId });
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ eventType: 'appointment.confirmed', appointmentId: apt('A-twice') });
  });

  it('should cancel the pending deliveries and runs of a moved appointment and plan it again', async () => {
    // Booked at 22:00 (quiet hours): its confirmation waits for 08:00 when the appointment moves.
    clock.set('2026-03-10T21:00:00Z');
    await engine
      .post(main, bookingEvent('move-1', 'A-move', '2026-03-14T10:00', { at: '2026-03-10T21:00:00Z' }))
      .expect(202);
    const [confirmation] = await engine.deliveries(main, { appointmentId: apt('A-move') });
    expect(confirmation).toMatchObject({ nodeId: 'sms-booked', status: 'scheduled' });

    clock.set('2026-03-10T21:05:00Z');
    const moved = bookingEvent('move-2', 'A-move', '2026-03-19T15:00', {
      type: 'appointment.rescheduled',
      at: '2026-03-10T21:05:00Z',
    });
    await engine.post(main, moved).expect(202);
    await ctx.app
      .get(EventEngineService)
      .process(main.clinicId, externalDocumentId('evt', main.clinicId, 'move-2'));
    const deliveries = await engine.deliveries(main, { appointmentId: apt('A-move') });
    expect(deliveries.map((d) => [d.nodeId, d.status])).toEqual([
      ['sms-booked', 'cancelled'],
      ['sms-moved', 'scheduled'],
    ]);
    expect(deliveries[0].reason).toBe('appointment moved');
    const runs = await engine.runs(main, { appointmentId: apt('A-move') });
    const reminders = runs.filter((r) => r.flowId === remindersId);
    expect(reminders.map((r) => r.status).sort()).toEqual(['cancelled', 'waiting']);
    const again = reminders.find((r) => r.status === 'waiting')!;
    expect(local(again.timerAt!)).toBe('2026-03-17 15:00');
  });

  it('should start and end nothing for a move that arrives after a later one', async () => {
    const before = await engine.runs(main, { appointmentId: apt('A-move') });
    const stale = bookingEvent('move-0', 'A-move', '2026-03-18T09:00', {
      type: 'appointment.rescheduled',
      at: '2026-03-10T21:02:00Z',
    });
    await engine.post(main, stale).expect(202);
    const after = await engine.runs(main, { appointmentId: apt('A-move') });
    expect(after.map((r) => [r._id, r.status])).toEqual(before.map((r) => [r._id, r.status]));
    const deliveries = await engine.deliveries(main, { appointmentId: apt('A-move') });
    expect(deliveries.map((d) => [d.nodeId, d.status])).toEqual([
      ['sms-booked', 'cancelled'],
      ['sms-moved', 'scheduled'],
    ]);
  });

  it('should process an event its intake left pending, applying it first', async () => {
    clock.set('2026-03-20T08:00:00Z');
    const payload = bookingEvent('crashed', 'A-crashed', '2026-03-25T10:00', { at: '2026-03-20T08:00:00Z' });
    const _id = externalDocumentId('evt', main.clinicId, 'crashed');
    const intake = ctx.app.get(EventIntakeService);
    await ctx.app.get(EventService).record(main.clinicId, {
      _id,
      eventId: 'crashed',
      type: 'appointment.booked',
      occurredAt: new Date(payload.occurredAt),
      receivedAt: clock.now(),
      payload: payload as never,
      appointmentId: apt('A-crashed'),
      patientId: null,
      resourceId: null,
      engine: { status: 'pending' },
    });
    expect((await intake.sweepPending(clock.now())).processed).toBe(0);
    clock.advance(20_000);
    expect((await intake.sweepPending(clock.now())).processed).toBe(1);
    expect(await ctx.app.get(AppointmentRepository).findById(main.clinicId, apt('A-crashed'))).toMatchObject({
      status: 'booked',
    });
    const deliveries = await engine.deliveries(main, { appointmentId: apt('A-crashed') });
    expect(deliveries.map((d) => [d.nodeId, d.status])).toEqual([['sms-booked', 'scheduled']]);
    expect((await intake.sweepPending(clock.now())).processed).toBe(0);
  });

  it('should skip a second reminder to the same patient on the same day (one reminder per day)', async () => {
    await engine.settings(limited, { consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] } });
    await engine.publish(limited, bookingChain('First', [patientMessage('first', 1, 'sms', 'reminder')]));
    await engine.publish(limited, bookingChain('Second', [patientMessage('second', 1, 'email', 'reminder')]));
    await engine.post(limited, bookingEvent('limit-1', 'A-limit', '2026-03-28T10:00')).expect(202);
    const deliveries = await engine.deliveries(limited);
    expect(deliveries.map((d) => d.status).sort()).toEqual(['scheduled', 'skipped']);
    const skipped = deliveries.find((d) => d.status === 'skipped')!;
    expect(skipped.reason).toContain('one reminder per day');
  });

  it('should withdraw consent on a STOP reply and cancel the patient’s pending SMS only', async () => {
    // Saturday 22:00: the confirmation waits for Monday 08:00 (quiet hours, then Sunday).
    clock.set('2026-03-21T21:00:00Z');
    await engine.settings(stop, { consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] } });
    await engine.publish(stop, bookingConfirmationFlow);
    const reminders = await engine.publish(stop, remindersFlow);
    await engine
      .post(stop, bookingEvent('stop-1', 'A-stop', '2026-03-27T10:00', { at: '2026-03-21T21:00:00Z' }))
      .expect(202);
    const [run] = await engine.runs(stop, { flowId: reminders });
    await ctx.app.get(RunService).signal(stop.clinicId, run._id, { kind: 'reply', text: 'STOP' });

    const [confirmation] = await engine.deliveries(stop, { nodeId: 'sms-booked' });
    expect(confirmation.status).toBe('cancelled');
    expect(confirmation.reason).toContain('consent withdrawn');
    const patient = await ctx.app
      .get(PatientRepository)
      .findById(stop.clinicId, externalDocumentId('pat', stop.clinicId, 'P-A-stop'));
    expect(patient?.consent.sms).toMatchObject({ granted: false, source: 'patient-reply' });
    const [waiting] = await engine.runs(stop, { _id: run._id });
    expect(waiting).toMatchObject({ status: 'waiting', nodeId: 'wait48' });

    // The e-mail still goes; the SMS asking to confirm does not.
    await engine.at('2026-03-25T09:00:00Z');
    const [email] = await engine.deliveries(stop, { nodeId: 'email48' });
    expect(['sent', 'delivered']).toContain(email.status);
    await engine.at('2026-03-26T09:00:00Z');
    const [ask] = await engine.deliveries(stop, { nodeId: 'sms24' });
    expect(ask).toMatchObject({ status: 'skipped', reason: 'patient has withdrawn SMS consent' });
  });

  it('should tell the patients still to come today when their practitioner is absent', async () => {
    clock.set('2026-03-30T06:00:00Z');
    await engine.settings(alerts, { consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] } });
    await engine.publish(alerts, resourceAlertFlow);
    for (const [id, start] of [
      ['absent-past', '2026-03-30T07:30'],
      ['absent-later', '2026-03-30T16:00'],
      ['absent-tomorrow', '2026-03-31T09:00'],
    ]) {
      const booking = bookingEvent(id, id, start, { resource: 'R-ABSENT', at: '2026-03-28T08:00:00Z' });
      await engine.post(alerts, booking).expect(202);
    }
    clock.set('2026-03-30T07:00:00Z');
    const absent = {
      id: 'absent',
      type: 'resource.absent',
      occurredAt: '2026-03-30T07:00:00Z',
      resource: { externalId: 'R-ABSENT' },
    };
    await engine.post(alerts, absent).expect(202);
    const deliveries = await engine.deliveries(alerts);
    expect(deliveries.map((d) => [d.appointmentId, d.nodeId, d.status])).toEqual([
      [externalDocumentId('apt', alerts.clinicId, 'absent-later'), 'sms-absent', 'scheduled'],
    ]);
  });

  function apt(externalId: string) {
    return externalDocumentId('apt', main.clinicId, externalId);
  }
});
