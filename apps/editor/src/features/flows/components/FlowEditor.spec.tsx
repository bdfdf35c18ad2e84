import { remindersFlow, type Flow } from '@clinicflow/rules';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test/render-with-providers';
import { branchFlow, link, step } from '../testing/flowFixtures';
import { FlowEditor } from './FlowEditor';

const copy = (flow: Flow) => JSON.parse(JSON.stringify(flow)) as Flow;

describe('FlowEditor', () => {
  it('reports each change of the document', async () => {
    const user = userEvent.setup();
    const onChange = jest.fn();
    renderWithProviders(
      <FlowEditor initialFlow={copy({ ...remindersFlow, name: 'My reminders' })} onChange={onChange} />,
    );
    await user.type(screen.getByRole('textbox', { name: 'Flow name' }), ' 2');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'My reminders 2' }));
  });

  it('draws the steps on the canvas as focusable cards named by their summary', () => {
    renderWithProviders(<FlowEditor initialFlow={copy(remindersFlow)} onChange={() => undefined} />);
    const canvas = screen.getByRole('application');
    // jsdom measures nothing, so React Flow keeps the cards hidden until measured: ask for hidden ones too
    const cards = within(canvas).getAllByRole('group', { hidden: true });
    expect(cards).toHaveLength(remindersFlow.nodes.length);
    const card = cards.find((element) => element.dataset.id === 'wait24');
    expect(card).toHaveAttribute('aria-label', 'Wait until 24 h before the appointment');
    expect(card).toHaveAttribute('tabindex', '0');
  });

  it('labels the typed exits of a card and shows the validator problems on it', () => {
    renderWithProviders(<FlowEditor initialFlow={branchFlow()} onChange={() => undefined} />);
    const condition = screen.getByTestId('step-c');
    expect(within(condition).getByText('yes')).toBeInTheDocument();
    expect(within(condition).getByText('no')).toBeInTheDocument();
    const send = screen.getByTestId('step-s');
    expect(within(send).getByText('1 to fix')).toBeInTheDocument();
    expect(
      within(send).getByText(/” has no text yet: write it or pick a saved template$/),
    ).toBeInTheDocument();
    expect(within(send).queryByText(/"s"/)).not.toBeInTheDocument();
  });

  it('draws “Reach the patient” with its ladder, its two exits and the problems of each attempt', () => {
    const flow: Flow = {
      name: 'Ladder',
      nodes: [step('trigger', 't'), step('reach', 'r'), step('end', 'e1'), step('end', 'e2')],
      edges: [link('t', 'r'), link('r', 'e1', 'reached'), link('r', 'e2', 'not-reached')],
    };
    renderWithProviders(<FlowEditor initialFlow={flow} onChange={() => undefined} />);
    const reach = screen.getByTestId('step-r');
    expect(within(reach).getByText('Reach the patient')).toBeInTheDocument();
    expect(
      within(reach).getByText('WhatsApp (read within 2 h) → SMS (delivered within 30 min)'),
    ).toBeInTheDocument();
    expect(within(reach).getByText('reached')).toBeInTheDocument();
    expect(within(reach).getByText('not reached')).toBeInTheDocument();
    expect(within(reach).getByText('2 to fix')).toBeInTheDocument();
    expect(
      within(reach).getByText(/”, attempt 1 has no text yet: write it or pick a saved template$/),
    ).toBeInTheDocument();
  });

  it('shows on its card a question whose answer cannot come back, with the fix, as the clinic is set up', () => {
    const routes = { smsSender: 'CabLilas', voiceKeypress: false, emailInbound: false };
    const { unmount } = renderWithProviders(
      <FlowEditor initialFlow={copy(remindersFlow)} onChange={() => undefined} replyRoutes={routes} />,
    );
    const question = screen.getByTestId('step-sms24');
    expect(
      within(question).getByText(
        /sends SMS as “CabLilas”, a name patients cannot reply to: give the clinic a number for replies/,
      ),
    ).toBeInTheDocument();
    unmount();
    // with a number for replies, the same question is fine
    renderWithProviders(
      <FlowEditor
        initialFlow={copy(remindersFlow)}
        onChange={() => undefined}
        replyRoutes={{ ...routes, smsSender: '+33757000000' }}
      />,
    );
    expect(within(screen.getByTestId('step-sms24')).queryByText(/to fix/)).not.toBeInTheDocument();
  });

  it('starts over after confirmation when the page offers it', async () => {
    const user = userEvent.setup();
    const onStartOver = jest.fn();
    renderWithProviders(
      <FlowEditor initialFlow={copy(remindersFlow)} onChange={() => undefined} onStartOver={onStartOver} />,
    );
    await user.click(screen.getByRole('button', { name: 'Start over' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(await within(dialog).findByRole('button', { name: 'Start over' }));
    expect(onStartOver).toHaveBeenCalledTimes(1);
  });

  it('shows the page’s toolbar items and its side panel instead of the inspector', () => {
    renderWithProviders(
      <FlowEditor
        initialFlow={copy(remindersFlow)}
        onChange={() => undefined}
        toolbar={<button type="button">Publish</button>}
        aside={() => <p>simulation panel</p>}
      />,
    );
    expect(screen.getByRole('button', { name: 'Publish' })).toBeInTheDocument();
    expect(screen.getByText('simulation panel')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start over' })).not.toBeInTheDocument();
  });
});
