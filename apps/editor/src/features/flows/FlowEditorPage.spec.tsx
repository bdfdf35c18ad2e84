import { remindersFlow } from '@clinicflow/rules';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../test/render-with-providers';
import FlowEditorPage from './FlowEditorPage';
import FlowsPage from './FlowsPage';
import { draftStorageKey } from './hooks/useFlowDraft';
import { branchFlow } from './testing/flowFixtures';

const storedDraft = () => JSON.parse(localStorage.getItem(draftStorageKey) ?? 'null');

describe('FlowEditorPage', () => {
  beforeEach(() => localStorage.clear());

  it('starts an empty flow (a trigger only) and keeps it in this browser', async () => {
    const user = userEvent.setup();
    renderWithProviders(<FlowEditorPage />);
    await user.click(screen.getByRole('button', { name: 'Empty flow' }));
    expect(await screen.findByRole('textbox', { name: 'Flow name' })).toHaveValue('Untitled flow');
    expect(storedDraft().nodes).toEqual([expect.objectContaining({ type: 'trigger' })]);
  });

  it('starts from a starter flow laid out from the top', async () => {
    const user = userEvent.setup();
    renderWithProviders(<FlowEditorPage />);
    await user.click(screen.getByRole('button', { name: remindersFlow.name }));
    expect(await screen.findByRole('textbox', { name: 'Flow name' })).toHaveValue(remindersFlow.name);
    const nodes: { id: string; position: { y: number } }[] = storedDraft().nodes;
    const top = Math.min(...nodes.map((node) => node.position.y));
    expect(nodes.find((node) => node.id === 'booked')?.position.y).toBe(top);
  });

  it('opens the draft kept in this browser after a reload, with its changes', async () => {
    const user = userEvent.setup();
    localStorage.setItem(draftStorageKey, JSON.stringify({ ...remindersFlow, name: 'My reminders' }));
    renderWithProviders(<FlowEditorPage />);
    const name = screen.getByRole('textbox', { name: 'Flow name' });
    expect(name).toHaveValue('My reminders');
    await user.type(name, ' 2');
    expect(storedDraft().name).toBe('My reminders 2');
  });

  it('draws the steps on the canvas as focusable cards named by their summary', () => {
    localStorage.setItem(draftStorageKey, JSON.stringify(remindersFlow));
    renderWithProviders(<FlowEditorPage />);
    const canvas = screen.getByRole('application');
    // jsdom measures nothing, so React Flow keeps the cards hidden until measured: ask for hidden ones too
    const cards = within(canvas).getAllByRole('group', { hidden: true });
    expect(cards).toHaveLength(remindersFlow.nodes.length);
    const card = cards.find((element) => element.dataset.id === 'wait24');
    expect(card).toHaveAttribute('aria-label', 'Wait until 24 h before the appointment');
    expect(card).toHaveAttribute('tabindex', '0');
  });

  it('labels the typed exits of a card and shows the validator problems on it', () => {
    localStorage.setItem(draftStorageKey, JSON.stringify(branchFlow()));
    renderWithProviders(<FlowEditorPage />);
    const condition = screen.getByTestId('step-c');
    expect(within(condition).getByText('yes')).toBeInTheDocument();
    expect(within(condition).getByText('no')).toBeInTheDocument();
    const send = screen.getByTestId('step-s');
    expect(within(send).getByText('1 to fix')).toBeInTheDocument();
    expect(within(send).getByText('SMS step "s" has no template')).toBeInTheDocument();
  });

  it('starts over after confirmation', async () => {
    const user = userEvent.setup();
    localStorage.setItem(draftStorageKey, JSON.stringify(remindersFlow));
    renderWithProviders(<FlowEditorPage />);
    await user.click(screen.getByRole('button', { name: 'Start over' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(await within(dialog).findByRole('button', { name: 'Start over' }));
    expect(await screen.findByRole('heading', { name: 'Start a new flow' })).toBeInTheDocument();
    expect(storedDraft()).toBeNull();
  });
});

describe('FlowsPage', () => {
  it('links to a new flow', () => {
    renderWithProviders(<FlowsPage />);
    expect(screen.getByRole('link', { name: 'New flow' })).toHaveAttribute('href', '/flows/new');
  });
});
