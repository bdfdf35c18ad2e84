import type { Flow } from '@clinicflow/rules';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../../test/fakeApi';
import type { LitPath } from '../hooks/litPathContext';
import { clinic, field, flow, reachFlow, renderPanel, setValue, timeline } from '../testing/simulationPanel';

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

  it('sends a scripted receipt of a "Reach the patient" message as a clinic-time instant, and marks the results out of date when it changes', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      ...clinic,
      'POST /flows/f1/simulate': [200, { valid: true, errors: [], timeline }],
    });
    renderPanel({ flow: reachFlow });
    await screen.findByLabelText(/^Appointment day/);
    expect(screen.queryByTestId('scripted-receipt')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add a receipt' }));
    const receipt = screen.getByTestId('scripted-receipt');
    expect(within(receipt).getByLabelText('Channel')).toHaveValue('whatsapp');
    expect(within(receipt).getByLabelText('Status')).toHaveValue('read');
    setValue('Receipt day', '2026-05-12');
    setValue('Receipt time', '10:05');
    expect(screen.getByTestId('scripted-receipt-sentence')).toHaveTextContent(
      'The WhatsApp message is read on Tuesday, 12 May 2026 at 10:05',
    );
    await user.click(screen.getByRole('button', { name: 'Run the simulation' }));
    await waitFor(() => expect(api.calls('POST', '/flows/f1/simulate')).toHaveLength(1));
    // 10:05 in Paris in May is 08:05 UTC
    expect(api.calls('POST', '/flows/f1/simulate')[0].body).toMatchObject({
      receipts: [{ at: '2026-05-12T08:05:00Z', channel: 'whatsapp', status: 'read' }],
    });
    await screen.findAllByTestId('timeline-row');
    expect(screen.queryByTestId('simulation-stale')).not.toBeInTheDocument();
    setValue('Receipt time', '12:30');
    expect(await screen.findByTestId('simulation-stale')).toBeInTheDocument();
  });

  it('turns a receipt’s "read" into "delivered" when it moves off WhatsApp, the one channel that reports reads', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      ...clinic,
      'POST /flows/f1/simulate': [200, { valid: true, errors: [], timeline }],
    });
    renderPanel({ flow: reachFlow });
    await screen.findByLabelText(/^Appointment day/);
    await user.click(screen.getByRole('button', { name: 'Add a receipt' }));
    setValue('Receipt day', '2026-05-12');
    setValue('Receipt time', '10:05');
    const status = () => within(screen.getByTestId('scripted-receipt')).getByLabelText('Status');
    await user.selectOptions(within(screen.getByTestId('scripted-receipt')).getByLabelText('Channel'), 'sms');
    expect(status()).toHaveValue('delivered');
    expect(within(status()).queryByRole('option', { name: 'read' })).not.toBeInTheDocument();
    expect(screen.getByTestId('scripted-receipt-sentence')).toHaveTextContent(
      'The SMS message is delivered on Tuesday, 12 May 2026 at 10:05',
    );
    await user.click(screen.getByRole('button', { name: 'Run the simulation' }));
    await waitFor(() => expect(api.calls('POST', '/flows/f1/simulate')).toHaveLength(1));
    expect(api.calls('POST', '/flows/f1/simulate')[0].body).toMatchObject({
      receipts: [{ at: '2026-05-12T08:05:00Z', channel: 'sms', status: 'delivered' }],
    });
  });

  it('asks for no receipts in a flow without a "Reach the patient" step, nor sends those it hid', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      ...clinic,
      'POST /flows/f1/simulate': [200, { valid: true, errors: [], timeline }],
    });
    const { rerender } = renderPanel({ flow: reachFlow });
    await screen.findByLabelText(/^Appointment day/);
    await user.click(screen.getByRole('button', { name: 'Add a receipt' }));
    expect(screen.getByText('Receipts')).toBeInTheDocument();
    // the reach step deleted from the draft
    rerender(flow);
    expect(screen.queryByText('Receipts')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a receipt' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('scripted-receipt')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Run the simulation' }));
    await waitFor(() => expect(api.calls('POST', '/flows/f1/simulate')).toHaveLength(1));
    expect(api.calls('POST', '/flows/f1/simulate')[0].body).not.toHaveProperty('receipts');
  });

  it('names a receipt nothing waited for in the timeline, with no step to pick', async () => {
    const user = userEvent.setup();
    const unused = {
      at: '2026-05-12T08:05:00Z',
      local: '2026-05-12T10:05:00+02:00',
      nodeId: 'receipt',
      kind: 'skip',
      channel: 'email',
      recipient: 'patient',
      status: 'skipped',
      text: null,
      reason:
        'the email message delivered moved nothing: no attempt of "Reach the patient" was waiting for it',
      why: { code: 'receipt-unused', params: { channel: 'email', goal: 'delivered' } },
    };
    fakeApi({
      ...clinic,
      'POST /flows/f1/simulate': [200, { valid: true, errors: [], timeline: [timeline[0], unused] }],
    });
    const onPickStep = jest.fn();
    renderPanel({ flow: reachFlow, onPickStep });
    await screen.findByLabelText(/^Appointment day/);
    await user.click(screen.getByRole('button', { name: 'Run the simulation' }));
    const rows = await screen.findAllByTestId('timeline-row');
    expect(rows[1]).toHaveTextContent('receipt (E-mail)');
    expect(rows[1]).not.toHaveTextContent('step receipt');
    expect(within(rows[1]).getByText('skipped')).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent(/moved nothing/);
    await user.click(rows[1]);
    expect(rows[1]).toHaveAttribute('aria-selected', 'true');
    expect(onPickStep).not.toHaveBeenCalled();
    await user.click(rows[0]);
    expect(onPickStep).toHaveBeenCalledWith('booked');
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
