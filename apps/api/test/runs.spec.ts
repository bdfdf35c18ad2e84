import { bookingConfirmationFlow, remindersFlow } from '@clinicflow/rules';
import { externalDocumentId } from '../src/common/ids';
import { RunOutcomeService } from '../src/modules/runs/run-outcome.service';
import type { RunDocument } from '../src/modules/runs/run.document';
import { collection } from './engine-dispatch-fixtures';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

const MONDAY = '2026-03-02T08:00:00Z';

/**
 * The run explorer's API (issue 15, item 8): runs found by patient, appointment or flow; one run with its
 * decisions as codes; "retry from this step" for a run an engine error ended, once whoever asks.
 */
describe('runs: the explorer', () => {
  const clock = new TestClock(MONDAY);
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  const other = ctx.clinic();
  let remindersId: string;
  let confirmationId: string;

  beforeAll(async () => {
    await engine.settings(clinic, { consent: { mode: 'all-with-valid-contact', purposes: [] } });
    remindersId = await engine.publish(clinic, remindersFlow);
    confirmationId = await engine.publish(clinic, bookingConfirmationFlow);
  });

  afterEach(() => jest.restoreAllMocks());

  const appointmentOf = (key: string) => externalDocumentId('apt', clinic.clinicId, `A-${key}`);

  /** Books an appointment through the PMS's API and answers its runs, by flow. */
  async function book(key: string, start = '2026-03-07T10:00') {
    await engine.post(clinic, bookingEvent(key, `A-${key}`, start)).expect(202);
    const runs = await engine.runs(clinic, { appointmentId: appointmentOf(key) });
    const ofFlow = (flowId: string) => runs.find((run) => run.flowId === flowId)!;
    return { reminders: ofFlow(remindersId), confirmation: ofFlow(confirmationId) };
  }

  /** A booking whose confirmation run an engine error ends (the database refused its outcome once). */
  async function failedConfirmation(key: string): Promise<RunDocument> {
    const outcomes = ctx.app.get(RunOutcomeService);
    const store = outcomes.store.bind(outcomes);
    jest.spyOn(outcomes, 'store').mockImplementation(async (run, ...rest) => {
      if (run.flowId === confirmationId) throw new Error('the database did not answer');
      return store(run, ...rest);
    });
    await engine.post(clinic, bookingEvent(key, `A-${key}`, '2026-03-09T10:00')).expect(202);
    jest.restoreAllMocks();
    const [run] = await engine.runs(clinic, { appointmentId: appointmentOf(key), flowId: confirmationId });
    expect(run).toMatchObject({ status: 'ended', endedWhy: { code: 'engine-error' } });
    return run;
  }

  describe('GET /api/runs', () => {
    it('should find a patient’s runs, newest first, with the flow’s name and the appointment’s time', async () => {
      const first = await book('list-1', '2026-03-07T10:00');
      clock.set('2026-03-02T09:00:00Z');
      await engine.post(
        clinic,
        bookingEvent('list-2', 'A-list-2', '2026-03-08T11:00', { patient: 'P-A-list-1' }),
      );
      const res = await ctx.as(clinic).get(`/api/runs?patientId=${first.reminders.patientId}`).expect(200);
      expect(res.body.total).toBe(4);
      expect(res.body.items.map((r: { flowName: string }) => r.flowName)).toEqual(
        expect.arrayContaining(['Reminders with confirmation request', 'Booking confirmation']),
      );
      const times = res.body.items.map((r: { createdAt: string }) => r.createdAt);
      expect(times).toEqual([...times].sort().reverse());
      const reminders = res.body.items.find((r: { id: string }) => r.id === first.reminders._id);
      expect(reminders).toMatchObject({
        status: 'waiting',
        appointmentStart: '2026-03-07T09:00:00.000Z',
        eventType: 'appointment.booked',
        retryFrom: null,
      });
      expect(reminders).not.toHaveProperty('steps');
    });

    it('should find an appointment’s runs, and a flow’s', async () => {
      const runs = await book('by-appointment');
      const byAppointment = await ctx
        .as(clinic)
        .get(`/api/runs?appointmentId=${runs.reminders.appointmentId}`)
        .expect(200);
      expect(byAppointment.body.items.map((r: { id: string }) => r.id).sort()).toEqual(
        [runs.reminders._id, runs.confirmation._id].sort(),
      );
      const byFlow = await ctx
        .as(clinic, clinic.staffToken)
        .get(`/api/runs?flowId=${remindersId}&pageSize=100`);
      expect(byFlow.status).toBe(200);
      expect(byFlow.body.items.every((r: { flowId: string }) => r.flowId === remindersId)).toBe(true);
    });

    it.each([
      ['nothing to look for', '', 'query.patientId'],
      ['a page size over 100', '?patientId=p&pageSize=500', 'query.pageSize'],
    ])('should refuse %s with a 400 naming the field', async (_title, query, path) => {
      const res = await ctx.as(clinic).get(`/api/runs${query}`).expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    });

    it('should not show one clinic’s runs to another', async () => {
      const runs = await book('tenancy');
      const list = await ctx.as(other).get(`/api/runs?patientId=${runs.reminders.patientId}`).expect(200);
      expect(list.body).toMatchObject({ items: [], total: 0 });
      await ctx.as(other).get(`/api/runs/${runs.reminders._id}`).expect(404);
      await ctx.as(other).post(`/api/runs/${runs.reminders._id}/retry`).expect(404);
    });
  });

  describe('GET /api/runs/:id', () => {
    it('should answer every decision with its reason as a code, and the patient’s name', async () => {
      const runs = await book('detail');
      const res = await ctx.as(clinic).get(`/api/runs/${runs.confirmation._id}`).expect(200);
      expect(res.body).toMatchObject({ patientName: 'Léa Martin', status: 'ended', flowVersion: 1 });
      expect(res.body.steps.map((s: { nodeId: string; outcome: string }) => [s.nodeId, s.outcome])).toEqual([
        ['booked', 'passed'],
        ['sms-booked', 'planned'],
        ['end', 'ended'],
      ]);
      // a confirmation goes at once: when the run planned it
      expect(res.body.steps[1].message).toEqual({ channel: 'sms', sendAt: expect.any(String) });
      expect(Date.parse(res.body.steps[1].message.sendAt)).toBe(Date.parse(res.body.createdAt));
      expect(JSON.stringify(res.body)).not.toContain('templateData');
    });
  });

  describe('POST /api/runs/:id/retry', () => {
    it('should say a run an engine error ended, and where it may be retried from', async () => {
      const run = await failedConfirmation('fails');
      const res = await ctx.as(clinic).get(`/api/runs/${run._id}`).expect(200);
      expect(res.body).toMatchObject({
        status: 'ended',
        endedWhy: { code: 'engine-error', params: {} },
        retryFrom: 'booked',
      });
      expect(res.body.endedReason).toBe('engine error: the database did not answer');
    });

    it('should retry the failed move once: the message is planned and the run goes on', async () => {
      const run = await failedConfirmation('retried');
      await ctx.as(clinic, clinic.staffToken).post(`/api/runs/${run._id}/retry`).expect(403);
      const res = await ctx.as(clinic).post(`/api/runs/${run._id}/retry`).expect(200);
      expect(res.body).toMatchObject({ status: 'ended', retryFrom: null, endedWhy: null });
      expect(res.body.steps.map((s: { nodeId: string }) => s.nodeId)).toEqual([
        'booked',
        'sms-booked',
        'end',
      ]);
      const deliveries = await engine.deliveries(clinic, { runId: run._id });
      expect(deliveries.map((d) => [d.nodeId, d.status])).toEqual([['sms-booked', 'scheduled']]);
      const again = await ctx.as(clinic).post(`/api/runs/${run._id}/retry`).expect(409);
      expect(again.body.errors.map((e: { path: string }) => e.path)).toEqual(['run.status']);
    });

    it('should move the run once when two managers retry it at the same moment', async () => {
      const run = await failedConfirmation('twice');
      const answers = await Promise.all([
        ctx.as(clinic).post(`/api/runs/${run._id}/retry`),
        ctx.as(clinic).post(`/api/runs/${run._id}/retry`),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const [after] = await engine.runs(clinic, { _id: run._id });
      expect(after.steps.filter((s) => s.nodeId === 'sms-booked')).toHaveLength(1);
      expect(await engine.deliveries(clinic, { runId: run._id })).toHaveLength(1);
    });

    it('should finish a retry whose process died after claiming it, once its lease has passed', async () => {
      const run = await failedConfirmation('died');
      // what a process that died right after claiming the retry leaves: the lease, then the claim
      const advance = `${run._id}#${run.seq}`;
      const claimedAt = clock.now();
      await collection(ctx.app, 'run_timers').insertOne({
        _id: `${advance}#lease`,
        kind: 'lease',
        clinicId: clinic.clinicId,
        runId: run._id,
        seq: run.seq,
        nodeId: null,
        at: new Date(claimedAt.getTime() + 30_000),
      } as never);
      await collection(ctx.app, 'run_advances').insertOne({
        _id: advance,
        clinicId: clinic.clinicId,
        runId: run._id,
        seq: run.seq,
        attempt: 1,
        by: 'retry',
        signal: { kind: 'start' },
        reason: null,
        at: claimedAt,
      } as never);
      await engine.at(new Date(claimedAt.getTime() + 5 * 60_000).toISOString());
      const [after] = await engine.runs(clinic, { _id: run._id });
      expect(after).toMatchObject({ seq: run.seq + 1, endedWhy: null });
      expect(await engine.deliveries(clinic, { runId: run._id })).toHaveLength(1);
    });

    it('should refuse to retry a run that no engine error ended', async () => {
      const runs = await book('healthy');
      const res = await ctx.as(clinic).post(`/api/runs/${runs.reminders._id}/retry`).expect(409);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['run.status']);
      await ctx.as(clinic).post('/api/runs/run_nothing/retry').expect(404);
    });
  });
});
