/**
 * The drift between the three users of the variable catalogue, per trigger event: the editor's variable picker
 * (`TEMPLATE_VARIABLES`), the flow validator of the rules library, and a real send. For every variable the
 * picker offers, the validator must accept it exactly when a message using it is written with a value: else a
 * manager's pick blocks publishing, or a published flow fails at send time with "No value for …".
 *
 * The send is the dispatcher's: the rules' `templateData` of the context the API builds for a run
 * (`evaluation-context.service.ts`, here for a clinic whose directory is filled in completely), merged as
 * `delivery-renderer.service.ts` does, then `composeMessage`.
 */
import {
  templateData,
  triggerEventSchema,
  validateFlow,
  type EvaluationContext,
  type TriggerEvent,
} from '@clinicflow/rules';
import { composeMessage } from '../messages/compose-message';
import { runMessageContext } from './message-context';
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
    },
    event: {
      type: event,
      at: '2026-12-02T09:00:00.000Z',
      ...(event === 'resource.delayed' ? { minutes: 20 } : {}),
    },
    recentDeliveries: [],
  };
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

/** The message a send step with this text gets at send time, or why it cannot be written. */
function send(event: TriggerEvent, body: string): { text: string } | { error: string } {
  const data = templateData(engineContext(event), now.toISOString());
  const context = runMessageContext(data, { language: 'fr' });
  const result = composeMessage({
    channel: 'sms',
    template: { body, variants: { fr: { body } } },
    context,
    patientLanguage: 'fr',
    now,
  });
  return result.ok ? { text: result.message.text } : { error: result.errors[0].message };
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
    'should offer {{%s}} only if some flow may use it',
    (path) => {
      expect(events.filter((event) => variableProblems(event, `{{${path}}}`).length === 0)).not.toEqual([]);
    },
  );

  it('should accept the whole picker in an appointment flow and fill every value', () => {
    const body = TEMPLATE_VARIABLES.filter((v) => !v.path.startsWith('delay.'))
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
