import type { RulesProblem } from '@clinicflow/rules';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render-with-providers';
import { lineFlow } from '../testing/flowFixtures';
import { renderFlowEditor } from '../testing/renderFlowEditor';
import { FlowEditor } from './FlowEditor';
import { PublishDialog } from './PublishDialog';

/** F2: the validator's warning on a flow started by "booked" only that waits for the appointment. */
describe('flow warnings', () => {
  it('shows the warning on the trigger card and apart from the problems to fix', () => {
    // trigger (booked only) → wait 24 h before the appointment → SMS without text → end
    renderWithProviders(<FlowEditor initialFlow={lineFlow()} onChange={() => undefined} />);
    const trigger = screen.getByTestId('step-t');
    expect(within(trigger).getByText('1 to check')).toBeInTheDocument();
    expect(within(trigger).getByTestId('warning-t')).toHaveTextContent(
      /starts when an appointment is booked but not when it is rescheduled/,
    );
    expect(within(trigger).queryByText(/to fix/)).not.toBeInTheDocument();
    const problems = screen.getByRole('region', { name: 'To fix before publishing' });
    const warnings = screen.getByRole('region', { name: 'Worth checking' });
    expect(within(warnings).getAllByRole('listitem')).toHaveLength(1);
    expect(within(warnings).getByRole('listitem')).toHaveTextContent(/Add “appointment rescheduled”/);
    // the SMS's missing text is the one problem to fix; the warning is not among them
    expect(within(problems).getAllByRole('listitem')).toHaveLength(1);
    expect(within(problems).getByRole('listitem')).toHaveTextContent(/no text yet|no template/);
  });

  it('drops the warning once the trigger also starts on a move', async () => {
    const user = userEvent.setup();
    renderFlowEditor(lineFlow(), 'outline');
    await user.click(within(screen.getByRole('list', { name: 'Flow outline' })).getByText(/^When/));
    const form = screen.getByRole('region', { name: 'Step settings' });
    expect(within(form).getByText('Worth checking on this step')).toBeInTheDocument();
    await user.click(within(form).getByRole('checkbox', { name: 'an appointment is moved' }));
    expect(within(form).queryByText('Worth checking on this step')).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Worth checking' })).not.toBeInTheDocument();
  });
});

describe(PublishDialog.name, () => {
  const warning: RulesProblem = {
    nodeId: 't',
    path: 'nodes.0.data.events',
    message: 'Trigger "t" starts on "appointment booked" but not on "appointment rescheduled", …',
    code: 'reschedule-not-followed',
    params: { step: 't', waits: 'w' },
    severity: 'warning',
  };
  const error: RulesProblem = {
    nodeId: 's',
    path: 'nodes.2.data.template',
    message: 'Message step "s" has no template',
    code: 'template-missing',
    params: { step: 's' },
  };

  it('lists a warning in the checklist and still publishes', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'POST /flows/f1/publish': [
        201,
        { flowId: 'f1', version: 1, note: '', publishedAt: '', publishedBy: '' },
      ],
    });
    const onPublished = jest.fn();
    renderWithProviders(
      <PublishDialog
        flowId="f1"
        latestVersion={null}
        problems={[warning]}
        stepName={(id) => (id === 't' ? 'When booked' : id)}
        onClose={() => undefined}
        onPublished={onPublished}
      />,
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Worth checking (this does not block publishing)')).toBeInTheDocument();
    expect(
      within(dialog).getByText(/“When booked” starts when an appointment is booked/),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Publish version 1' }));
    expect(api.calls('POST', '/flows/f1/publish')).toHaveLength(1);
    expect(onPublished).toHaveBeenCalled();
  });

  it('blocks on an error but not on the warning beside it', async () => {
    renderWithProviders(
      <PublishDialog
        flowId="f1"
        latestVersion={null}
        problems={[error, warning]}
        stepName={(id) => id}
        onClose={() => undefined}
        onPublished={() => undefined}
      />,
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('button', { name: 'Publish version 1' })).toBeDisabled();
    expect(within(dialog).getByText(/1 problem/)).toBeInTheDocument();
  });
});
