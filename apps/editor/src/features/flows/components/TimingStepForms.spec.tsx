import type { Flow, FlowNode } from '@clinicflow/rules';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { link, step } from '../testing/flowFixtures';
import { renderFlowEditor } from '../testing/renderFlowEditor';
import { TriggerStepForm } from './TriggerStepForm';
import { WaitStepForm } from './WaitStepForm';

const flowWith = (...steps: FlowNode[]): Flow => ({
  name: 'Test',
  nodes: steps,
  edges: steps.slice(1).map((node, i) => link(steps[i].id, node.id)),
});
const outline = () => screen.getByRole('list', { name: 'Flow outline' });
const open = async (user: ReturnType<typeof userEvent.setup>, summary: string) => {
  await user.click(within(outline()).getByText(summary));
  return screen.getByRole('region', { name: 'Step settings' });
};
const stored = (saved: { flow: Flow | null }, id: string) => saved.flow?.nodes.find((node) => node.id === id);

describe(WaitStepForm.name, () => {
  it('offers the recall interval of the appointment or its service, and leaves it out once unticked', async () => {
    const user = userEvent.setup();
    const recall: FlowNode = {
      id: 'w',
      type: 'wait',
      position: { x: 0, y: 0 },
      data: { relativeTo: 'last-visit', direction: 'after', amount: 6, unit: 'months' },
    };
    const { saved } = renderFlowEditor(flowWith(step('trigger', 't'), recall));
    const form = await open(user, 'Wait until 6 months after the last visit');
    const box = within(form).getByRole('checkbox', {
      name: 'Use the recall interval of the appointment, else of its service',
    });
    expect(box).not.toBeChecked();
    expect(within(form).getByText('The amount above applies when neither has one.')).toBeInTheDocument();

    await user.click(box);
    expect(stored(saved, 'w')?.data).toMatchObject({ useServiceRecallInterval: true, amount: 6 });
    expect(
      within(outline()).getByText(
        'Wait for the recall interval (the appointment’s, else the service’s) after the last visit',
      ),
    ).toBeInTheDocument();

    await user.click(box);
    expect(stored(saved, 'w')?.data).not.toHaveProperty('useServiceRecallInterval');
  });
});

describe(TriggerStepForm.name, () => {
  it('starts a flow every day at a time of day, asking for the time only then', async () => {
    const user = userEvent.setup();
    const { saved } = renderFlowEditor(flowWith(step('trigger', 't'), step('end', 'e')));
    const form = await open(user, 'When an appointment is booked');
    expect(within(form).queryByLabelText(/Every day at/)).not.toBeInTheDocument();
    expect(within(form).getByText('Booked by')).toBeInTheDocument();

    await user.click(within(form).getByRole('checkbox', { name: 'an appointment is booked' }));
    await user.click(within(form).getByRole('checkbox', { name: 'every day, at a time' }));
    const time = within(form).getByLabelText(/Every day at/);
    // how a booking was made means nothing for a day's list: the filter is gone
    expect(within(form).queryByText('Booked by')).not.toBeInTheDocument();

    await user.type(time, '25:00');
    expect(await within(form).findByText('Use a time of day such as 18:00')).toBeInTheDocument();
    expect(stored(saved, 't')?.data).not.toHaveProperty('dailyAt');

    await user.clear(time);
    await user.type(time, '18:30');
    expect(stored(saved, 't')?.data).toEqual({ events: ['schedule.daily'], dailyAt: '18:30' });
    expect(within(outline()).getByText('Every day at 18:30')).toBeInTheDocument();
  });
});
