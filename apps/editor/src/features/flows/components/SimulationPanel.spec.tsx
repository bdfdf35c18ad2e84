import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render-with-providers';
import { SimulationPanel } from './SimulationPanel';

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
    reason: 'e-mail is switched off for service Détartrage',
  },
];

function renderPanel(onPickStep = jest.fn(), beforeRun = jest.fn(async () => undefined)) {
  renderWithProviders(
    <SimulationPanel
      flowId="f1"
      defaultEvent="appointment.booked"
      beforeRun={beforeRun}
      stepName={(id) => `step ${id}`}
      onPickStep={onPickStep}
      onClose={() => undefined}
    />,
  );
  return { onPickStep, beforeRun };
}

/** Picks Jean Dupont and his booked appointment in the sample picker, then runs the simulation. */
async function simulateJeanDupontsBookedAppointment(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('combobox', { name: 'Fill from a patient' }));
  await user.click(await screen.findByRole('option', { name: 'Jean Dupont', hidden: true }));
  await user.click(screen.getByRole('combobox', { name: 'and one of their appointments' }));
  await user.click(await screen.findByRole('option', { name: /\(booked\)$/, hidden: true }));
  await user.click(screen.getByRole('button', { name: 'Run the simulation' }));
}

describe('SimulationPanel', () => {
  it('runs the saved draft with the sample, the scripted replies and the horizon', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ 'POST /flows/f1/simulate': [200, { valid: true, errors: [], timeline }] });
    const { beforeRun } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Add a reply' }));
    await user.type(screen.getByLabelText('Reply time'), '2026-05-11T18:05:00+02:00');
    await user.type(screen.getByLabelText('Reply text'), 'C');
    await user.click(screen.getByRole('button', { name: 'Run the simulation' }));
    await waitFor(() => expect(api.calls('POST', '/flows/f1/simulate')).toHaveLength(1));
    expect(beforeRun).toHaveBeenCalled();
    const body = api.calls('POST', '/flows/f1/simulate')[0].body as Record<string, unknown>;
    expect(body).toMatchObject({
      version: 'draft',
      event: { type: 'appointment.booked', at: '2026-05-02T09:00:00+02:00' },
      replies: [{ at: '2026-05-11T18:05:00+02:00', text: 'C' }],
      until: '2026-05-14T00:00:00+02:00',
      context: { patient: expect.objectContaining({ firstName: 'Léa' }) },
    });
  });

  it('shows the timeline in clinic time with texts and skip reasons; a row picks its step', async () => {
    const user = userEvent.setup();
    fakeApi({ 'POST /flows/f1/simulate': [200, { valid: true, errors: [], timeline }] });
    const { onPickStep } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Run the simulation' }));
    const rows = await screen.findAllByTestId('timeline-row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('2026-05-11 10:00');
    expect(rows[1]).toHaveTextContent('Bonjour Léa, RDV demain à 10:00.');
    expect(within(rows[2]).getByText('skipped')).toBeInTheDocument();
    expect(rows[2]).toHaveTextContent('e-mail is switched off for service Détartrage');
    await user.click(rows[1]);
    expect(onPickStep).toHaveBeenCalledWith('sms24');
    expect(rows[1]).toHaveAttribute('aria-selected', 'true');
    rows[2].focus();
    await user.keyboard('{Enter}');
    expect(onPickStep).toHaveBeenLastCalledWith('email24');
  });

  it('says why a simulation cannot run', async () => {
    const user = userEvent.setup();
    fakeApi({
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
    await user.click(screen.getByRole('button', { name: 'Run the simulation' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The sample data is not valid at "patient.consent"',
    );
  });

  it('fills the sample from one of the clinic’s patients and appointments', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /patients?pageSize=100': [
        200,
        { items: [{ id: 'p1', firstName: 'Jean', lastName: 'Dupont', language: 'en' }] },
      ],
      'GET /appointments?patientId=p1&pageSize=100': [
        200,
        {
          items: [
            {
              id: 'a1',
              start: '2026-06-11T08:00:00.000Z',
              end: '2026-06-11T08:30:00.000Z',
              status: 'booked',
            },
          ],
        },
      ],
      'POST /flows/f1/simulate': [200, { valid: true, errors: [], timeline }],
    });
    renderPanel();
    await simulateJeanDupontsBookedAppointment(user);
    await waitFor(() => expect(api.calls('POST', '/flows/f1/simulate')).toHaveLength(1));
    expect(api.calls('POST', '/flows/f1/simulate')[0].body).toMatchObject({
      context: {
        patient: { id: 'p1', firstName: 'Jean', lastName: 'Dupont', language: 'en' },
        appointment: { id: 'a1', start: '2026-06-11T08:00:00.000Z' },
      },
      event: { at: '2026-06-01T08:00:00.000Z' },
      until: '2026-06-13T08:00:00.000Z',
    });
  });

  it('brings the picked appointment’s practitioner into the sample, so conditions on the practitioner apply', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /patients?pageSize=100': [200, { items: [{ id: 'p1', firstName: 'Jean', lastName: 'Dupont' }] }],
      'GET /appointments?patientId=p1&pageSize=100': [
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
      'GET /services?pageSize=100': [200, { items: [{ id: 'svc-ctrl', name: 'Contrôle' }] }],
      'GET /resources?pageSize=100': [
        200,
        {
          items: [
            { id: 'res-martin', name: 'Dr Claire Martin', kind: 'practitioner' },
            {
              id: 'res-bernard',
              name: 'Dr Hugo Bernard',
              kind: 'practitioner',
              phone: '+33142685301',
              email: null,
              address: '3 place du Parc, 75011 Paris',
            },
          ],
        },
      ],
      'POST /flows/f1/simulate': [200, { valid: true, errors: [], timeline }],
    });
    renderPanel();
    await simulateJeanDupontsBookedAppointment(user);

    await waitFor(() => expect(api.calls('POST', '/flows/f1/simulate')).toHaveLength(1));
    const { context } = api.calls('POST', '/flows/f1/simulate')[0].body as {
      context: Record<string, Record<string, unknown>>;
    };
    expect(context.appointment).toMatchObject({ serviceId: 'svc-ctrl', resourceId: 'res-bernard' });
    expect(context.service).toMatchObject({ id: 'svc-ctrl', name: 'Contrôle' });
    // the practitioner as a real run sees it: no contact left over from the sample's Dr Martin
    expect(context.resource).toEqual({
      id: 'res-bernard',
      name: 'Dr Hugo Bernard',
      kind: 'practitioner',
      phone: '+33142685301',
      mobile: '+33142685301',
      address: '3 place du Parc, 75011 Paris',
    });
    // and the appointments are told apart by their practitioner too
    await user.click(screen.getByRole('combobox', { name: 'and one of their appointments' }));
    expect(
      await screen.findByRole('option', { name: /Contrôle Dr Hugo Bernard \(booked\)$/, hidden: true }),
    ).toBeInTheDocument();
  });
});
