import { remindersFlow } from '@clinicflow/rules';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { branchFlow, lineFlow } from '../testing/flowFixtures';
import { renderFlowEditor } from '../testing/renderFlowEditor';
import { FlowOutline } from './FlowOutline';

const outline = () => screen.getByRole('list', { name: 'Flow outline' });
const stepRows = () =>
  within(outline())
    .queryAllByRole('button', { pressed: false })
    .concat(within(outline()).queryAllByRole('button', { pressed: true }))
    .map((button) => button.textContent);

describe(FlowOutline.name, () => {
  it('lists the flow as indented steps with its branches and a shared End referred to', () => {
    renderFlowEditor(remindersFlow);
    const list = outline();
    expect(within(list).getByText('Wait until 48 h before the appointment')).toBeInTheDocument();
    expect(
      within(list).getByText('SMS question to patient: Please confirm (reply within 20 h)'),
    ).toBeInTheDocument();
    expect(within(list).getByText('If “confirmed”')).toBeInTheDocument();
    expect(within(list).getByText('If “no reply”')).toBeInTheDocument();
    expect(within(list).getAllByText('then End of the flow (see above)')).toHaveLength(3);
  });

  it('adds a step after another from the palette', async () => {
    const user = userEvent.setup();
    const { saved } = renderFlowEditor(lineFlow());
    await user.click(screen.getByRole('button', { name: 'Add a step after When an appointment is booked' }));
    await user.click(await screen.findByRole('menuitem', { name: /Condition/ }));
    expect(within(outline()).getByText('If the patient agreed to receive SMS')).toBeInTheDocument();
    expect(screen.getByTestId('announcer')).toHaveTextContent('Added: If the patient agreed to receive SMS');
    expect(saved.flow?.nodes).toHaveLength(6);
    expect(saved.flow?.edges.map((edge) => `${edge.source}-${edge.sourceHandle ?? 'next'}`)).toEqual(
      expect.arrayContaining(['condition-1-yes', 'condition-1-no']),
    );
  });

  it('adds “Reach the patient” from the palette, both its exits leading somewhere', async () => {
    const user = userEvent.setup();
    const { saved } = renderFlowEditor(lineFlow());
    await user.click(screen.getByRole('button', { name: 'Add a step after When an appointment is booked' }));
    const item = await screen.findByRole('menuitem', { name: /Reach the patient/ });
    expect(item).toHaveTextContent('Try channels one after another until the patient is reached');
    await user.click(item);
    expect(
      within(outline()).getByText('WhatsApp (read within 2 h) → SMS (delivered within 30 min)'),
    ).toBeInTheDocument();
    expect(within(outline()).getByText('If “reached”')).toBeInTheDocument();
    expect(within(outline()).getByText('If “not reached”')).toBeInTheDocument();
    expect(saved.flow?.edges.map((edge) => `${edge.source}-${edge.sourceHandle ?? 'next'}`)).toEqual(
      expect.arrayContaining(['reach-1-reached', 'reach-1-not-reached']),
    );
  });

  it('deletes the focused step with the Delete key, and undo brings it back', async () => {
    const user = userEvent.setup();
    const { saved } = renderFlowEditor(lineFlow());
    within(outline()).getByText('Wait until 24 h before the appointment').closest('button')?.focus();
    await user.keyboard('{Delete}');
    expect(within(outline()).queryByText('Wait until 24 h before the appointment')).not.toBeInTheDocument();
    expect(saved.flow?.edges.map((edge) => `${edge.source}>${edge.target}`)).toContain('t>s');
    await user.keyboard('{Control>}z{/Control}');
    expect(within(outline()).getByText('Wait until 24 h before the appointment')).toBeInTheDocument();
    expect(saved.flow).toEqual(lineFlow());
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect(within(outline()).queryByText('Wait until 24 h before the appointment')).not.toBeInTheDocument();
  });

  it('asks which branch to keep before deleting a condition', async () => {
    const user = userEvent.setup();
    const { saved } = renderFlowEditor(branchFlow());
    await user.click(screen.getByRole('button', { name: 'Delete If the patient agreed to receive SMS' }));
    await user.click(await screen.findByRole('button', { name: 'Keep “yes”' }));
    expect(saved.flow?.nodes.map((node) => node.id).sort()).toEqual(['e', 's', 't']);
  });

  it('refuses to delete the trigger and says why', async () => {
    const user = userEvent.setup();
    renderFlowEditor(lineFlow());
    within(outline()).getByText('When an appointment is booked').closest('button')?.focus();
    await user.keyboard('{Backspace}');
    expect(screen.getByTestId('announcer')).toHaveTextContent('The trigger cannot be deleted');
    expect(stepRows()).toHaveLength(4);
  });

  it('moves between steps with the arrow keys and selects with Enter', async () => {
    const user = userEvent.setup();
    renderFlowEditor(lineFlow());
    within(outline()).getByText('When an appointment is booked').closest('button')?.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toHaveTextContent('Wait until 24 h before the appointment');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('region', { name: 'Step settings' })).toBeInTheDocument();
    expect(screen.getByLabelText('Amount')).toHaveValue('24');
  });

  it('copies and pastes a step as a new unconnected step', async () => {
    const user = userEvent.setup();
    const { saved } = renderFlowEditor(lineFlow());
    within(outline()).getByText('Wait until 24 h before the appointment').closest('button')?.focus();
    await user.keyboard('{Control>}c{/Control}{Control>}v{/Control}');
    expect(within(outline()).getByText('Not connected yet')).toBeInTheDocument();
    expect(saved.flow?.nodes.map((node) => node.id)).toContain('wait-1');
  });

  it('connects an open exit to an existing step, offering only steps that make no loop', async () => {
    const user = userEvent.setup();
    const flow = lineFlow();
    flow.edges = flow.edges.filter((edge) => edge.id !== 's-next-e');
    const { saved } = renderFlowEditor(flow);
    expect(within(outline()).getByText('Not connected yet')).toBeInTheDocument();
    await user.click(
      screen.getByRole('button', {
        name: 'Connect the “next” exit of SMS to patient: no text yet to an existing step',
      }),
    );
    const items = await screen.findAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual(['End of the flow']);
    await user.click(items[0]);
    expect(within(outline()).queryByText('Not connected yet')).not.toBeInTheDocument();
    expect(saved.flow?.edges.map((edge) => edge.id)).toContain('s-next-e');
  });
});
