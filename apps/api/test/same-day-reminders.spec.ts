// Issue 20, part 8: one message per patient per day. With the clinic's setting on, a reminder names the patient's
// other appointments of its day ({{appointments.text}}), and their own reminders are not sent (skipped, pointing
// at the message that named them). A question is never merged.
import type { Flow } from '@clinicflow/rules';
import { externalDocumentId } from '../src/common/ids';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { EVERY_PATIENT } from './scenario-1';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

/** An SMS reminder 24 h before each appointment, listing the day's appointments. */
const dayReminder = {
  name: 'Day reminder',
  nodes: [
    { id: 'booked', type: 'trigger', position: { x: 0, y: 0 }, data: { events: ['appointment.booked'] } },
    {
      id: 'wait24',
      type: 'wait',
      position: { x: 0, y: 140 },
      data: { relativeTo: 'appointment-start', direction: 'before', amount: 24, unit: 'hours' },
    },
    {
      id: 'sms-day',
      type: 'send',
      position: { x: 0, y: 280 },
      data: {
        label: 'Reminder',
        channel: 'sms',
        recipient: { type: 'patient' },
        purpose: 'reminder',
        template: { byLanguage: { fr: { body: 'Rappel de vos RDV de demain : {{appointments.text}}' } } },
      },
    },
    { id: 'end', type: 'end', position: { x: 0, y: 420 } },
  ],
  edges: [
    { id: 'e1', source: 'booked', target: 'wait24', sourceHandle: null },
    { id: 'e2', source: 'wait24', target: 'sms-day', sourceHandle: null },
    { id: 'e3', source: 'sms-day', target: 'end', sourceHandle: null },
  ],
} as unknown as Flow;

describe('one message per patient per day', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  const patientId = () => externalDocumentId('pat', clinic.clinicId, 'P-DAY');

  beforeAll(async () => {
    await engine.settings(clinic, {
      consent: EVERY_PATIENT,
      providers: { sms: { kind: 'sandbox', options: {} } },
      limits: { minimumLeadTimeHours: 12, onePerPersonPerDay: true, mergeSameDayReminders: true },
    });
    await engine.publish(clinic, dayReminder);
  });

  it('names both appointments of the day in one SMS, and the second reminder is not sent', async () => {
    // Tuesday 10 March 2026 in Paris: 09:30 and 11:00, the same patient
    await engine
      .post(clinic, bookingEvent('day-1', 'A-DAY-1', '2026-03-10T09:30', { patient: 'P-DAY' }))
      .expect(202);
    await engine
      .post(clinic, bookingEvent('day-2', 'A-DAY-2', '2026-03-10T11:00', { patient: 'P-DAY' }))
      .expect(202);
    await engine.at('2026-03-02T08:00:00Z');
    // 24 h before 09:30, then 24 h before 11:00
    await engine.at('2026-03-09T08:30:00Z');
    await engine.at('2026-03-09T10:00:00Z');

    const sent = await engine.deliveries(clinic, { patientId: patientId() });
    expect(sent.map((d) => [d.appointmentId, d.status])).toEqual([
      [externalDocumentId('apt', clinic.clinicId, 'A-DAY-1'), expect.stringMatching(/^(sent|delivered)$/)],
      [externalDocumentId('apt', clinic.clinicId, 'A-DAY-2'), 'skipped'],
    ]);
    const [first, second] = sent;
    expect(first.text).toMatch(/^Rappel de vos RDV de demain : 09:30 .+\n11:00 .+$/);
    expect(second).toMatchObject({
      mergedInto: first._id,
      why: { code: 'merged-same-day', params: { day: '2026-03-09' } },
    });
  });

  it('sends each reminder alone, naming its own appointment, when the setting is off', async () => {
    await engine.settings(clinic, {
      limits: { minimumLeadTimeHours: 12, onePerPersonPerDay: false, mergeSameDayReminders: false },
    });
    await engine
      .post(clinic, bookingEvent('day-3', 'A-DAY-3', '2026-03-17T09:30', { patient: 'P-DAY' }))
      .expect(202);
    await engine
      .post(clinic, bookingEvent('day-4', 'A-DAY-4', '2026-03-17T11:00', { patient: 'P-DAY' }))
      .expect(202);
    await engine.at('2026-03-16T08:30:00Z');
    await engine.at('2026-03-16T10:00:00Z');
    const texts = (await engine.deliveries(clinic, { patientId: patientId() }))
      .filter((d) => d.sendAt >= new Date('2026-03-16T00:00:00Z'))
      .map((d) => [d.status, d.text]);
    expect(texts).toEqual([
      [expect.stringMatching(/^(sent|delivered)$/), expect.stringMatching(/: 09:30 [^\n]+$/)],
      [expect.stringMatching(/^(sent|delivered)$/), expect.stringMatching(/: 11:00 [^\n]+$/)],
    ]);
  });
});
