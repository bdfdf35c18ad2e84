import { pmsEventSchema } from '@clinicflow/contract';
import { bookingConfirmationFlow, type Flow, type FlowNode } from '@clinicflow/rules';
import { EventIntakeService } from '../src/modules/intake/event-intake.service';
import { PatientIntakeService } from '../src/modules/intake/patient-intake.service';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { useTestContext, type TestClinic } from './test-app';
import { TestClock } from './test-clock';

const MONDAY = '2026-03-02T08:00:00Z';
const position = (row: number) => ({ x: 0, y: row * 140 });

/** An SMS step to the patient with this purpose. */
function sms(id: string, row: number, purpose: string): FlowNode {
  return {
    id,
    type: 'send',
    position: position(row),
    data: {
      label: id,
      channel: 'sms',
      recipient: { type: 'patient' },
      purpose,
      template: { byLanguage: { fr: { body: `Bonjour {{patient.firstName}} (${id})` } } },
    },
  } as FlowNode;
}

/** A trigger on these events, then the steps in order, then the end. */
function chain(name: string, events: string[], steps: FlowNode[]): Flow {
  const trigger = { id: 'start', type: 'trigger', position: position(0), data: { events } } as FlowNode;
  const nodes = [
    trigger,
    ...steps,
    { id: 'end', type: 'end', position: position(steps.length + 1) } as FlowNode,
  ];
  const edges = nodes.slice(1).map((node, i) => ({
    id: `e${i}`,
    source: nodes[i].id,
    target: node.id,
    sourceHandle: null,
  }));
  return { name, nodes, edges };
}

/** "Patient created": a welcome SMS, `adult` from 18 (the patient-age condition), `child` otherwise. */
const welcomeByAge: Flow = {
  name: 'Welcome by age',
  nodes: [
    { id: 'start', type: 'trigger', position: position(0), data: { events: ['patient.created'] } },
    {
      id: 'age',
      type: 'condition',
      position: position(1),
      data: { check: { kind: 'patient-age', min: 18 } },
    },
    sms('adult', 2, 'notice'),
    sms('child', 2, 'notice'),
    { id: 'end', type: 'end', position: position(3) },
  ] as FlowNode[],
  edges: [
    { id: 'e1', source: 'start', target: 'age', sourceHandle: null },
    { id: 'e2', source: 'age', target: 'adult', sourceHandle: 'yes' },
    { id: 'e3', source: 'age', target: 'child', sourceHandle: 'no' },
    { id: 'e4', source: 'adult', target: 'end', sourceHandle: null },
    { id: 'e5', source: 'child', target: 'end', sourceHandle: null },
  ],
};

/**
 * Issue 21, items 1 and 10 through the engine: consent purposes enforced at planning and at send time, the
 * "patient created" trigger on a new patient from the PMS or the editor, and the patient-age condition on the
 * birth date the PMS sends. Where the PMS acts, only its key is sent.
 */
