import { recallFlow } from '@clinicflow/rules';
import { externalDocumentId } from '../src/common/ids';
import { bookingEvent, engineDriver, sentAtLocal } from './engine-fixtures';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

/**
 * F7, recall per appointment, per service and by default: the starter recall (6 months after the visit at
 * 10:00, "use the recall interval") with a visit whose appointment the PMS gave 3 months, one whose service
 * has 12 months, and one with neither. Each message goes at 10:00 clinic time, across daylight-saving changes.
 */
describe('recall (F7): the appointment’s interval, the service’s, the default', () => {
  const clock = new TestClock('2026-03-10T15:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  const patientOf = (externalId: string) => externalDocumentId('pat', clinic.clinicId, externalId);

  /** A visit attended on 10 March 2026 at 15:30 in Paris (winter time), of a service, maybe with a recall interval. */
  const visit = (patient: string, service: string, recallMonths?: number) => {
    const event = bookingEvent(`${patient}-visit`, `${patient}-visit`, '2026-03-10T15:30', {
      type: 'appointment.attended',
      at: '2026-03-10T15:00:00Z',
      patient,
      service,
    });
    return { ...event, appointment: { ...event.appointment, ...(recallMonths ? { recallMonths } : {}) } };
  };

  beforeAll(async () => {
    await engine.settings(clinic, {
      consent: { mode: 'all-with-valid-contact', purposes: ['reminders', 'recall'] },
      phone: '+33145678900',
    });
    await ctx
      .as(clinic)
      .put('/api/services/by-external-id/S-BILAN', { name: 'Bilan annuel', recallIntervalMonths: 12 })
      .expect(200);
    await ctx.as(clinic).put('/api/services/by-external-id/S-SOIN', { name: 'Soin' }).expect(200);
    await engine.publish(clinic, recallFlow);
  });

  it('should refuse a recall interval the PMS gets wrong, naming the field', async () => {
    const wrong = visit('P-bad-2', 'S-SOIN');
    const refused = await engine
      .post(clinic, { ...wrong, appointment: { ...wrong.appointment, recallMonths: 500 } })
      .expect(400);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'body.appointment.recallMonths',
    ]);
  });

  it('should plan each recall at 10:00 clinic time after its own interval, and send nothing before', async () => {
    await engine.post(clinic, visit('P-appointment', 'S-BILAN', 3)).expect(202);
    await engine.post(clinic, visit('P-service', 'S-BILAN')).expect(202);
    await engine.post(clinic, visit('P-default', 'S-SOIN')).expect(202);
    await engine.at('2026-03-10T16:00:00Z');

    // The waits end at 10:00 local: summer time in June and September (+02:00), winter time in March 2027.
    const timers = Object.fromEntries(
      (await engine.runs(clinic)).map((run) => [run.patientId, run.timerAt?.toISOString()]),
    );
    expect(timers[patientOf('P-appointment')]).toBe('2026-06-10T08:00:00.000Z');
    expect(timers[patientOf('P-service')]).toBe('2027-03-10T09:00:00.000Z');
    expect(timers[patientOf('P-default')]).toBe('2026-09-10T08:00:00.000Z');

    const recalls = async (patient: string) =>
      engine.deliveries(clinic, { nodeId: 'sms-recall', patientId: patientOf(patient) });

    await engine.at('2026-06-10T07:59:00Z');
    expect(await recalls('P-appointment')).toEqual([]);
    await engine.at('2026-06-10T08:00:00Z');
    const [byAppointment] = await recalls('P-appointment');
    sentAtLocal(byAppointment, '2026-06-10 10:00');
    expect(byAppointment.text).toContain('+33145678900');

    await engine.at('2026-09-10T08:00:00Z');
    sentAtLocal((await recalls('P-default'))[0], '2026-09-10 10:00');
    expect(await recalls('P-service')).toEqual([]);

    await engine.at('2027-03-10T09:00:00Z');
    sentAtLocal((await recalls('P-service'))[0], '2027-03-10 10:00');
    for (const patient of ['P-appointment', 'P-service', 'P-default']) {
      expect(await recalls(patient)).toHaveLength(1);
    }
  });

  it('should keep the interval the PMS gave on the appointment', async () => {
    const { body } = await ctx
      .as(clinic)
      .get(`/api/appointments/${externalDocumentId('apt', clinic.clinicId, 'P-appointment-visit')}`)
      .expect(200);
    expect(body.recallMonths).toBe(3);
  });
});
