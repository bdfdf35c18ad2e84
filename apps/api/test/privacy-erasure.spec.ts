import { remindersFlow } from '@clinicflow/rules';
import { Db } from 'mongodb';
import { DeliveryStatusService } from '../src/modules/deliveries/delivery-status.service';
import { ReplyService } from '../src/modules/replies/reply.service';
import { engineDriver } from './engine-fixtures';
import { bookingOf, countNaming, subject, subjectTerms, total } from './privacy-fixtures';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

const other = {
  externalId: 'PAT-KEEP-5512',
  firstName: 'Anselme',
  lastName: 'Trégastel',
  mobile: '06 55 44 33 22',
  e164: '+33655443322',
  email: 'anselme.tregastel@example.org',
};

describe('erasure of a patient (DELETE /api/patients/:id)', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  let patientId: string;

  beforeAll(async () => {
    await engine.settings(clinic, {
      consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
      providers: {
        sms: { kind: 'sandbox', options: { receiptDelayMs: 20 } },
        email: { kind: 'sandbox', options: { receiptDelayMs: 20 } },
      },
    });
    await engine.publish(clinic, remindersFlow);
    await engine.post(clinic, bookingOf('e-book-1', 'A-ERASE-1', '2026-03-07T10:00')).expect(202);
    await engine.post(clinic, bookingOf('e-book-2', 'A-ERASE-2', '2026-03-27T10:00')).expect(202);
    await engine.post(clinic, bookingOf('e-book-3', 'A-KEEP-1', '2026-03-07T11:00', other)).expect(202);
    // The e-mail 48 h before and the SMS question 24 h before go out through the sandbox.
    await engine.at('2026-03-05T09:30:00Z');
    await engine.at('2026-03-06T10:30:00Z');
    const [patient] = await ctx.app
      .get(Db)
      .collection('patients')
      .find({ externalId: subject.externalId })
      .toArray();
    patientId = patient._id as unknown as string;
    // A reply no flow understands waits in the inbox.
    await ctx.app.get(ReplyService).receive(clinic.clinicId, 'sms', 'sandbox', {
      from: subject.e164,
      to: '+33700000000',
      text: `Ici ${subject.firstName}, quel étage ?`,
      at: clock.now(),
    });
    // A message still to go: a one-off planned for later.
    await ctx
      .as(clinic)
      .post('/api/sends', {
        channel: 'sms',
        patientId,
        template: { body: 'Bonjour {{patient.firstName}}, le cabinet sera fermé lundi.' },
        sendAt: '2026-03-12T09:00:00Z',
      })
      .expect(201);
    // And one typed to their number by hand: no patient id, only the address names them.
    await ctx
      .as(clinic)
      .post('/api/sends', {
        channel: 'sms',
        to: subject.mobile,
        template: { body: 'Votre ordonnance est prête.' },
        sendAt: '2026-03-12T09:00:00Z',
      })
      .expect(201);
  });

  it('should find the patient in the collections before the erasure', async () => {
    const before = await countNaming(ctx.app, subjectTerms);
    for (const name of [
      'patients',
      'appointments',
      'events',
      'deliveries',
      'replies',
      'sandbox_messages',
      'runs',
    ]) {
      expect({ [name]: before[name] }).toEqual({ [name]: expect.any(Number) });
      expect(before[name]).toBeGreaterThan(0);
    }
    const deliveries = await engine.deliveries(clinic, { patientId } as never);
    expect(
      deliveries.filter((d) => ['sent', 'delivered', 'answered'].includes(d.status)).length,
    ).toBeGreaterThanOrEqual(2);
    expect(deliveries.filter((d) => d.status === 'scheduled')).toHaveLength(1);
  });

  it('should refuse staff (403) and the PMS key (a key is no credential for this route)', async () => {
    await ctx.as(clinic, clinic.staffToken).delete(`/api/patients/${patientId}`).expect(403);
    const byKey = await ctx.http().delete(`/api/patients/${patientId}`).set('x-api-key', clinic.apiKey);
    expect([401, 403]).toContain(byKey.status);
    expect((await countNaming(ctx.app, subjectTerms)).patients).toBe(1);
  });

  it('should leave no document naming the patient in any collection, and cancel what was still to go', async () => {
    const reportBefore = await ctx
      .as(clinic)
      .get('/api/deliveries/summary?from=2026-03-01&to=2026-03-31')
      .expect(200);
    const answer = await ctx.as(clinic).delete(`/api/patients/${patientId}`).expect(200);
    expect(answer.body).toMatchObject({ patientId, appointments: 2, cancelled: 2, replies: 1 });
    expect(answer.body.deliveries).toBe(4);

    const after = await countNaming(ctx.app, subjectTerms);
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
    expect(total(after)).toBe(0);
    // The other patient is untouched.
    const kept = await countNaming(ctx.app, [other.lastName, other.e164]);
    expect(kept.patients).toBe(1);
    expect(kept.deliveries).toBeGreaterThan(0);

    const deliveries = await engine.deliveries(clinic, { patientId } as never);
    const every = await engine.deliveries(clinic);
    expect(every.filter((d) => d.status === 'scheduled')).toEqual([]);
    expect(every.filter((d) => d.status === 'cancelled')).toHaveLength(2);
    expect(deliveries.every((d) => d.text === null && d.recipient.address === null)).toBe(true);
    await ctx.as(clinic).get(`/api/patients/${patientId}`).expect(404);
    // The report's drawer still opens an emptied message whose run is gone.
    const drawer = await ctx.as(clinic).get(`/api/deliveries/${deliveries[0]._id}`).expect(200);
    expect(JSON.stringify(drawer.body)).not.toContain(subject.lastName);
    // The report still counts every message, per day and in credits: 4 to the patient, 2 to the other.
    const reportAfter = await ctx
      .as(clinic)
      .get('/api/deliveries/summary?from=2026-03-01&to=2026-03-31')
      .expect(200);
    const perDay = (body: { days: { day: string; total: number; credits: number }[] }) =>
      body.days.map(({ day, total, credits }) => ({ day, total, credits }));
    expect(perDay(reportAfter.body)).toEqual(perDay(reportBefore.body));
    expect(reportAfter.body.days.reduce((sum: number, d: { total: number }) => sum + d.total, 0)).toBe(6);

    const audit = await ctx.as(clinic).get('/api/audit?action=patient.erased').expect(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        target: { type: 'patient', id: patientId, label: null },
        details: expect.objectContaining({ appointments: 2, deliveries: 4, cancelled: 2, replies: 1 }),
      }),
    ]);
    expect(JSON.stringify(audit.body)).not.toContain(subject.lastName);
  });

  it('should not let a send that was under way write the erased text back', async () => {
    // the dispatcher claimed a message, the erasure emptied it, then the provider's answer is recorded
    const [erased] = await engine.deliveries(clinic, { patientId } as never);
    await ctx.app.get(DeliveryStatusService).record(erased, {
      status: 'sent',
      at: clock.now(),
      by: 'test',
      set: { text: `Bonjour ${subject.firstName} ${subject.lastName}`, subject: 'RDV' },
    });
    const [after] = (await engine.deliveries(clinic, { patientId } as never)).filter(
      (d) => d._id === erased._id,
    );
    expect(after).toMatchObject({ status: 'sent', text: null, subject: null });
    expect(total(await countNaming(ctx.app, subjectTerms))).toBe(0);
  });

  it('should make a new patient, not revive the erased one, on a later PMS event for the same external id', async () => {
    await engine.post(clinic, bookingOf('e-book-4', 'A-ERASE-3', '2026-04-10T10:00')).expect(202);
    const found = await ctx.app
      .get(Db)
      .collection('patients')
      .find({ externalId: subject.externalId })
      .toArray();
    expect(found).toHaveLength(1);
    expect(found[0]._id).not.toBe(patientId);
    await ctx.as(clinic).get(`/api/patients/${patientId}`).expect(404);
    const fresh = await ctx
      .as(clinic)
      .get(`/api/patients/${found[0]._id as unknown as string}`)
      .expect(200);
    expect(fresh.body).toMatchObject({ lastName: subject.lastName, attendance: { attended: 0, noShows: 0 } });
    // Its appointment is its own: the erased patient's are not back.
    const appointments = await ctx.app
      .get(Db)
      .collection('appointments')
      .find({ patientId: found[0]._id })
      .toArray();
    expect(appointments.map((a) => a.externalId)).toEqual(['A-ERASE-3']);
  });

  it('should answer 404 for a patient already erased', async () => {
    await ctx.as(clinic).delete(`/api/patients/${patientId}`).expect(404);
  });
});
