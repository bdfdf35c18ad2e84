/**
 * The drift between the three users of the variable catalogue, per trigger event: the editor's variable picker
 * (`TEMPLATE_VARIABLES`), the flow validator of the rules library, and a real send. For every variable the
 * picker offers, the validator must accept it exactly when a message using it is written with a value: else a
 * manager's pick blocks publishing, or a published flow fails at send time with "No value for …".
 *
 * The send is the dispatcher's: the rules' `templateData` of the context the API builds for a run
 * (`evaluation-context.service.ts`, here for a clinic whose directory is filled in completely), merged as
 * `delivery-renderer.service.ts` does, then `composeMessage`. The same holds for one-off and batch sends,
 * whose check is `templateFieldsForSend` (the API's `sendTemplateProblems`) and whose data adds the sending user.
 */
import {
  templateData,
  templateFieldsForEvents,
  templateFieldsForSend,
  triggerEventSchema,
  validateFlow,
  type EvaluationContext,
  type SendSubject,
  type TriggerEvent,
} from '@clinicflow/rules';
import { composeMessage } from '../messages/compose-message';
import { ownAppointmentDay } from './day-list-view';
import { runMessageContext, sampleMessageContext } from './message-context';
import { TEMPLATE_VARIABLES } from './variable-catalogue';

const now = new Date('2026-12-02T10:00:00Z');
const events = triggerEventSchema.options as readonly TriggerEvent[];

/** What the API's context builder gives a run of this event, the clinic's data all filled in. */
function engineContext(event: TriggerEvent): EvaluationContext {
  const aboutAppointment = event.startsWith('appointment.') || event.startsWith('resource.');
  const context: EvaluationContext = {
    clinic: {
      id: 'clinic-1',
      name: 'Cabinet du Parc',
      phone: '+33142685300',
      website: 'https://cabinet-du-parc.example',
      country: 'FR',
      timeZone: 'Europe/Paris',
      defaultLanguage: 'fr',
      communicationsEnabled: true,
    },
    patient: {
      id: 'pat-1',
      firstName: 'Léa',
      lastName: 'Martin',
      mobile: '+33612345678',
      email: 'lea.martin@example.org',
      language: 'fr',
      address: '12 rue des Lilas, 75011 Paris',
      consent: { sms: true },
      attendance: { visits: 3, noShows: 0, lastVisitAt: '2026-06-01T08:00:00.000Z' },
      nextAppointmentAt: '2027-06-03T07:30:00.000Z',
      insurer: 'MGEN',
      // the stored phone, also as `mobile`: the address a step to the referring doctor sends to
      referringDoctor: {
        name: 'Dr Anne Leroy',
        email: 'a.leroy@example.org',
        phone: '+33145678902',
        mobile: '+33145678902',
      },
    },
    event: {
      type: event,
      at: '2026-12-02T09:00:00.000Z',
      ...(event === 'resource.delayed' ? { minutes: 20 } : {}),
    },
    recentDeliveries: [],
  };
  if (event === 'schedule.daily') return dailyListContext(context);
  if (!aboutAppointment) return context;
  context.appointment = {
    id: 'apt-1',
    start: '2026-12-03T08:30:00.000Z',
    end: '2026-12-03T09:00:00.000Z',
    status: 'booked',
    confirmation: 'pending',
    source: 'online',
    bookedAt: '2026-11-20T13:05:00.000Z',
    serviceId: 'svc-1',
    resourceId: 'res-1',
    locationId: 'loc-1',
    notes: 'Première visite',
  };
  // A directory entry's fields as stored (entryFields), plus what the context builder adds to them.
  context.service = {
    id: 'svc-1',
    externalId: 'S-HYG',
    name: 'Détartrage',
    durationMinutes: 30,
    duration: 30,
    price: 45,
    notes: 'Venez 10 minutes en avance.',
    prerequisites: 'Apportez votre carte Vitale.',
    group: 'Soins dentaires',
    recallIntervalMonths: 6,
    recallMonths: 6,
  };
  context.resource = {
    id: 'res-1',
    name: 'Dr Hugo Bernard',
    kind: 'practitioner',
    phone: '+33142685301',
    mobile: '+33142685301',
    email: 'h.bernard@example.org',
    address: '3 place du Parc, 75011 Paris',
  };
  context.location = {
    id: 'loc-1',
    name: 'Cabinet du Parc',
    address: '3 place du Parc, 75011 Paris',
    city: 'Paris',
    phone: '+33142685300',
    notes: 'Interphone 12',
  };
  return context;
}

/** A daily trigger's run (F10): about a practitioner and their list of the next day, no patient. */
function dailyListContext(context: EvaluationContext): EvaluationContext {
  return {
    ...context,
    patient: {},
    resource: {
      id: 'res-1',
      name: 'Dr Hugo Bernard',
      phone: '+33142685301',
      mobile: '+33142685301',
      email: 'h.bernard@example.org',
      address: '3 place du Parc, 75011 Paris',
      language: 'fr',
    },
    dayList: {
      date: '2026-12-03T00:00:00.000+01:00',
      count: 1,
      appointments: [
        { start: '2026-12-03T08:30:00.000Z', patientName: 'Léa Martin', serviceName: 'Détartrage' },
      ],
    },
  };
}