describe('the PMS and its patients, in the flows', () => {
  const clock = new TestClock(MONDAY);
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);

  /** A key of the clinic with these scopes, made by its manager. */
  const keyWith = async (of: TestClinic, scopes: string[]) =>
    (await ctx.as(of).post('/api/api-keys', { name: 'PMS', scopes }).expect(201)).body.key as string;

  /** A booking posted by the PMS for a patient with this SMS consent (and birth date). */
  function bookingWith(
    clinic: TestClinic,
    id: string,
    patient: string,
    consent: object | undefined,
    extra: object = {},
  ) {
    const event = bookingEvent(id, `A-${id}`, '2026-03-07T10:00', { patient });
    return engine.post(clinic, {
      ...event,
      patient: { ...event.patient, ...extra, ...(consent ? { consent } : {}) },
    });
  }

  const byNode = async (clinic: TestClinic, appointmentExternalId: string) => {
    const deliveries = await engine.deliveries(clinic);
    const appointment = (await ctx.as(clinic).get('/api/appointments').expect(200)).body.items.find(
      (a: { externalId: string }) => a.externalId === appointmentExternalId,
    );
    return Object.fromEntries(
      deliveries
        .filter((d) => d.appointmentId === appointment.id)
        .map((d) => [d.nodeId, { status: d.status, reason: d.reason }]),
    );
  };

  const purposes = chain(
    'Purposes',
    ['appointment.booked'],
    [sms('reminder', 1, 'reminder'), sms('recall', 2, 'recall'), sms('thanks', 3, 'thank-you')],
  );

  describe('consent purposes', () => {
    const patientLimited = ctx.clinic();
    const clinicLimited = ctx.clinic();

    it("should skip, in an opt-in clinic, the messages the patient's consent does not cover, saying why", async () => {
      await engine.settings(patientLimited, {});
      await engine.publish(patientLimited, purposes);
      const consent = {
        sms: { granted: true, purposes: ['reminders', 'surveys'], at: '2026-03-01T10:00:00Z' },
      };
      await bookingWith(patientLimited, 'purp-1', 'P-PURP', consent).expect(202);
      expect(await byNode(patientLimited, 'A-purp-1')).toEqual({
        reminder: { status: 'scheduled', reason: null },
        recall: {
          status: 'skipped',
          reason: "no consent for recall messages (the patient's SMS consent covers reminders and surveys)",
        },
        thanks: { status: 'scheduled', reason: null },
      });
    });

    it("should skip the messages the clinic's consent does not cover, for a consent that names no purpose", async () => {
      await engine.settings(clinicLimited, { consent: { mode: 'opt-in', purposes: ['reminders'] } });
      await engine.publish(clinicLimited, purposes);
      await bookingWith(clinicLimited, 'purp-2', 'P-PURP', {
        sms: { granted: true, at: '2026-03-01T10:00:00Z' },
      }).expect(202);
      expect(await byNode(clinicLimited, 'A-purp-2')).toEqual({
        reminder: { status: 'scheduled', reason: null },
        recall: {
          status: 'skipped',
          reason: "no consent for recall messages (the clinic's consent covers reminders)",
        },
        thanks: {
          status: 'skipped',
          reason: "no consent for survey messages (the clinic's consent covers reminders)",
        },
      });
    });

    it('should skip at send time a message the consent no longer covers', async () => {
      const late = await ctx.newClinic();
      await engine.settings(late, {});
      await engine.publish(late, chain('Recall', ['appointment.booked'], [sms('recall', 1, 'recall')]));
      clock.set('2026-03-02T21:00:00Z'); // 22:00 in Paris: quiet hours, the message waits for 08:00
      await bookingWith(late, 'late-1', 'P-LATE', {
        sms: { granted: true, at: '2026-03-01T10:00:00Z' },
      }).expect(202);
      const [planned] = await engine.deliveries(late);
      expect(planned).toMatchObject({ status: 'scheduled', sendAt: new Date('2026-03-03T07:00:00Z') });
      const key = await keyWith(late, ['directory']);
      await ctx
        .http()
        .put('/api/patients/by-external-id/P-LATE')
        .set('X-Api-Key', key)
        .send({
          firstName: 'Léa',
          consent: { sms: { granted: true, purposes: ['reminders'], at: '2026-03-02T20:00:00Z' } },
        })
        .expect(200);
      await engine.at('2026-03-03T07:00:00Z');
      const [sent] = await engine.deliveries(late);
      expect(sent).toMatchObject({
        status: 'skipped',
        reason: "no consent for recall messages (the patient's SMS consent covers reminders)",
      });
    });

    it('should send, in an opt-in clinic, the booking confirmation to a new patient whose consent the PMS sent', async () => {
      const acceptance = await ctx.newClinic();
      await engine.settings(acceptance, {});
      await engine.publish(acceptance, bookingConfirmationFlow);
      const at = '2026-03-01T10:00:00Z';
      await bookingWith(acceptance, 'acc-1', 'P-NEW', {
        sms: { granted: true, at },
        email: { granted: true, at },
      }).expect(202);
      const [confirmation] = await engine.deliveries(acceptance);
      expect(confirmation).toMatchObject({ channel: 'sms', purpose: 'confirmation', status: 'scheduled' });
      await engine.at(clock.now().toISOString());
      expect((await engine.deliveries(acceptance))[0].status).toMatch(/^(sent|delivered)$/);
    });
  });

  describe('"patient created" and the patient-age condition', () => {
    const clinic = ctx.clinic();
    let flowId: string;

    beforeAll(async () => {
      await engine.settings(clinic, { consent: { mode: 'all-with-valid-contact', purposes: [] } });
      flowId = await engine.publish(clinic, welcomeByAge);
    });

    /** The welcome runs of a patient, and the step each one's message went to. */
    async function welcomes(externalId: string) {
      const patient = (await ctx.as(clinic).get(`/api/patients?q=${externalId}`).expect(200)).body.items[0];
      const runs = await engine.runs(clinic, { flowId, patientId: patient.id });
      const deliveries = await engine.deliveries(clinic, { flowId, patientId: patient.id });
      return { runs: runs.length, steps: deliveries.map((d) => d.nodeId) };
    }

    it('should welcome once a new patient of a PMS event, an adult by the birth date the PMS sent', async () => {
      await bookingWith(clinic, 'new-1', 'P-ADULT', undefined, { birthDate: '1990-06-01' }).expect(202);
      expect(await welcomes('P-ADULT')).toEqual({ runs: 1, steps: ['adult'] });
      await bookingWith(clinic, 'new-2', 'P-ADULT', undefined, { birthDate: '1990-06-01' }).expect(202);
      expect(await welcomes('P-ADULT')).toEqual({ runs: 1, steps: ['adult'] });
    });

    it('should welcome a patient the PMS creates with its key, a child by its birth date, and not on an update', async () => {
      const key = await keyWith(clinic, ['directory']);
      const put = (body: object) =>
        ctx.http().put('/api/patients/by-external-id/P-CHILD').set('X-Api-Key', key).send(body).expect(200);
      expect(
        (await put({ firstName: 'Tom', mobile: '06 11 22 33 44', birthDate: '2015-01-01' })).body.created,
      ).toBe(true);
      expect(await welcomes('P-CHILD')).toEqual({ runs: 1, steps: ['child'] });
      await put({ firstName: 'Tom', birthDate: '2015-01-02' });
      expect(await welcomes('P-CHILD')).toEqual({ runs: 1, steps: ['child'] });
    });

    it('should welcome a patient staff create in the editor, and not when they change it', async () => {
      const created = await ctx
        .as(clinic)
        .post('/api/patients', { firstName: 'Zoé', mobile: '06 55 44 33 22' })
        .expect(201);
      const externalLess = async () => ({
        runs: (await engine.runs(clinic, { flowId, patientId: created.body.id })).length,
        steps: (await engine.deliveries(clinic, { flowId, patientId: created.body.id })).map((d) => d.nodeId),
      });
      // no birth date: the patient-age condition answers no
      expect(await externalLess()).toEqual({ runs: 1, steps: ['child'] });
      await ctx.as(clinic).patch(`/api/patients/${created.body.id}`, { birthDate: '1970-01-01' }).expect(200);
      expect(await externalLess()).toEqual({ runs: 1, steps: ['child'] });
    });

    it('should welcome once a new patient whose event intake died before recording it', async () => {
      let reached: () => void = () => undefined;
      const died = new Promise<void>((resolve) => (reached = resolve));
      const dying = jest
        .spyOn(ctx.app.get(PatientIntakeService), 'recordCreated')
        .mockImplementationOnce(() => {
          reached();
          return new Promise<never>(() => undefined);
        });
      const event = bookingEvent('dies-1', 'A-dies-1', '2026-03-07T10:00', { patient: 'P-DIES' });
      const withBirth = { ...event, patient: { ...event.patient, birthDate: '1990-06-01' } };
      void ctx.app.get(EventIntakeService).receive(clinic.clinicId, pmsEventSchema.parse(withBirth));
      await died; // the patient is created, its "patient created" event is not recorded
      dying.mockRestore();
      expect(await welcomes('P-DIES')).toEqual({ runs: 0, steps: [] });
      clock.advance(16_000);
      await ctx.app.get(EventIntakeService).sweepPending(clock.now());
      expect(await welcomes('P-DIES')).toEqual({ runs: 1, steps: ['adult'] });
      clock.advance(16_000);
      await ctx.app.get(EventIntakeService).sweepPending(clock.now());
      expect(await welcomes('P-DIES')).toEqual({ runs: 1, steps: ['adult'] });
    });

    it('should not welcome the patients of a clinic whose flow does not start on "patient created"', async () => {
      const quiet = await ctx.newClinic();
      await engine.settings(quiet, { consent: { mode: 'all-with-valid-contact', purposes: [] } });
      await engine.publish(quiet, purposes);
      await ctx.as(quiet).post('/api/patients', { firstName: 'Zoé', mobile: '06 55 44 33 22' }).expect(201);
      expect(await engine.runs(quiet)).toEqual([]);
    });
  });
});
