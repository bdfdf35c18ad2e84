import { externalDocumentId } from '../src/common/ids';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

/**
 * `GET /api/appointments/next-visits` (issue 15, item 7): each patient's next visit, so that a search tells
 * namesakes apart (the simulation's patient picker shows it beside the birth date).
 */
describe('appointments: next visits', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  const other = ctx.clinic();
  const patient = (key: string, of = clinic) => externalDocumentId('pat', of.clinicId, key);

  beforeAll(async () => {
    // Léa: a past visit, a cancelled one and two to come; Hugo: nothing to come
    const book = (id: string, apt: string, start: string, who: string, type = 'appointment.booked') =>
      engine.post(clinic, bookingEvent(id, apt, start, { patient: who, type })).expect(202);
    await book('e1', 'A-past', '2026-02-20T10:00', 'P-LEA');
    await book('e2', 'A-later', '2026-04-10T09:00', 'P-LEA');
    await book('e3', 'A-next', '2026-03-20T14:30', 'P-LEA');
    await book('e4', 'A-gone', '2026-03-10T11:00', 'P-LEA');
    await engine
      .post(clinic, {
        ...bookingEvent('e5', 'A-gone', '2026-03-10T11:00', { patient: 'P-LEA' }),
        type: 'appointment.cancelled',
        occurredAt: '2026-03-02T08:00:01Z',
      })
      .expect(202);
    await book('e6', 'A-hugo-past', '2026-02-01T10:00', 'P-HUGO');
  });

  it('should answer each patient’s first booked or confirmed appointment still to come', async () => {
    const ids = [patient('P-LEA'), patient('P-HUGO')].join(',');
    const res = await ctx
      .as(clinic, clinic.staffToken)
      .get(`/api/appointments/next-visits?patientIds=${ids}`)
      .expect(200);
    expect(res.body.items).toEqual([
      {
        patientId: patient('P-LEA'),
        appointment: expect.objectContaining({ externalId: 'A-next', start: '2026-03-20T13:30:00.000Z' }),
      },
    ]);
  });

  it('should leave out another clinic’s patients', async () => {
    const res = await ctx
      .as(other)
      .get(`/api/appointments/next-visits?patientIds=${patient('P-LEA')}`)
      .expect(200);
    expect(res.body.items).toEqual([]);
  });

  it.each([
    ['no patient', '', 'query.patientIds'],
    ['more than 50 patients', Array.from({ length: 51 }, (_, i) => `p${i}`).join(','), 'query.patientIds'],
    ['an id that is not one of ours', encodeURIComponent('pat_1,€uro'), 'query.patientIds'],
    ['an id over 64 characters', 'p'.repeat(65), 'query.patientIds'],
  ])('should refuse %s with a 400 naming the field', async (_title, ids, path) => {
    const res = await ctx.as(clinic).get(`/api/appointments/next-visits?patientIds=${ids}`).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
  });
});