/** A message written at send time from this data, or why it cannot be written. */
function write(data: Record<string, unknown>, body: string): { text: string } | { error: string } {
  // the renderer adds the patient's links (made per delivery at send time): the preferences to a patient's
  // message, those of the appointment's page to one about an appointment
  const { preferences, ...page } = sampleMessageContext().links!;
  const patient = (data.patient as { id?: string } | undefined)?.id !== undefined;
  const links = {
    links: { ...(patient ? { preferences } : {}), ...(data.appointment ? page : {}) },
  };
  // and the appointments it names (its own; merged reminders' too)
  const day = ownAppointmentDay(data);
  const appointments = day ? { appointments: day } : {};
  const context = runMessageContext({ ...data, ...links, ...appointments }, { language: 'fr' });
  const result = composeMessage({
    channel: 'sms',
    template: { body, variants: { fr: { body } } },
    context,
    patientLanguage: 'fr',
    now,
  });
  return result.ok ? { text: result.message.text } : { error: result.errors[0].message };
}

/** The message a flow's send step with this text gets at send time, or why it cannot be written. */
function send(event: TriggerEvent, body: string): { text: string } | { error: string } {
  return write(templateData(engineContext(event), now.toISOString()), body);
}

/**
 * The message of a one-off or batch send (the API's sends module): the context of a `manual` event about the
 * appointment, the patient or nobody, with the sending user added to the data.
 */
function sendBy(subject: SendSubject, body: string): { text: string } | { error: string } {
  const context = engineContext('manual');
  if (subject === 'appointment') Object.assign(context, engineContext('appointment.booked'));
  if (subject === 'nobody') context.patient = {};
  context.event = { type: 'manual', at: now.toISOString() };
  return write({ ...templateData(context, now.toISOString()), user: { name: 'Claire' } }, body);
}

/** The validator's variable problems for a flow of this event whose SMS has this text. */
function variableProblems(event: TriggerEvent, body: string): string[] {
  const flow = {
    id: 'drift',
    name: 'drift',
    nodes: [
      { id: 'start', type: 'trigger', position: { x: 0, y: 0 }, data: { events: [event] } },
      {
        id: 'sms',
        type: 'send',
        position: { x: 0, y: 100 },
        data: { channel: 'sms', recipient: { type: 'patient' }, template: { byLanguage: { fr: { body } } } },
      },
      { id: 'end', type: 'end', position: { x: 0, y: 200 } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'sms', sourceHandle: null },
      { id: 'e2', source: 'sms', target: 'end', sourceHandle: null },
    ],
  };
  return validateFlow(flow, { defaultLanguage: 'fr' })
    .problems.filter((problem) => problem.code?.startsWith('variable-'))
    .map((problem) => problem.message);
}

const subjects: readonly SendSubject[] = ['nobody', 'patient', 'appointment'];
const sendFields = (subject: SendSubject) => templateFieldsForSend(subject).map((field) => field.path);

const cases = events.flatMap((event) =>
  TEMPLATE_VARIABLES.map((variable) => ({ event, path: variable.path })),
);

describe('the variable picker, the validator and a real send', () => {
  it.each(cases)('should agree on {{$path}} in flows started by $event', ({ event, path }) => {
    const body = `{{${path}}}`;
    const accepted = variableProblems(event, body).length === 0;
    const sent = send(event, body);
    const filled = 'text' in sent && sent.text.trim() !== '';
    expect({ path, event, accepted, filled, sent }).toMatchObject({ accepted: filled });
  });

  it.each(TEMPLATE_VARIABLES.map((variable) => variable.path))(
    'should offer {{%s}} only if some flow or send may use it',
    (path) => {
      const flows = events.filter((event) => variableProblems(event, `{{${path}}}`).length === 0);
      const sends = subjects.filter((subject) => sendFields(subject).includes(path));
      expect([...flows, ...sends]).not.toEqual([]);
    },
  );

  it.each(
    subjects.flatMap((subject) => TEMPLATE_VARIABLES.map((variable) => ({ subject, path: variable.path }))),
  )('should agree on {{$path}} in a send about $subject', ({ subject, path }) => {
    const accepted = sendFields(subject).includes(path);
    const sent = sendBy(subject, `{{${path}}}`);
    const filled = 'text' in sent && sent.text.trim() !== '';
    expect({ path, subject, accepted, filled, sent }).toMatchObject({ accepted: filled });
  });

  it('should accept the whole picker in an appointment flow and fill every value', () => {
    // what the picker offers for this flow: not the delay of a late practitioner, nor what only sends have
    const offered = templateFieldsForEvents(['appointment.booked']).map((field) => field.path);
    const body = TEMPLATE_VARIABLES.filter((v) => offered.includes(v.path))
      .map((variable) => `{{${variable.path}}}`)
      .join('|');
    expect(variableProblems('appointment.booked', body)).toEqual([]);
    const sent = send('appointment.booked', body);
    expect('text' in sent && sent.text.split('|').filter((value) => value === '')).toEqual([]);
  });

  it('should say why a value a flow cannot have is refused', () => {
    expect(variableProblems('patient.created', '{{appointment.longDate}}')).toEqual([
      'SMS step "sms" uses {{appointment.longDate}}, which does not exist in flows started by patient created',
    ]);
    expect(send('patient.created', '{{appointment.longDate}}')).toEqual({
      error: expect.stringContaining('No value for "appointment.longDate"'),
    });
  });
});
