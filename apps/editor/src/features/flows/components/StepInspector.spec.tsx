import type { Flow, FlowNode } from '@clinicflow/rules';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../../test/fakeApi';
import { link, step } from '../testing/flowFixtures';
import { renderFlowEditor } from '../testing/renderFlowEditor';
import { StepInspector } from './StepInspector';

/** A flow with one step of each kind after the trigger, in a line. */
const flowWith = (...steps: FlowNode[]): Flow => {
  const nodes = [step('trigger', 't'), ...steps];
  return { name: 'Test', nodes, edges: nodes.slice(1).map((node, i) => link(nodes[i].id, node.id)) };
};
const outline = () => screen.getByRole('list', { name: 'Flow outline' });
const inspector = () => screen.getByRole('region', { name: 'Step settings' });
const open = async (user: ReturnType<typeof userEvent.setup>, summary: string) => {
  await user.click(within(outline()).getByText(summary));
  return inspector();
};
const stored = (saved: { flow: Flow | null }, id: string) => saved.flow?.nodes.find((node) => node.id === id);

describe(StepInspector.name, () => {
  it('asks to select a step when none is', () => {
    renderFlowEditor(flowWith(step('wait', 'w')));
    expect(screen.getByText('Select a step to change its settings.')).toBeInTheDocument();
  });

  it('changes a wait and the step says so at once', async () => {
    const user = userEvent.setup();
    const { saved } = renderFlowEditor(flowWith(step('wait', 'w')));
    const form = await open(user, 'Wait until 24 h before the appointment');
    await user.clear(within(form).getByLabelText('Amount'));
    await user.type(within(form).getByLabelText('Amount'), '2');
    await user.selectOptions(within(form).getByLabelText('Unit'), 'days');
    await user.type(within(form).getByLabelText(/At a time of day/), '18:00');
    expect(
      within(outline()).getByText('Wait until 2 days before the appointment, at 18:00'),
    ).toBeInTheDocument();
    expect(stored(saved, 'w')?.data).toEqual({
      relativeTo: 'appointment-start',
      direction: 'before',
      amount: 2,
      unit: 'days',
      atLocalTime: '18:00',
    });
  });

  it('shows a time of day the schema refuses and keeps the last valid data', async () => {
    const user = userEvent.setup();
    const { saved } = renderFlowEditor(flowWith(step('wait', 'w')));
    const form = await open(user, 'Wait until 24 h before the appointment');
    await user.type(within(form).getByLabelText(/At a time of day/), '25:00');
    expect(await within(form).findByText('Use a time of day such as 18:00')).toBeInTheDocument();
    expect(stored(saved, 'w')?.data).not.toHaveProperty('atLocalTime');
  });

  it('writes an SMS in French and names its sender', async () => {
    const user = userEvent.setup();
    const { saved } = renderFlowEditor(flowWith(step('send', 's')));
    const form = await open(user, 'SMS to patient: no text yet');
    await user.type(within(form).getByLabelText('Name on the card'), 'Rappel RDV');
    await user.type(within(form).getByLabelText('Text (French)'), 'Bonjour');
    await user.type(within(form).getByLabelText(/SMS sender name/), 'CABINET');
    expect(within(outline()).getByText('SMS to patient: Rappel RDV')).toBeInTheDocument();
    expect(stored(saved, 's')?.data).toMatchObject({
      label: 'Rappel RDV',
      template: { byLanguage: { fr: { body: 'Bonjour' } } },
      sender: { smsName: 'CABINET' },
    });
  });

  it('picks one of the clinic’s saved SMS templates for a message', async () => {
    const user = userEvent.setup();
    fakeApi({
      'GET /templates?pageSize=100': [
        200,
        {
          items: [
            { id: 'tpl-sms', name: 'Rappel 24 h', channel: 'sms', variants: {} },
            { id: 'tpl-mail', name: 'Rappel e-mail', channel: 'email', variants: {} },
          ],
          total: 2,
        },
      ],
    });
    const { saved } = renderFlowEditor(flowWith(step('send', 's')));
    const form = await open(user, 'SMS to patient: no text yet');
    const picker = within(form).getByLabelText(/Saved template/);
    expect(await within(picker).findByRole('option', { name: 'Rappel 24 h' })).toBeInTheDocument();
    expect(within(picker).queryByRole('option', { name: 'Rappel e-mail' })).not.toBeInTheDocument();
    await user.selectOptions(picker, 'tpl-sms');
    expect(stored(saved, 's')?.data).toMatchObject({ template: { templateId: 'tpl-sms' } });
  });

  it('refuses an SMS sender name longer than 11 characters and keeps the last valid one', async () => {
    const user = userEvent.setup();
    const { saved } = renderFlowEditor(flowWith(step('send', 's')));
    const form = await open(user, 'SMS to patient: no text yet');
    await user.type(within(form).getByLabelText(/SMS sender name/), 'CABINET-DENT');
    expect(within(form).getByLabelText(/SMS sender name/)).toHaveAttribute('aria-invalid', 'true');
    expect(stored(saved, 's')?.data).toMatchObject({ sender: { smsName: 'CABINET-DEN' } });
  });

  it('shows an e-mail subject only for e-mails', async () => {
    const user = userEvent.setup();
    renderFlowEditor(flowWith(step('send', 's')));
    const form = await open(user, 'SMS to patient: no text yet');
    expect(within(form).queryByLabelText('Subject (French)')).not.toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText('Channel'), 'email');
    expect(within(form).getByLabelText('Subject (French)')).toBeInTheDocument();
  });

  it('sets the reply time-out of a question', async () => {
    const user = userEvent.setup();
    const { saved } = renderFlowEditor(flowWith(step('ask', 'a')));
    const form = await open(user, /SMS question to patient/ as unknown as string);
    await user.clear(within(form).getByLabelText('Wait for the reply during'));
    await user.type(within(form).getByLabelText('Wait for the reply during'), '12');
    expect(stored(saved, 'a')?.data).toMatchObject({ timeout: { amount: 12, unit: 'hours' } });
  });

  it.each([
    ['lead-time-at-least', 'If booked at least 24 h ahead'],
    ['booked-online', 'If the appointment was booked online'],
    ['weekday-in', 'If the appointment is on Monday, Tuesday, Wednesday, Thursday, Friday'],
  ])('switches a condition to %s', async (kind, summary) => {
    const user = userEvent.setup();
    renderFlowEditor(flowWith(step('condition', 'c')));
    const form = await open(user, 'If the patient agreed to receive SMS');
    await user.selectOptions(within(form).getByLabelText('What to check'), kind);
    expect(within(outline()).getByText(summary)).toBeInTheDocument();
  });

  it('picks the events that start the flow', async () => {
    const user = userEvent.setup();
    const { saved } = renderFlowEditor(flowWith(step('end', 'e')));
    const form = await open(user, 'When an appointment is booked');
    await user.click(within(form).getByLabelText('an appointment is moved'));
    expect(stored(saved, 't')?.data).toEqual({ events: ['appointment.booked', 'appointment.rescheduled'] });
    await user.click(within(form).getByLabelText('an appointment is booked'));
    await user.click(within(form).getByLabelText('an appointment is moved'));
    expect(await within(form).findByText(/Too small|at least 1/i)).toBeInTheDocument();
    expect(stored(saved, 't')?.data).toEqual({ events: ['appointment.rescheduled'] });
  });

  it.each([
    [
      'update',
      'Mark the appointment confirmed',
      'Set the appointment to',
      'declined',
      { confirmation: 'declined' },
    ],
  ])('edits an %s step', async (type, summary, field, value, expected) => {
    const user = userEvent.setup();
    const { saved } = renderFlowEditor(flowWith(step(type as FlowNode['type'], 'x')));
    const form = await open(user, summary);
    await user.selectOptions(within(form).getByLabelText(field), value);
    expect(stored(saved, 'x')?.data).toEqual(expected);
  });

  it('refuses a webhook address that is not a web address', async () => {
    const user = userEvent.setup();
    const { saved } = renderFlowEditor(flowWith(step('webhook', 'h')));
    const form = await open(user, 'Notify example.com');
    await user.clear(within(form).getByLabelText('Web address'));
    await user.type(within(form).getByLabelText('Web address'), 'not a url');
    expect(within(form).getByLabelText('Web address')).toHaveAttribute('aria-invalid', 'true');
    expect(stored(saved, 'h')?.data).toEqual({ url: 'https://example.com/webhook' });
  });

  it('follows undo while open', async () => {
    const user = userEvent.setup();
    renderFlowEditor(flowWith(step('end', 'e')));
    const form = await open(user, 'End of the flow');
    await user.type(within(form).getByLabelText('Name on the card'), 'Done');
    expect(within(form).getByLabelText('Name on the card')).toHaveValue('Done');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(within(form).getByLabelText('Name on the card')).toHaveValue('');
  });

  it('picks services by name, stores their ids, and the card names them', async () => {
    const user = userEvent.setup();
    fakeApi({
      'GET /services?pageSize=100': [
        200,
        {
          items: [
            { id: 'svc-1', name: 'Contrôle' },
            { id: 'svc-2', name: 'Hygiène' },
          ],
        },
      ],
      'GET /resources?pageSize=100': [200, { items: [] }],
      'GET /templates?pageSize=100': [200, { items: [], total: 0 }],
    });
    const condition = step('condition', 'c');
    condition.data = { check: { kind: 'service-in', serviceIds: ['gone-9'] } };
    const { saved } = renderFlowEditor(flowWith(condition));
    const form = await open(user, 'If the service is gone-9');
    await user.click(within(form).getByRole('combobox', { name: 'Services' }));
    await user.click(await screen.findByRole('option', { name: 'Hygiène', hidden: true }));

    expect(stored(saved, 'c')?.data).toEqual({
      check: { kind: 'service-in', serviceIds: ['gone-9', 'svc-2'] },
    });
    expect(within(outline()).getByText('If the service is gone-9 or Hygiène')).toBeInTheDocument();
  });
});
