import { TEMPLATE_VARIABLES } from '@clinicflow/channels';
import type { Flow } from '@clinicflow/rules';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

/**
 * Every variable the editor's picker offers for an appointment is filled by a real run: a flow using them all
 * publishes (the validator accepts them) and its SMS is written with a value for each, from the clinic's
 * settings and directory as the API stores them (the rules library's catalogue, C3).
 */
describe('template variables: what the picker offers, a run fills', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  const offered = TEMPLATE_VARIABLES.filter((variable) => variable.group !== 'delay');

  const flow = (body: string): Flow => ({
    id: 'every-variable',
    name: 'Every variable',
    nodes: [
      { id: 'start', type: 'trigger', position: { x: 0, y: 0 }, data: { events: ['appointment.booked'] } },
      {
        id: 'sms',
        type: 'send',
        position: { x: 0, y: 100 },
        data: {
          label: 'Every variable',
          channel: 'sms',
          recipient: { type: 'patient' },
          purpose: 'notice',
          template: { byLanguage: { fr: { body } } },
        },
      },
      { id: 'end', type: 'end', position: { x: 0, y: 200 } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'sms', sourceHandle: null },
      { id: 'e2', source: 'sms', target: 'end', sourceHandle: null },
    ],
  });

  it('writes a value for each of them in an appointment flow', async () => {
    await engine.settings(clinic, {
      phone: '+33142685300',
      website: 'https://cabinet-du-parc.example',
      consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
    });
    const as = ctx.as(clinic);
    await as
      .put('/api/services/by-external-id/S-CHECK', {
        name: 'Détartrage',
        durationMinutes: 30,
        price: 45,
        notes: 'Venez 10 minutes en avance.',
        prerequisites: 'Apportez votre carte Vitale.',
        group: 'Soins dentaires',
      })
      .expect((res) => expect(res.status).toBeLessThan(300));
    await as
      .put('/api/resources/by-external-id/R-DUPONT', {
        name: 'Dr Dupont',
        phone: '+33142685301',
        address: '3 place du Parc, 75011 Paris',
      })
      .expect((res) => expect(res.status).toBeLessThan(300));
    await as
      .put('/api/locations/by-external-id/L-MAIN', {
        name: 'Cabinet du Parc',
        city: 'Paris',
        phone: '+33142685300',
        address: '3 place du Parc, 75011 Paris',
        notes: 'Interphone 12',
      })
      .expect((res) => expect(res.status).toBeLessThan(300));
    await as
      .put('/api/patients/by-external-id/P-V1', {
        firstName: 'Léa',
        lastName: 'Martin',
        mobile: '06 12 34 56 78',
        email: 'lea.martin@example.org',
        language: 'fr',
        address: '12 rue des Lilas, 75011 Paris',
      })
      .expect((res) => expect(res.status).toBeLessThan(300));
    const body = offered.map((variable) => `{{${variable.path}}}`).join('|');
    await engine.publish(clinic, flow(body));
    // a later appointment of the patient, for {{patient.nextAppointmentAt}}
    await engine.post(clinic, bookingEvent('v0', 'V0', '2026-09-07T10:00', { patient: 'P-V1' })).expect(202);
    await engine.at('2026-03-02T08:00:00Z');
    const booking = bookingEvent('v1', 'V1', '2026-03-07T10:00', { patient: 'P-V1' });
    await engine.post(clinic, {
      ...booking,
      appointment: { ...booking.appointment, notes: 'Première visite' },
    });
    await engine.at('2026-03-02T08:01:00Z');

    const sent = (await engine.deliveries(clinic, { nodeId: 'sms' })).find((d) => d.text?.includes('07/03'));
    expect(sent).toMatchObject({ status: expect.stringMatching(/^(sent|delivered)$/) });
    const values = Object.fromEntries(sent!.text!.split('|').map((value, i) => [offered[i].path, value]));
    expect(Object.entries(values).filter(([, value]) => value.trim() === '')).toEqual([]);
    expect(values).toMatchObject({
      'patient.address': '12 rue des Lilas, 75011 Paris',
      'service.duration': '30',
      'service.group': 'Soins dentaires',
      'appointment.longDate': 'samedi 7 mars',
      'appointment.notes': 'Première visite',
      'resource.address': '3 place du Parc, 75011 Paris',
    });
  });
});
