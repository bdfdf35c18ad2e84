import { bookingConfirmationFlow, remindersFlow } from '@clinicflow/rules';
import { ConfigService } from '@nestjs/config';
import { Db, MongoNetworkError } from 'mongodb';
import { externalDocumentId } from '../src/common/ids';
import { PatientRepository } from '../src/modules/directory/directory.repository';
import { pmsEventSchema } from '../src/modules/events/event.dto';
import { EventRepository } from '../src/modules/events/event.repository';
import { EventIntakeService } from '../src/modules/intake/event-intake.service';
import { EventEngineService } from '../src/modules/runs/event-engine.service';
import { RunOutcomeService } from '../src/modules/runs/run-outcome.service';
import { RunTimerService } from '../src/modules/runs/run-timer.service';
import { RunRepository } from '../src/modules/runs/run.repository';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { useTestContext, type TestClinic } from './test-app';
import { TestClock } from './test-clock';

const MONDAY = '2026-03-02T08:00:00Z';
const THURSDAY_48H_BEFORE = '2026-03-05T09:00:00.000Z';
const FRIDAY_24H_BEFORE = '2026-03-06T09:00:00.000Z';
/** The engine's sweep leaves a pending event to its intake this long. */
const SWEEP_AFTER_MS = 15_000;

/**
 * A process that dies half-way through moving a run or applying an event: the half it did is left as it
 * would be (its last write never answers), and another process must finish the work exactly once.
 */
