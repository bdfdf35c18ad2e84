import { randomUUID } from 'node:crypto';
import { resourceAlertFlow, type Flow } from '@clinicflow/rules';
import { externalDocumentId } from '../src/common/ids';
import { directoryIdFor } from '../src/modules/directory/directory-ids';
import { bookingEvent, engineDriver, local } from './engine-fixtures';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

/**
 * Staff's actions from the editor through the HTTP API: a practitioner late (today) or absent (a range of days,
 * F9), and a flow run by hand for chosen patients (the `manual` trigger, B1). Each is recorded as an event
 * through the events' outbox and started by the engine at once; a request id sent again does nothing more.
 */
describe('staff actions', () => {
  const clock = new TestClock('2026-04-01T06:00:00Z'); // Wednesday 08:00 in Paris
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const everyone = { consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] } };

  describe('practitioner late or absent', () => {
    const clinic = ctx.clinic();
    const other = ctx.clinic();
    const martin = () => directoryIdFor('resources', clinic.clinicId, 'R-MARTIN');
    const apt = (id: string) => externalDocumentId('apt', clinic.clinicId, id);
    const alerts = async (nodeId: string) =>
      (await engine.deliveries(clinic, { nodeId } as object)).map((d) => d.appointmentId).sort();

    beforeAll(async () => {
      // the absence message gives the clinic's number to call
      await engine.settings(clinic, { ...everyone, phone: '01 42 68 53 00' });
      await engine.settings(other, everyone);
      await engine.publish(clinic, resourceAlertFlow);
      const book = (id: string, start: string, resource = 'R-MARTIN') =>
        engine
          .post(clinic, bookingEvent(id, id, start, { resource, at: '2026-03-20T09:00:00Z' }))
          .expect(202);
      await book('wed-early', '2026-04-01T07:30'); // already begun at 08:00
      await book('wed-late', '2026-04-01T16:00');
      await book('thu', '2026-04-02T10:00');
      await book('fri', '2026-04-03T11:00');
      await book('mon', '2026-04-06T09:00'); // after the absence
      await book('wed-dupont', '2026-04-01T17:00', 'R-DUPONT');
    });

    it('should tell the patients still to come today that the practitioner is late, once per request', async () => {
      const requestId = randomUUID();
      const res = await ctx
        .as(clinic, clinic.staffToken)
        .post(`/api/resources/${martin()}/delays`, { requestId, minutes: 30 })
        .expect(202);
      expect(res.body).toEqual({ accepted: true, duplicate: false, flows: 1, appointments: 1 });
      expect(await alerts('sms-late')).toEqual([apt('wed-late')]);
      const [late] = await engine.deliveries(clinic, { nodeId: 'sms-late' } as object);
      expect(late.templateData).toMatchObject({ delay: { minutes: 30 } });

      const again = await ctx
        .as(clinic, clinic.staffToken)
        .post(`/api/resources/${martin()}/delays`, { requestId, minutes: 30 })
        .expect(200);
      expect(again.body).toEqual({ accepted: true, duplicate: true, flows: 1, appointments: null });
      expect(await alerts('sms-late')).toEqual([apt('wed-late')]);
    });

    it('should tell the patients of every day of an absence, from today on', async () => {
      const res = await ctx
        .as(clinic, clinic.staffToken)
        .post(`/api/resources/${martin()}/absences`, {
          requestId: randomUUID(),
          absence: { from: '2026-03-31', to: '2026-04-03' },
        })
        .expect(202);
      expect(res.body).toMatchObject({ duplicate: false, flows: 1, appointments: 3 });
      expect(await alerts('sms-absent')).toEqual([apt('fri'), apt('thu'), apt('wed-late')].sort());

      await engine.at('2026-04-01T06:00:30Z');
      const [thursday] = await engine.deliveries(clinic, { nodeId: 'sms-absent', appointmentId: apt('thu') });
      expect(local(thursday.sentAt!)).toBe('2026-04-01 08:00');
      expect(thursday.text).toContain('jeudi 2 avril');
    });

    it('should take an absence over several days from the PMS too', async () => {
      await engine
        .post(clinic, {
          id: 'pms-absent',
          type: 'resource.absent',
          occurredAt: '2026-04-01T06:00:00Z',
          resource: { externalId: 'R-MARTIN' },
          absence: { from: '2026-04-06', to: '2026-04-06' },
        })
        .expect(202);
      expect(await alerts('sms-absent')).toContain(apt('mon'));
      const refused = await engine
        .post(clinic, {
          id: 'pms-late-range',
          type: 'resource.delayed',
          occurredAt: '2026-04-01T06:00:00Z',
          resource: { externalId: 'R-MARTIN' },
          minutes: 10,
          absence: { from: '2026-04-06', to: '2026-04-06' },
        })
        .expect(400);
      expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.absence']);
    });

    it.each([
      ['no request id', 'delays', { minutes: 30 }, ['body.requestId']],
      ['no delay', 'delays', { requestId: randomUUID(), minutes: 0 }, ['body.minutes']],
      ['a delay over a day', 'delays', { requestId: randomUUID(), minutes: 1441 }, ['body.minutes']],
      [
        'an absence ending before it starts',
        'absences',
        { requestId: randomUUID(), absence: { from: '2026-04-03', to: '2026-04-02' } },
        ['body.absence.to'],
      ],
      [
        'an absence that is over',
        'absences',
        { requestId: randomUUID(), absence: { from: '2026-03-20', to: '2026-03-31' } },
        ['body.absence.to'],
      ],
      [
        'an absence of half a year',
        'absences',
        { requestId: randomUUID(), absence: { from: '2026-04-01', to: '2026-10-01' } },
        ['body.absence.to'],
      ],
      ['an absence without days', 'absences', { requestId: randomUUID() }, ['body.absence']],
    ])('should refuse %s with 400 naming the field', async (_title, action, body, paths) => {
      const res = await ctx.as(clinic).post(`/api/resources/${martin()}/${action}`, body).expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(paths);
    });

    it('should answer 404 for a resource of another clinic', async () => {
      await ctx
        .as(other)
        .post(`/api/resources/${martin()}/delays`, { requestId: randomUUID(), minutes: 5 })
        .expect(404);
    });
  });

  describe('a flow run by hand', () => {
    const clinic = ctx.clinic();
    const patients: string[] = [];
    const manualFlow = (name: string, events = ['manual']): Flow =>
      ({
        name,
        nodes: [
          { id: 'start', type: 'trigger', position: { x: 0, y: 0 }, data: { events } },
          {
            id: 'sms',
            type: 'send',
            position: { x: 0, y: 140 },
            data: {
              channel: 'sms',
              recipient: { type: 'patient' },
              template: { byLanguage: { fr: { body: `${name} : bonjour {{patient.firstName}}` } } },
            },
          },
          { id: 'end', type: 'end', position: { x: 0, y: 280 } },
        ],
        edges: [
          { id: 'e1', source: 'start', target: 'sms', sourceHandle: null },
          { id: 'e2', source: 'sms', target: 'end', sourceHandle: null },
        ],
      }) as Flow;
    let flowId = '';
    let otherManual = '';

    beforeAll(async () => {
      await engine.settings(clinic, everyone);
      for (const [firstName, mobile] of [
        ['Léa', '06 12 34 56 78'],
        ['Hugo', '06 98 76 54 32'],
        ['Inès', null],
      ]) {
        const created = await ctx.as(clinic).post('/api/patients', { firstName, mobile }).expect(201);
        patients.push(created.body.id);
      }
      flowId = await engine.publish(clinic, manualFlow('Consignes'));
      otherManual = await engine.publish(clinic, manualFlow('Autre'));
    });

    const run = (body: object, id = flowId, token?: string) =>
      ctx.as(clinic, token).post(`/api/flows/${id}/manual-runs`, body);
    const smsOf = async (id: string) =>
      (await engine.deliveries(clinic, { flowId: id } as object)).map((d) => [d.patientId, d.status]);

    it('should start the chosen flow for each chosen patient, and nothing more when the request comes again', async () => {
      const requestId = randomUUID();
      const res = await run({ requestId, patientIds: patients }, flowId, clinic.staffToken).expect(200);
      expect(res.body).toMatchObject({ flowId, version: 1 });
      expect(res.body.runs).toEqual(
        patients.map((patientId) => ({
          patientId,
          runId: expect.stringMatching(/^run_/),
          status: 'ended',
          duplicate: false,
        })),
      );
      const sms = await smsOf(flowId);
      expect(sms).toEqual(
        expect.arrayContaining([
          [patients[0], 'scheduled'],
          [patients[1], 'scheduled'],
          [patients[2], 'skipped'], // no mobile: the run ran, the message says why it did not go
        ]),
      );
      expect(await smsOf(otherManual)).toEqual([]);

      const again = await run({ requestId, patientIds: patients }).expect(200);
      expect(
        again.body.runs.map((r: { duplicate: boolean; runId: string }) => [r.duplicate, r.runId]),
      ).toEqual(res.body.runs.map((r: { runId: string }) => [true, r.runId]));
      expect((await smsOf(flowId)).length).toBe(3);

      await run({ requestId: randomUUID(), patientIds: [patients[0]] }).expect(200);
      expect((await smsOf(flowId)).length).toBe(4);
    });

    it('should refuse unknown patients with 400 naming each, and start nobody', async () => {
      const res = await run({ requestId: randomUUID(), patientIds: [patients[0], 'pat_nobody'] }).expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.patientIds.1']);
      const refused = await run({ requestId: randomUUID(), patientIds: [] }).expect(400);
      expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.patientIds']);
      const twice = await run({ requestId: randomUUID(), patientIds: [patients[0], patients[0]] }).expect(
        400,
      );
      expect(twice.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.patientIds']);
      expect((await smsOf(flowId)).length).toBe(4);
    });

    it.each([
      [
        'a flow not published',
        async () => (await ctx.as(clinic).post('/api/flows', manualFlow('Brouillon')).expect(201)).body.id,
        'flow.latestVersion',
      ],
      ['a flow switched off', () => engine.publish(clinic, manualFlow('Éteint'), false), 'flow.enabled'],
      [
        'a flow that does not start on "manual"',
        () => engine.publish(clinic, manualFlow('Réservé', ['appointment.booked'])),
        'flow.trigger',
      ],
    ])('should refuse %s with 400', async (_title, make, path) => {
      const id = await make();
      const res = await run({ requestId: randomUUID(), patientIds: [patients[0]] }, id).expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    });

    it('should answer 404 for a flow of another clinic', async () => {
      const stranger = await ctx.newClinic();
      await ctx
        .as(stranger)
        .post(`/api/flows/${flowId}/manual-runs`, { requestId: randomUUID(), patientIds: [patients[0]] })
        .expect(404);
    });
  });
});
