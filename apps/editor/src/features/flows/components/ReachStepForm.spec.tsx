import type { Flow, ReachData } from '@clinicflow/rules';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { link, step } from '../testing/flowFixtures';
import { renderFlowEditor } from '../testing/renderFlowEditor';
import { ReachStepForm } from './ReachStepForm';

/** trigger → reach (reached → end, not reached → end). */
const ladderFlow = (): Flow => ({
  name: 'Ladder',
  nodes: [step('trigger', 't'), step('reach', 'r'), step('end', 'e1'), step('end', 'e2')],
  edges: [link('t', 'r'), link('r', 'e1', 'reached'), link('r', 'e2', 'not-reached')],
});
const savedLadder = (saved: { flow: Flow | null }) =>
  saved.flow?.nodes.find((node) => node.id === 'r')?.data as ReachData | undefined;
/** The channels of the saved ladder's attempts, in order. */
const savedChannels = (saved: { flow: Flow | null }) => savedLadder(saved)?.rungs.map((rung) => rung.channel);
const attempt = (n: number) => screen.getByRole('group', { name: `Attempt ${n}` });
const optionsOf = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((option) => `${option.textContent}${(option as HTMLOptionElement).disabled ? ' (disabled)' : ''}`);

describe(ReachStepForm.name, () => {
  const openLadder = async (user: ReturnType<typeof userEvent.setup>) => {
    await user.click(
      within(screen.getByRole('list', { name: 'Flow outline' })).getByText(
        'WhatsApp (read within 2 h) → SMS (delivered within 30 min)',
      ),
    );
    return screen.getByRole('region', { name: 'Step settings' });
  };

  it('should offer “read” on WhatsApp only, and wait for delivered when an attempt leaves WhatsApp', async () => {
    const user = userEvent.setup();
    const { saved } = renderFlowEditor(ladderFlow());
    await openLadder(user);
    const goal = (n: number) => within(attempt(n)).getByLabelText('Counts as reached when the message is');
    expect(optionsOf(goal(1))).toEqual(['delivered', 'read']);
    expect(goal(1)).toHaveValue('read');
    expect(optionsOf(goal(2))).toEqual(['delivered']);

    await user.selectOptions(within(attempt(1)).getByLabelText('Channel'), 'voice');

    expect(optionsOf(goal(1))).toEqual(['delivered']);
    expect(savedLadder(saved)?.rungs[0]).toEqual({
      channel: 'voice',
      template: {},
      until: 'delivered',
      within: { amount: 2, unit: 'hours' },
    });
  });

  it('should add an attempt on a channel not yet tried, the others greyed out, and save its wait and e-mail', async () => {
    const user = userEvent.setup();
    const { saved } = renderFlowEditor(ladderFlow());
    const form = await openLadder(user);
    await user.click(within(form).getByRole('button', { name: 'Add a channel' }));

    const third = attempt(3);
    expect(within(third).getByLabelText('Channel')).toHaveValue('email');
    expect(optionsOf(within(third).getByLabelText('Channel'))).toEqual([
      'SMS (already attempt 2) (disabled)',
      'E-mail',
      'Voice call',
      'WhatsApp (already attempt 1) (disabled)',
    ]);
    await user.clear(within(third).getByLabelText('Wait up to'));
    await user.type(within(third).getByLabelText('Wait up to'), '4');
    await user.selectOptions(within(third).getByLabelText('Unit of the wait'), 'days');
    await user.type(within(third).getByLabelText('Subject (French)'), 'RDV');
    await user.type(within(third).getByLabelText('Text (French)'), 'Bonjour');

    expect(savedChannels(saved)).toEqual(['whatsapp', 'sms', 'email']);
    expect(savedLadder(saved)?.rungs[2]).toEqual({
      channel: 'email',
      template: { byLanguage: { fr: { subject: 'RDV', body: 'Bonjour' } } },
      until: 'delivered',
      within: { amount: 4, unit: 'days' },
    });
    expect(
      within(screen.getByRole('list', { name: 'Flow outline' })).getByText(
        'WhatsApp (read within 2 h) → SMS (delivered within 30 min) → E-mail (delivered within 4 days)',
      ),
    ).toBeInTheDocument();
  });

  it('should keep one to four attempts, and move one up or down', async () => {
    const user = userEvent.setup();
    const { saved } = renderFlowEditor(ladderFlow());
    const form = await openLadder(user);
    const add = within(form).getByRole('button', { name: 'Add a channel' });
    await user.click(add);
    await user.click(add);
    expect(add).toBeDisabled();
    expect(savedChannels(saved)).toEqual(['whatsapp', 'sms', 'email', 'voice']);

    await user.click(within(attempt(2)).getByRole('button', { name: 'Move attempt 2 up' }));
    expect(savedChannels(saved)).toEqual(['sms', 'whatsapp', 'email', 'voice']);
    await user.click(within(attempt(3)).getByRole('button', { name: 'Move attempt 3 down' }));
    expect(savedChannels(saved)).toEqual(['sms', 'whatsapp', 'voice', 'email']);
    expect(
      [1, 2, 3, 4].map((n) => (within(attempt(n)).getByLabelText('Channel') as HTMLSelectElement).value),
    ).toEqual(['sms', 'whatsapp', 'voice', 'email']);
    expect(within(attempt(1)).getByRole('button', { name: 'Move attempt 1 up' })).toBeDisabled();
    expect(within(attempt(4)).getByRole('button', { name: 'Move attempt 4 down' })).toBeDisabled();

    for (const n of [4, 3, 2])
      await user.click(within(attempt(n)).getByRole('button', { name: `Remove attempt ${n}` }));
    expect(savedLadder(saved)?.rungs).toEqual([
      { channel: 'sms', template: {}, until: 'delivered', within: { amount: 30, unit: 'minutes' } },
    ]);
    expect(within(attempt(1)).getByRole('button', { name: 'Remove attempt 1' })).toBeDisabled();
    expect(add).toBeEnabled();
  });
});
