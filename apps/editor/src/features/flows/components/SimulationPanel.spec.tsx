import type { Flow } from '@clinicflow/rules';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render-with-providers';
import type { LitPath } from '../hooks/litPathContext';
import { SimulationPanel } from './SimulationPanel';

const flow: Flow = {
  name: 'Rappels',
  nodes: [
    { id: 'booked', type: 'trigger', position: { x: 0, y: 0 }, data: { events: ['appointment.booked'] } },
    {
      id: 'sms24',
      type: 'send',
      position: { x: 0, y: 100 },
      data: { label: 'Rappel la veille', channel: 'sms', recipient: { type: 'patient' }, template: {} },
    },
    {
      id: 'email24',
      type: 'send',
      position: { x: 0, y: 200 },
      data: { channel: 'email', recipient: { type: 'patient' }, template: {} },
    },
  ],
  edges: [
    { id: 'e1', source: 'booked', target: 'sms24', sourceHandle: null },
    { id: 'e2', source: 'sms24', target: 'email24', sourceHandle: null },
  ],
} as Flow;

const timeline = [
  {
    at: '2026-05-02T07:00:00Z',
    local: '2026-05-02T09:00:00+02:00',
    nodeId: 'booked',
    kind: 'trigger',
    channel: null,
    recipient: null,
    status: 'planned',
    text: null,
    reason: null,
  },
  {
    at: '2026-05-11T08:00:00Z',
    local: '2026-05-11T10:00:00+02:00',
    nodeId: 'sms24',
    kind: 'send',
    channel: 'sms',
    recipient: 'patient',
    status: 'planned',
    text: 'Bonjour Léa, RDV demain à 10:00.',
    reason: null,
  },
  {
    at: '2026-05-11T08:00:00Z',
    local: '2026-05-11T10:00:00+02:00',
    nodeId: 'email24',
    kind: 'skip',
    channel: 'email',
    recipient: 'patient',
    status: 'skipped',
    text: null,
    reason: 'E-mail is switched off for service Détartrage',
    why: { code: 'channel-off-service', params: { channel: 'email', service: 'Détartrage' } },
  },
];

const clinic = {
  'GET /settings': [200, { timeZone: 'Europe/Paris', country: 'FR' }] as [number, unknown],
  'GET /services?pageSize=100': [200, { items: [{ id: 'svc-ctrl', name: 'Contrôle' }] }] as [number, unknown],
  'GET /resources?pageSize=100': [
    200,
    { items: [{ id: 'res-bernard', name: 'Dr Hugo Bernard', phone: '+33142685301' }] },
  ] as [number, unknown],
};

function renderPanel(options: { onPickStep?: jest.Mock; onPath?: jest.Mock } = {}) {
  const props = {
    flowId: 'f1',
    defaultEvent: 'appointment.booked',
    beforeRun: jest.fn(async () => undefined),
    stepName: (id: string) => (id === 'sms24' ? 'Rappel la veille' : `step ${id}`),
    onPickStep: options.onPickStep ?? jest.fn(),
    onPath: options.onPath ?? jest.fn(),
    onClose: () => undefined,
  };
  // the page gives the draft as it is edited: a harness stands in for it
  let setFlow: (next: Flow) => void = () => undefined;
  function Harness() {
    const [draft, set] = useState(flow);
    setFlow = set;
    return <SimulationPanel {...props} flow={draft} />;
  }
  renderWithProviders(<Harness />);
  return { ...props, rerender: (next: Flow) => act(() => setFlow(next)) };
}

/** A field by its label (a required field's label ends with Mantine's asterisk). */
const field = (label: string) =>
  screen.getByLabelText(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
const setValue = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });

/** Waits for the form (it starts once the clinic's zone is known), then fills the made-up appointment. */
async function fillMadeUpAppointment(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByLabelText(/^Appointment day/);
  setValue('Day it happens', '2026-05-02');
  setValue('Time it happens', '09:00');
  setValue('Appointment day', '2026-05-12');
  setValue('Appointment time', '10:00');
  setValue('Simulate until the end of', '2026-05-14');
  await user.click(screen.getByRole('button', { name: 'Add a reply' }));
  await user.type(field('Reply text'), 'OUI');
  setValue('Reply day', '2026-05-11');
  setValue('Reply time', '18:05');
}