describe('engine: recovery after a process died half-way', () => {
  const clock = new TestClock(MONDAY);
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const timers = ctx.clinic();
  const starts = ctx.clinic();
  const visits = ctx.clinic();
  const transient = ctx.clinic();
  let leaseMs: number;

  const collection = (name: string) => ctx.app.get(Db).collection<{ _id: string }>(name);
  const apt = (clinic: TestClinic, externalId: string) =>
    externalDocumentId('apt', clinic.clinicId, externalId);

  /**
   * `method` never answers its next call: its process "died" right there. Answers `died` (resolves once the
   * call happened, the work before it done) and `revive` (the method works again for everyone else).
   */
  function dieAtNextCall<T extends object>(target: T, method: keyof T & string) {
    let reached: () => void = () => undefined;
    const died = new Promise<void>((resolve) => (reached = resolve));
    const spy = jest.spyOn(target, method as never).mockImplementationOnce((() => {
      reached();
      return new Promise<never>(() => undefined);
    }) as never);
    return { died, revive: () => spy.mockRestore() };
  }

  /** The next save of a run never answers: its process died right before it. */
  const dieAtNextRunSave = () => dieAtNextCall(ctx.app.get(RunRepository), 'saveMove');

  beforeAll(async () => {
    leaseMs = ctx.app.get(ConfigService).get<number>('DISPATCH_LEASE_SECONDS')! * 1000;
    const consent = { consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] } };
    await engine.settings(timers, consent);
    await engine.publish(timers, remindersFlow);
    await engine.settings(starts, consent);
    await engine.publish(starts, bookingConfirmationFlow);
    await engine.settings(visits, consent);
    await engine.settings(transient, consent);
    await engine.publish(transient, bookingConfirmationFlow);
  });

  it('should fire a timer once, after the lease, when the process that took it died before saving', async () => {
    await engine.post(timers, bookingEvent('t-1', 'A-timer', '2026-03-07T10:00')).expect(202);
    const [run] = await engine.runs(timers, { appointmentId: apt(timers, 'A-timer') });
    // Reminders: 48 h before by email, then 24 h before by SMS.
    expect(run).toMatchObject({ status: 'waiting', nodeId: 'wait48', seq: 1 });
    expect(run.timerAt?.toISOString()).toBe(THURSDAY_48H_BEFORE);
    const asks = () => engine.deliveries(timers, { runId: run._id, nodeId: 'email48' });

    clock.set(THURSDAY_48H_BEFORE);
    const dying = dieAtNextRunSave();
    void ctx.app.get(RunTimerService).fireDue(clock.now());
    await dying.died;
    dying.revive();
    expect(await asks()).toHaveLength(1);

    // Its move is claimed but not saved: the timer is still there, and nobody else moves the run yet.
    expect(await collection('run_timers').findOne({ _id: `${run._id}#1` })).not.toBeNull();
    expect(await ctx.app.get(RunTimerService).fireDue(clock.now())).toBe(0);
    expect((await engine.runs(timers, { _id: run._id }))[0]).toMatchObject({ status: 'waiting', seq: 1 });

    clock.advance(leaseMs + 1000);
    expect(await ctx.app.get(RunTimerService).fireDue(clock.now())).toBe(1);
    expect(await ctx.app.get(RunTimerService).fireDue(clock.now())).toBe(0);
    const [after] = await engine.runs(timers, { _id: run._id });
    expect(after).toMatchObject({ status: 'waiting', nodeId: 'wait24', seq: 2 });
    expect(after.timerAt?.toISOString()).toBe(FRIDAY_24H_BEFORE);
    expect(await collection('run_timers').findOne({ _id: `${run._id}#2` })).toMatchObject({ kind: 'timer' });
    expect(await asks()).toHaveLength(1);
    const left = await collection('run_timers')
      .find({ _id: { $in: [`${run._id}#1`, `${run._id}#1#lease`] } })
      .toArray();
    expect(left).toEqual([]);
    expect(await collection('run_advances').findOne({ _id: `${run._id}#1#2` })).toMatchObject({
      by: 'timer',
      attempt: 2,
    });
  });

  it('should finish a run stuck in starting once the lease of the process that started it has passed', async () => {
    const event = pmsEventSchema.parse(bookingEvent('s-1', 'A-start', '2026-03-07T10:00'));
    const dying = dieAtNextRunSave();
    void ctx.app.get(EventIntakeService).receive(starts.clinicId, event);
    await dying.died;
    dying.revive();
    const confirmations = () => engine.deliveries(starts, { appointmentId: apt(starts, 'A-start') });
    expect(await confirmations()).toHaveLength(1);
    const [stuck] = await engine.runs(starts, { appointmentId: apt(starts, 'A-start') });
    expect(stuck).toMatchObject({ status: 'starting', seq: 0 });

    // The sweep takes the event over, but the start's lease still runs: the run is left to it.
    clock.advance(SWEEP_AFTER_MS + 1000);
    await ctx.app.get(EventIntakeService).sweepPending(clock.now());
    expect((await engine.runs(starts, { _id: stuck._id }))[0]).toMatchObject({ status: 'starting', seq: 0 });

    clock.advance(leaseMs + 1000);
    await engine.at(clock.now().toISOString());
    const runs = await engine.runs(starts, { appointmentId: apt(starts, 'A-start') });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ _id: stuck._id, status: 'ended', seq: 1 });
    expect(await confirmations()).toHaveLength(1);
    const stored = await ctx.app
      .get(EventRepository)
      .findById(starts.clinicId, externalDocumentId('evt', starts.clinicId, 's-1'));
    expect(stored?.engine).toMatchObject({ status: 'done' });
    expect(
      await collection('run_timers')
        .find({ runId: stuck._id } as object)
        .toArray(),
    ).toEqual([]);
  });

  it('should leave a move to its lease, not end the run, when the database was away a moment', async () => {
    const outcomes = ctx.app.get(RunOutcomeService);
    // The driver's own error for a connection dropped mid-write; the next attempt finds the database again.
    jest
      .spyOn(outcomes, 'store')
      .mockRejectedValueOnce(new MongoNetworkError('connection 4 to 127.0.0.1:27017 closed'));
    await engine.post(transient, bookingEvent('d-1', 'A-away', '2026-03-07T10:00')).expect(202);
    const confirmations = () => engine.deliveries(transient, { appointmentId: apt(transient, 'A-away') });
    const [run] = await engine.runs(transient, { appointmentId: apt(transient, 'A-away') });
    expect(run).toMatchObject({ status: 'starting', seq: 0, endedReason: null });
    expect(await confirmations()).toHaveLength(0);

    // Not before its lease has passed (a live process may still be finishing it)…
    await engine.at(clock.now().toISOString());
    expect((await engine.runs(transient, { _id: run._id }))[0]).toMatchObject({ status: 'starting' });
    // …then taken over: the booking confirmation goes, once, and the run ends as its flow says.
    clock.advance(leaseMs + 1000);
    await engine.at(clock.now().toISOString());
    expect((await engine.runs(transient, { _id: run._id }))[0]).toMatchObject({
      status: 'ended',
      seq: 1,
      endedWhy: null,
    });
    expect(await confirmations()).toHaveLength(1);
  });

  it('should end the run with its reason when the error would recur', async () => {
    jest
      .spyOn(ctx.app.get(RunOutcomeService), 'store')
      .mockRejectedValueOnce(new TypeError("Cannot read properties of undefined (reading 'channel')"));
    await engine.post(transient, bookingEvent('d-2', 'A-broken', '2026-03-07T11:00')).expect(202);
    const [run] = await engine.runs(transient, { appointmentId: apt(transient, 'A-broken') });
    expect(run).toMatchObject({ status: 'ended', seq: 1, endedWhy: { code: 'engine-error' } });
  });

  it('should count an attended visit once when the intake died after counting it', async () => {
    await engine.post(visits, bookingEvent('v-book', 'A-visit', '2026-03-07T10:00')).expect(202);
    const attended = {
      id: 'v-came',
      type: 'appointment.attended',
      occurredAt: clock.now().toISOString(),
      appointment: { externalId: 'A-visit' },
    };
    const patientId = externalDocumentId('pat', visits.clinicId, 'P-A-visit');
    const counted = async () =>
      (await ctx.app.get(PatientRepository).findById(visits.clinicId, patientId))?.attendance.attended;
    const events = ctx.app.get(EventEngineService);
    // The intake counts the visit, then dies before the event is marked applied and processed.
    const dying = dieAtNextCall(events, 'process');
    void ctx.app.get(EventIntakeService).receive(visits.clinicId, pmsEventSchema.parse(attended));
    await dying.died;
    dying.revive();
    expect(await counted()).toBe(1);

    clock.advance(SWEEP_AFTER_MS + 1000);
    expect(
      (await ctx.app.get(EventIntakeService).sweepPending(clock.now())).processed,
    ).toBeGreaterThanOrEqual(1);
    expect(await counted()).toBe(1);
    const stored = await ctx.app
      .get(EventRepository)
      .findById(visits.clinicId, externalDocumentId('evt', visits.clinicId, 'v-came'));
    expect(stored?.engine).toMatchObject({ status: 'done', applied: true });

    // Another visit of the same patient still counts, and the API shows counts, not bookkeeping.
    await engine.post(
      visits,
      bookingEvent('v-book-2', 'A-visit-2', '2026-03-09T10:00', { patient: 'P-A-visit' }),
    );
    await engine
      .post(visits, { ...attended, id: 'v-came-2', appointment: { externalId: 'A-visit-2' } })
      .expect(202);
    expect(await counted()).toBe(2);
    const list = await ctx.as(visits).get('/api/patients?q=P-A-visit').expect(200);
    expect(list.body.items[0].attendance).toMatchObject({ attended: 2, noShows: 0 });
    expect(list.body.items[0]).not.toHaveProperty('attendanceEvents');
  });
});
