import { TEMPLATE_VARIABLES } from '@clinicflow/channels';
import { templateFieldsForEvents, templateFieldsForSend, type Flow } from '@clinicflow/rules';
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
  // what the picker offers for a flow started by a booking (not a late practitioner's delay, nor the sending user)
  const forBookings = templateFieldsForEvents(['appointment.booked']).map((field) => field.path);
  const offered = TEMPLATE_VARIABLES.filter((variable) => forBookings.includes(variable.path));

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
        insurer: 'MGEN',
        referringDoctor: { name: 'Dr Anne Leroy', phone: '01 45 67 89 02', email: 'a.leroy@example.org' },
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
      'patient.insurer': 'MGEN',
      'patient.referringDoctor.name': 'Dr Anne Leroy',
      'patient.referringDoctor.phone': '01 45 67 89 02',
      'patient.referringDoctor.email': 'a.leroy@example.org',
    });
    expect(offered.map((variable) => variable.path)).not.toContain('user.name');
  });

  it('should refuse the sending user in a flow, naming it', async () => {
    const created = await ctx
      .as(clinic)
      .post('/api/flows', { ...flow('Envoyé par {{user.name}}'), id: undefined })
      .expect(201);
    const { body } = await ctx
      .as(clinic)
      .post(`/api/flows/${created.body.id}/publish`, { note: 'x' })
      .expect(400);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('uses {{user.name}}, which does not exist'),
      }),
    ]);
  });

  it('should write every variable a batch send offers, the sending user’s name included', async () => {
    const users = (await ctx.as(clinic).get('/api/users').expect(200)).body as {
      email: string;
      name: string;
    }[];
    const staff = users.find((user) => user.email !== clinic.managerEmail)!;
    const paths = templateFieldsForSend('appointment').map((field) => field.path);
    const body = paths.map((path) => `{{${path}}}`).join('|');
    const batch = await ctx
      .as(clinic, clinic.staffToken)
      .post('/api/batch-sends', {
        query: { channel: 'sms', from: '2026-03-07', to: '2026-03-07' },
        template: { body },
        removed: [],
      })
      .expect(201);
    await engine.at('2026-03-02T08:02:00Z');
    const [sent] = await engine.deliveries(clinic, { batchId: batch.body.id });
    expect(sent).toMatchObject({ status: expect.stringMatching(/^(sent|delivered)$/), sentBy: staff.email });
    const values = Object.fromEntries(sent.text!.split('|').map((value, i) => [paths[i], value]));
    expect(Object.entries(values).filter(([, value]) => value.trim() === '')).toEqual([]);
    expect(values).toMatchObject({
      'user.name': staff.name,
      'patient.insurer': 'MGEN',
      'patient.referringDoctor.name': 'Dr Anne Leroy',
      'appointment.longDate': 'samedi 7 mars',
    });
  });

  it.each([
    ['an appointment’s date in a one-off to a patient', '{{appointment.longDate}}', true],
    ['a patient’s insurer in a message to a bare number', '{{patient.insurer}}', false],
  ])(
    'should answer 400 naming the text for %s, before anything is planned',
    async (_title, text, toPatient) => {
      const patients = (await ctx.as(clinic).get('/api/patients?q=Martin').expect(200)).body.items as {
        id: string;
      }[];
      const recipient = toPatient ? { patientId: patients[0].id } : { to: '06 98 76 54 32' };
      const { body } = await ctx
        .as(clinic)
        .post('/api/sends', { channel: 'sms', ...recipient, template: { body: `Bonjour ${text}` } })
        .expect(400);
      expect(body.errors).toEqual([
        { path: 'body.template.body', message: expect.stringContaining(`${text} cannot be filled`) },
      ]);
    },
  );

  it('should write the sending user and the patient’s next appointment in a one-off to a patient', async () => {
    const patients = (await ctx.as(clinic).get('/api/patients?q=Martin').expect(200)).body.items as {
      id: string;
    }[];
    const sent = await ctx
      .as(clinic)
      .post('/api/sends', {
        channel: 'sms',
        patientId: patients[0].id,
        template: {
          body: '{{user.name}}|{{patient.referringDoctor.email}}|{{date patient.nextAppointmentAt "d MMMM"}}',
        },
      })
      .expect(201);
    await engine.at('2026-03-02T08:03:00Z');
    const detail = (await ctx.as(clinic).get(`/api/deliveries/${sent.body.id}`).expect(200)).body;
    expect(detail).toMatchObject({
      text: 'Manager|a.leroy@example.org|7 mars',
      sentBy: clinic.managerEmail,
    });
  });
});
