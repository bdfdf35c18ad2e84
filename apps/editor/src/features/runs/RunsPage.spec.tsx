import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { storeToken } from '../../api/session';
import { fakeApi } from '../../test/fakeApi';
import { renderRoutes } from '../../test/renderRoutes';

const signedIn = {
  'GET /health': [200, { status: 'ok', info: { database: { status: 'up' } } }] as [number, unknown],
  'GET /auth/me': [200, { kind: 'user', clinicId: 'c1', email: 'manager@x.test', role: 'manager' }] as [
    number,
    unknown,
  ],
  'GET /settings': [200, { timeZone: 'Europe/Paris', country: 'FR' }] as [number, unknown],
};

const summary = {
  id: 'run-1',
  flowId: 'f1',
  flowName: 'Rappels',
  flowVersion: 2,
  eventType: 'appointment.booked',
  eventAt: '2026-03-20T10:00:00.000Z',
  status: 'ended',
  nodeId: 'wait24',
  appointmentId: 'a1',
  appointmentStart: '2026-03-25T08:30:00.000Z',
  patientId: 'p1',
  endedReason: 'engine error: the database did not answer',
  endedWhy: { code: 'engine-error', params: {} },
  retryFrom: 'wait24',
  createdAt: '2026-03-20T10:00:01.000Z',
  updatedAt: '2026-03-24T08:30:00.000Z',
};

const steps = [
  {
    at: '2026-03-20T10:00:01.000Z',
    nodeId: 'booked',
    kind: 'trigger',
    outcome: 'passed',
    exit: 'next',
    reason: null,
    why: null,
    message: null,
  },
  {
    at: '2026-03-20T10:00:01.000Z',
    nodeId: 'consent',
    kind: 'condition',
    outcome: 'passed',
    exit: 'yes',
    reason: 'patient consents to SMS',
    why: { code: 'consents', params: { channel: 'sms' } },
    message: null,
  },
  {
    at: '2026-03-24T08:30:00.000Z',
    nodeId: 'wait24',
    kind: 'wait',
    outcome: 'waiting',
    exit: null,
    reason: null,
    why: null,
    message: null,
  },
];

const version = {
  flowId: 'f1',
  version: 2,
  note: '',
  publishedAt: '2026-03-01T10:00:00.000Z',
  publishedBy: 'manager@x.test',
  flow: {
    name: 'Rappels',
    nodes: [
      { id: 'booked', type: 'trigger', position: { x: 0, y: 0 }, data: { events: ['appointment.booked'] } },
      {
        id: 'consent',
        type: 'condition',
        position: { x: 0, y: 140 },
        data: { label: 'Accepte les SMS ?', check: { kind: 'has-consent', channel: 'sms' } },
      },
      {
        id: 'wait24',
        type: 'wait',
        position: { x: 0, y: 280 },
        data: {
          label: 'La veille',
          relativeTo: 'appointment-start',
          direction: 'before',
          amount: 24,
          unit: 'hours',
        },
      },
    ],
    edges: [
      { id: 'e1', source: 'booked', target: 'consent', sourceHandle: null },
      { id: 'e2', source: 'consent', target: 'wait24', sourceHandle: 'yes' },
    ],
  },
};

describe('the run explorer', () => {
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    storeToken('token', false);
  });

  it('lists a patient’s runs in clinic time, each with its flow, what started it and how it stands', async () => {
    fakeApi({
      ...signedIn,
      'GET /patients/p1': [200, { id: 'p1', firstName: 'Inès', lastName: 'Dupont', mobile: '+33612345678' }],
      'GET /appointments?patientId=p1&pageSize=100': [
        200,
        { items: [{ id: 'a1', start: '2026-03-25T08:30:00.000Z' }] },
      ],
      'GET /runs?page=1&pageSize=50&patientId=p1': [
        200,
        { items: [summary], total: 1, page: 1, pageSize: 50 },
      ],
    });
    renderRoutes('/runs?patientId=p1');
    const table = await screen.findByRole('table', { name: 'Runs found' });
    const [row] = await within(table).findAllByTestId('run-row');
    expect(row).toHaveTextContent('20/03/2026, 11:00');
    expect(row).toHaveTextContent('Rappels');
    expect(row).toHaveTextContent('version 2');
    expect(row).toHaveTextContent('an appointment is booked');
    expect(row).toHaveTextContent('25/03/2026, 09:30');
    expect(row).toHaveTextContent('done');
    expect(row).toHaveTextContent('engine error');
    expect(
      within(row).getByRole('link', { name: 'Open the run of Rappels started 20/03/2026, 11:00' }),
    ).toHaveAttribute('href', '/runs/run-1');
    expect(screen.getByTestId('clinic-zone')).toHaveTextContent('Europe/Paris');
  });

  it('shows a run’s decisions by their steps’ names and reasons, and retries it from the step it stopped at', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      ...signedIn,
      'GET /runs/run-1': [200, { ...summary, patientName: 'Inès Dupont', steps }],
      'GET /flows/f1/versions/2': [200, version],
      'POST /runs/run-1/retry': [
        200,
        {
          ...summary,
          status: 'waiting',
          retryFrom: null,
          endedReason: null,
          endedWhy: null,
          patientName: 'Inès Dupont',
          steps,
        },
      ],
    });
    renderRoutes('/runs/run-1');
    expect(await screen.findByRole('heading', { name: 'Run of Rappels' })).toBeInTheDocument();
    expect(screen.getByText('For Inès Dupont')).toBeInTheDocument();
    expect(screen.getByTestId('run-ended')).toHaveTextContent('Ended: The engine could not go on (an error)');
    const decisions = await screen.findAllByTestId('run-decision');
    await waitFor(() => expect(decisions[1]).toHaveTextContent('Accepte les SMS ?'));
    expect(decisions[1]).toHaveTextContent('went on by “yes”');
    expect(decisions[1]).toHaveTextContent('The patient agrees to SMS');
    expect(decisions[2]).toHaveTextContent('La veille');
    expect(decisions[2]).toHaveTextContent('waits until 24/03/2026, 09:30');
    expect(screen.getByTestId('run-decisions')).not.toHaveTextContent(/consent|wait24/);
    // the retry is offered on the step the run stopped at, and only there
    expect(
      within(decisions[1]).queryByRole('button', { name: 'Retry from this step' }),
    ).not.toBeInTheDocument();
    await user.click(within(decisions[2]).getByRole('button', { name: 'Retry from this step' }));
    await waitFor(() => expect(api.calls('POST', '/runs/run-1/retry')).toHaveLength(1));
    expect(await screen.findByTestId('run-status')).toHaveTextContent('waiting');
    expect(screen.queryByRole('button', { name: 'Retry from this step' })).not.toBeInTheDocument();
  });

  it('says so when the run does not exist', async () => {
    fakeApi({ ...signedIn, 'GET /runs/nope': [404, { statusCode: 404, message: 'No run nope' }] });
    renderRoutes('/runs/nope');
    expect(await screen.findByRole('alert')).toHaveTextContent('This run does not exist');
  });
});
