import { remindersFlow, starterFlows } from '@clinicflow/rules';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render-with-providers';
import FlowsPage from './FlowsPage';
import NewFlowPage from './NewFlowPage';
import { clinicWeekStart } from './utils/clinicWeekStart';
import { emptyDiff, flowSummary, flowView } from './testing/flowViews';

const changedDiff = {
  ...emptyDiff,
  nodes: { ...emptyDiff.nodes, changed: [{ id: 'wait24', fields: ['data'] }] },
};

describe('FlowsPage', () => {
  const list = [
    flowSummary({ id: 'a', name: 'Reminders', enabled: true, latestVersion: 2 }),
    flowSummary({ id: 'b', name: 'Recall', latestVersion: 1 }),
    flowSummary({ id: 'c', name: 'Thank you', problemCount: 2 }),
  ];

  it('lists the flows with their enabled switch, published version, pending draft changes and last 7 days', async () => {
    const api = fakeApi({
      'GET /flows': [200, list],
      'GET /flows/a/diff?from=2&to=draft': [200, changedDiff],
      'GET /flows/b/diff?from=1&to=draft': [200, emptyDiff],
      'GET /deliveries/summary?flowId=a&from=*': [
        200,
        { totals: { total: 9, byStatus: { delivered: 4, sent: 1, answered: 1, failed: 1, skipped: 2 } } },
      ],
      'GET /deliveries/summary?flowId=*': [200, { totals: { total: 0, byStatus: {} } }],
      'GET /settings': [200, { timeZone: 'Pacific/Kiritimati' }],
    });
    renderWithProviders(<FlowsPage />);
    const row = async (id: string) => within(await screen.findByTestId(`flow-row-${id}`));
    const reminders = await row('a');
    expect(reminders.getByRole('switch', { name: 'Enable Reminders' })).toBeChecked();
    expect(reminders.getByText('version 2')).toBeInTheDocument();
    expect(await reminders.findByText('draft changes pending')).toBeInTheDocument();
    expect(await reminders.findByTestId('last-days')).toHaveTextContent('6 sent · 1 failed · 2 skipped');
    expect(
      api.calls(
        'GET',
        `/deliveries/summary?flowId=a&from=${clinicWeekStart(new Date(), 'Pacific/Kiritimati')}`,
      ),
    ).toHaveLength(1);
    const recall = await row('b');
    expect(recall.getByRole('switch', { name: 'Enable Recall' })).not.toBeChecked();
    await waitFor(() => expect(recall.queryByText('draft changes pending')).not.toBeInTheDocument());
    const thanks = await row('c');
    expect(thanks.getByText('not published')).toBeInTheDocument();
    expect(thanks.getByRole('switch', { name: 'Enable Thank you' })).toBeDisabled();
    expect(thanks.getByText('2 to fix')).toBeInTheDocument();
    expect(await thanks.findByTestId('last-days')).toHaveTextContent('0 sent · 0 failed · 0 skipped');
    expect(screen.getByRole('link', { name: 'New flow' })).toHaveAttribute('href', '/flows/new');
  });

  it('enables a published flow and duplicates a flow through the API', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /flows': [200, list],
      'GET /flows/a/diff?from=2&to=draft': [200, emptyDiff],
      'GET /flows/b/diff?from=1&to=draft': [200, emptyDiff],
      'POST /flows/b/enable': [200, flowView({ id: 'b', enabled: true })],
      'GET /flows/a': [200, flowView({ id: 'a' })],
      'POST /flows': [201, flowView({ id: 'd' })],
    });
    renderWithProviders(<FlowsPage />);
    await user.click(await screen.findByRole('switch', { name: 'Enable Recall' }));
    await waitFor(() => expect(api.calls('POST', '/flows/b/enable')).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Duplicate Reminders' }));
    await waitFor(() => expect(api.calls('POST', '/flows')).toHaveLength(1));
    const created = api.calls('POST', '/flows')[0].body as { name: string; nodes: unknown[] };
    expect(created.name).toBe('Reminders (copy)');
    expect(created.nodes).toHaveLength(remindersFlow.nodes.length);
  });
});

describe('NewFlowPage', () => {
  it('shows every starter with its description and a preview of its shape', () => {
    fakeApi({});
    renderWithProviders(<NewFlowPage />);
    for (const starter of starterFlows) {
      expect(
        screen.getByRole('button', { name: `Start from this: ${starter.flow.name}` }),
      ).toBeInTheDocument();
      expect(screen.getByRole('img', { name: `Shape of the flow ${starter.flow.name}` })).toBeInTheDocument();
    }
    expect(screen.getAllByText(starterFlows[0].flow.description!).length).toBeGreaterThan(0);
  });

  it('creates a flow from a starter, lays it out top-down, saves it and opens it', async () => {
    const user = userEvent.setup();
    const created = flowView({ id: 'new1', revision: 1, starterKey: 'reminders' });
    const api = fakeApi({
      'POST /flows/starters/reminders': [201, created],
      'PUT /flows/new1': (body) => [
        200,
        { ...created, revision: 2, draft: (body as { flow: unknown }).flow },
      ],
    });
    renderWithProviders(
      <Routes>
        <Route path="/flows/new" element={<NewFlowPage />} />
        <Route path="/flows/:id" element={<p>opened</p>} />
      </Routes>,
      { route: '/flows/new' },
    );
    await user.click(screen.getByRole('button', { name: `Start from this: ${remindersFlow.name}` }));
    expect(await screen.findByText('opened')).toBeInTheDocument();
    const saved = api.calls('PUT', '/flows/new1')[0].body as {
      revision: number;
      flow: { nodes: { id: string; position: { y: number } }[] };
    };
    expect(saved.revision).toBe(1);
    const top = Math.min(...saved.flow.nodes.map((node) => node.position.y));
    expect(saved.flow.nodes.find((node) => node.id === 'booked')?.position.y).toBe(top);
  });

  it('creates an empty flow with its trigger only', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ 'POST /flows': [201, flowView({ id: 'e1', revision: 1 })] });
    renderWithProviders(<NewFlowPage />);
    await user.click(screen.getByRole('button', { name: 'Start from this: Empty flow' }));
    await waitFor(() => expect(api.calls('POST', '/flows')).toHaveLength(1));
    expect(api.calls('POST', '/flows')[0].body).toMatchObject({
      name: 'Untitled flow',
      nodes: [expect.objectContaining({ type: 'trigger' })],
    });
  });
});