describe('SimulationPanel', () => {
  it('runs a made-up appointment with a scripted reply, every time read in the clinic’s zone', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      ...clinic,
      'POST /flows/f1/simulate': [200, { valid: true, errors: [], timeline }],
    });
    const { beforeRun } = renderPanel();
    await fillMadeUpAppointment(user);
    // the browser's pickers show their own format: the moment is read back in the clinic's
    expect(screen.getAllByTestId('clinic-moment').map((line) => line.textContent)).toEqual([
      'Sat, 02/05/2026, 09:00, the clinic’s time (Europe/Paris)',
      'Tue, 12/05/2026, 10:00, the clinic’s time (Europe/Paris)',
    ]);
    expect(screen.getByTestId('scripted-reply-sentence')).toHaveTextContent(
      'replies OUI on Monday, 11 May 2026 at 18:05',
    );
    await user.click(screen.getByRole('button', { name: 'Run the simulation' }));
    await waitFor(() => expect(api.calls('POST', '/flows/f1/simulate')).toHaveLength(1));
    expect(beforeRun).toHaveBeenCalled();
    const body = api.calls('POST', '/flows/f1/simulate')[0].body as Record<string, Record<string, unknown>>;
    // clinic-local 09:00 in Paris in May is 07:00 UTC: instants go out, never a browser's local time
    expect(body).toMatchObject({
      version: 'draft',
      event: { type: 'appointment.booked', at: '2026-05-02T07:00:00Z' },
      replies: [{ at: '2026-05-11T16:05:00Z', text: 'OUI' }],
      until: '2026-05-14T21:59:00Z',
    });
    expect(body.context.appointment).toMatchObject({
      start: '2026-05-12T08:00:00Z',
      serviceId: 'svc-ctrl',
      resourceId: 'res-bernard',
    });
    expect(body.context.service).toMatchObject({ id: 'svc-ctrl', name: 'Contrôle' });
    expect(body.context.resource).toEqual({
      id: 'res-bernard',
      name: 'Dr Hugo Bernard',
      mobile: '+33142685301',
    });
  });

  it('shows the timeline in clinic time, each skip in words, lights its path; a row picks its step', async () => {
    const user = userEvent.setup();
    fakeApi({ ...clinic, 'POST /flows/f1/simulate': [200, { valid: true, errors: [], timeline }] });
    const onPickStep = jest.fn();
    const onPath = jest.fn();
    renderPanel({ onPickStep, onPath });
    await screen.findByLabelText(/^Appointment day/);
    await user.click(screen.getByRole('button', { name: 'Run the simulation' }));
    const rows = await screen.findAllByTestId('timeline-row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByTestId('timeline-when')).toHaveTextContent('Mon, 11/05/2026, 10:00');
    expect(rows[1]).toHaveTextContent('Rappel la veille');
    expect(rows[1]).toHaveTextContent('SMS to patient');
    expect(rows[1]).toHaveTextContent('Bonjour Léa, RDV demain à 10:00.');
    expect(within(rows[2]).getByText('skipped')).toBeInTheDocument();
    expect(rows[2]).toHaveTextContent('E-mail is switched off for the service Détartrage');
    expect(screen.getByTestId('clinic-zone')).toHaveTextContent('Europe/Paris');
    await waitFor(() =>
      expect(onPath).toHaveBeenLastCalledWith(expect.objectContaining({ edges: expect.any(Set) })),
    );
    const path = onPath.mock.lastCall![0] as LitPath;
    expect([...path.nodes].sort()).toEqual(['booked', 'email24', 'sms24']);
    expect([...path.edges].sort()).toEqual(['e1', 'e2']);
    await user.click(rows[1]);
    expect(onPickStep).toHaveBeenCalledWith('sms24');
    expect(rows[1]).toHaveAttribute('aria-selected', 'true');
    rows[2].focus();
    await user.keyboard('{Enter}');
    expect(onPickStep).toHaveBeenLastCalledWith('email24');
  });

  it('marks the results out of date when an input or the flow changes, and takes the path off the canvas', async () => {
    const user = userEvent.setup();
    fakeApi({ ...clinic, 'POST /flows/f1/simulate': [200, { valid: true, errors: [], timeline }] });
    const onPath = jest.fn();
    const { rerender } = renderPanel({ onPath });
    await screen.findByLabelText(/^Appointment day/);
    await user.click(screen.getByRole('button', { name: 'Run the simulation' }));
    await screen.findAllByTestId('timeline-row');
    expect(screen.queryByTestId('simulation-stale')).not.toBeInTheDocument();
    setValue('Appointment time', '11:30');
    expect(await screen.findByTestId('simulation-stale')).toBeInTheDocument();
    expect(onPath).toHaveBeenLastCalledWith(null);
    setValue('Appointment time', '10:00');
    await waitFor(() => expect(screen.queryByTestId('simulation-stale')).not.toBeInTheDocument());
    // moving a card changes nothing; changing a step does
    rerender({ ...flow, nodes: flow.nodes.map((n) => ({ ...n, position: { x: 50, y: 50 } })) } as Flow);
    expect(screen.queryByTestId('simulation-stale')).not.toBeInTheDocument();
    rerender({ ...flow, nodes: flow.nodes.slice(0, 2), edges: flow.edges.slice(0, 1) } as Flow);
    expect(await screen.findByTestId('simulation-stale')).toBeInTheDocument();
  });

  it('finds a patient with their birth date and next visit, and simulates their appointment around its time', async () => {
    const user = userEvent.setup();
    const namesakes = [
      { id: 'p1', firstName: 'Léa', lastName: 'Martin', birthDate: '1985-03-12', language: 'fr' },
      { id: 'p2', firstName: 'Léa', lastName: 'Martin', birthDate: '2001-11-30', language: 'en' },
    ];
    const api = fakeApi({
      ...clinic,
      'GET /patients?pageSize=20': [200, { items: namesakes, total: 2 }],
      'GET /appointments/next-visits?patientIds=p1,p2': [
        200,
        { items: [{ patientId: 'p2', appointment: { start: '2026-06-11T08:00:00.000Z' } }] },
      ],
      'GET /appointments?patientId=p2&pageSize=100': [
        200,
        {
          items: [
            {
              id: 'a1',
              start: '2026-06-11T08:00:00.000Z',
              status: 'booked',
              serviceId: 'svc-ctrl',
              resourceId: 'res-bernard',
            },
          ],
        },
      ],
      'GET /locations?pageSize=100': [200, { items: [] }],
      'POST /flows/f1/simulate': [200, { valid: true, errors: [], timeline }],
    });
    renderPanel();
    await screen.findByLabelText(/^Appointment day/);
    await user.click(screen.getByRole('radio', { name: 'A patient of the clinic' }));
    expect(screen.getByRole('button', { name: 'Run the simulation' })).toBeDisabled();
    await user.click(screen.getByRole('combobox', { name: 'Fill from a patient' }));
    expect(
      await screen.findByRole('option', { name: 'Léa Martin · born 12/03/1985', hidden: true }),
    ).toBeInTheDocument();
    await user.click(
      await screen.findByRole('option', {
        name: 'Léa Martin · born 30/11/2001 · next visit 11/06/2026, 10:00',
        hidden: true,
      }),
    );
    await user.click(screen.getByRole('combobox', { name: 'and one of their appointments' }));
    await user.click(
      await screen.findByRole('option', {
        name: 'Thu, 11/06/2026, 10:00 · Contrôle · Dr Hugo Bernard · (booked)',
        hidden: true,
      }),
    );
    // booked ten days before, in clinic time (never a UTC "Z" in a field)
    expect(field('Day it happens')).toHaveValue('2026-06-01');
    expect(field('Time it happens')).toHaveValue('10:00');
    await user.click(screen.getByRole('button', { name: 'Run the simulation' }));
    await waitFor(() => expect(api.calls('POST', '/flows/f1/simulate')).toHaveLength(1));
    expect(api.calls('POST', '/flows/f1/simulate')[0].body).toMatchObject({
      context: {
        patient: { id: 'p2', firstName: 'Léa', lastName: 'Martin', language: 'en' },
        appointment: { id: 'a1', start: '2026-06-11T08:00:00.000Z', resourceId: 'res-bernard' },
      },
      event: { at: '2026-06-01T08:00:00Z' },
      until: '2026-06-13T21:59:00Z',
    });
  });

  it('keeps the sample as JSON behind "advanced", starting from what the form says', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      ...clinic,
      'POST /flows/f1/simulate': [200, { valid: true, errors: [], timeline }],
    });
    renderPanel();
    await screen.findByLabelText(/^Appointment day/);
    expect(screen.queryByRole('textbox', { name: 'Sample patient and appointment' })).not.toBeInTheDocument();
    setValue('Appointment day', '2026-05-12');
    setValue('Appointment time', '10:00');
    await user.click(screen.getByRole('switch', { name: 'Advanced: the sample as JSON' }));
    const json = screen.getByRole('textbox', { name: 'Sample patient and appointment' });
    expect(JSON.parse((json as HTMLTextAreaElement).value)).toMatchObject({
      appointment: { start: '2026-05-12T08:00:00Z' },
      service: { id: 'svc-ctrl' },
    });
    fireEvent.change(json, { target: { value: '{ "patient": ' } });
    await user.click(screen.getByRole('button', { name: 'Run the simulation' }));
    expect(await screen.findByText('This is not valid JSON')).toBeInTheDocument();
    expect(api.calls('POST', '/flows/f1/simulate')).toHaveLength(0);
  });

  it('says why a simulation cannot run', async () => {
    const user = userEvent.setup();
    fakeApi({
      ...clinic,
      'POST /flows/f1/simulate': [
        200,
        {
          valid: false,
          errors: [
            {
              nodeId: null,
              path: 'context.patient.consent',
              message: 'The sample data is not valid at "patient.consent"',
            },
          ],
          timeline: [],
        },
      ],
    });
    renderPanel();
    await screen.findByLabelText(/^Appointment day/);
    await user.click(screen.getByRole('button', { name: 'Run the simulation' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The sample data is not valid at "patient.consent"',
    );
  });
});
