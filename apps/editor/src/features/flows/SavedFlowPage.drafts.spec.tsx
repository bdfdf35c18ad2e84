import { remindersFlow, type Flow } from '@clinicflow/rules';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link, Route, Routes } from 'react-router';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render-with-providers';
import NewFlowPage from './NewFlowPage';
import SavedFlowPage from './SavedFlowPage';
import { flowView } from './testing/flowViews';

const status = () => screen.getByTestId('save-status');
type Saved = { revision: number; flow: Flow; editorSession?: string };

/** The flow's page and another page (Settings) to leave for and come back from, as in the browser. */
const renderApp = (route = '/flows/f1') =>
  renderWithProviders(
    <Routes>
      <Route path="/flows/new" element={<NewFlowPage />} />
      <Route
        path="/flows/:flowId"
        element={
          <>
            <Link to="/settings">Settings</Link>
            <SavedFlowPage />
          </>
        }
      />
      <Route path="/settings" element={<Link to="/flows/f1">Back to the flow</Link>} />
    </Routes>,
    { route },
  );

describe('SavedFlowPage: never losing work', () => {
  beforeEach(() => localStorage.clear());

  it('shows the saved draft of a new flow after Settings and back, and edits from it without a conflict', async () => {
    const user = userEvent.setup();
    let stored = flowView();
    const api = fakeApi({
      'GET /flows/starters': [200, []],
      'POST /flows': (body) => {
        stored = flowView({ revision: 1, draft: body as Flow });
        return [201, stored];
      },
      'GET /flows/f1': () => [200, stored],
      'PUT /flows/f1': (body) => {
        const { revision, flow } = body as Saved;
        if (revision !== stored.revision) return [409, { statusCode: 409, message: 'stale', errors: [] }];
        stored = flowView({ revision: revision + 1, draft: flow });
        return [200, stored];
      },
    });
    renderApp('/flows/new');
    await user.click(await screen.findByRole('button', { name: 'Start from this: Empty flow' }));
    const name = await screen.findByRole('textbox', { name: 'Flow name' });
    expect(name).toHaveValue('Untitled flow');
    await user.clear(name);
    await user.type(name, 'Rappels');
    await waitFor(() => expect(stored.revision).toBe(2));
    await waitFor(() => expect(status()).toHaveTextContent(/^saved$/));

    await user.click(screen.getByRole('link', { name: 'Settings' }));
    await user.click(await screen.findByRole('link', { name: 'Back to the flow' }));
    expect(await screen.findByRole('textbox', { name: 'Flow name' })).toHaveValue('Rappels');
    await user.type(screen.getByRole('textbox', { name: 'Flow name' }), ' 48 h');
    await waitFor(() => expect(stored.draft.name).toBe('Rappels 48 h'));
    expect(api.calls('PUT', '/flows/f1').map((r) => (r.body as Saved).revision)).toEqual([1, 2]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('reads the draft again on coming back, after the save made on leaving, and edits from it', async () => {
    const user = userEvent.setup();
    let stored = flowView();
    const api = fakeApi({
      'GET /flows/f1': () => [200, stored],
      'PUT /flows/f1': (body) => {
        const { revision, flow } = body as Saved;
        if (revision !== stored.revision) return [409, { statusCode: 409, message: 'stale', errors: [] }];
        stored = flowView({ revision: revision + 1, draft: flow });
        return [200, stored];
      },
    });
    renderApp();
    await user.type(await screen.findByRole('textbox', { name: 'Flow name' }), ' 2');
    // leave before the autosave's pause is over: leaving saves what is waiting
    await user.click(screen.getByRole('link', { name: 'Settings' }));
    await user.click(await screen.findByRole('link', { name: 'Back to the flow' }));
    const name = await screen.findByRole('textbox', { name: 'Flow name' });
    expect(name).toHaveValue(`${remindersFlow.name} 2`);
    expect(status()).toHaveTextContent(/^saved$/);
    const reads = api.requests.filter((r) => r.method === 'GET' && r.path === '/flows/f1');
    expect(api.requests.indexOf(reads[1])).toBeGreaterThan(
      api.requests.indexOf(api.calls('PUT', '/flows/f1')[0]),
    );

    await user.type(name, '!');
    await waitFor(() => expect(api.calls('PUT', '/flows/f1')).toHaveLength(2));
    expect((api.calls('PUT', '/flows/f1')[1].body as Saved).revision).toBe(4);
    await waitFor(() => expect(status()).toHaveTextContent(/^saved$/));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('takes a newer revision saved by this very page (its answer was lost) as no conflict', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /flows/f1': () => [
        200,
        flowView({ revision: api.calls('GET', '/flows/f1').length === 1 ? 3 : 4 }),
      ],
      'PUT /flows/f1': (body) => {
        const saved = body as Saved;
        if (saved.revision === 4) return [200, flowView({ revision: 5, draft: saved.flow })];
        return [
          409,
          {
            statusCode: 409,
            message: 'The draft was changed by manager@x (revision 4)',
            errors: [
              {
                path: 'body.revision',
                message: 'the draft is at revision 4',
                code: 'draft-stale',
                params: { revision: 4, by: 'manager@x', at: '2026-03-21T10:00:00.000Z', sameSession: true },
              },
            ],
          },
        ];
      },
    });
    renderApp();
    await user.type(await screen.findByRole('textbox', { name: 'Flow name' }), ' mine');
    await waitFor(() => expect(api.calls('PUT', '/flows/f1')).toHaveLength(2));
    await waitFor(() => expect(status()).toHaveTextContent(/^saved$/));
    const puts = api.calls('PUT', '/flows/f1').map((r) => r.body as Saved);
    expect(puts.map((p) => p.revision)).toEqual([3, 4]);
    expect(puts[0].editorSession).toBeTruthy();
    expect(puts[1].flow.name).toBe(`${remindersFlow.name} mine`);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('names who saved the other version and when, and shows what replacing it would lose', async () => {
    const user = userEvent.setup();
    const theirs: Flow = {
      ...remindersFlow,
      nodes: remindersFlow.nodes.map((node) =>
        node.type === 'send'
          ? ({ ...node, data: { ...node.data, label: 'SMS de la veille' } } as typeof node)
          : node,
      ),
    };
    const api = fakeApi({
      'GET /settings': [200, { timeZone: 'Europe/Paris', country: 'FR' }],
      'GET /flows/f1': () => [
        200,
        api.calls('GET', '/flows/f1').length === 1 ? flowView() : flowView({ revision: 4, draft: theirs }),
      ],
      'PUT /flows/f1': [
        409,
        {
          statusCode: 409,
          message: 'stale',
          errors: [
            {
              path: 'body.revision',
              message: 'the draft is at revision 4',
              code: 'draft-stale',
              params: { revision: 4, by: 'accueil@x', at: '2026-03-21T17:05:00.000Z', sameSession: false },
            },
          ],
        },
      ],
    });
    renderApp();
    await user.type(await screen.findByRole('textbox', { name: 'Flow name' }), ' mine');
    const alert = await screen.findByRole('alert');
    // 17:05 UTC is 18:05 in Paris, whatever this computer's zone
    expect(alert).toHaveTextContent(
      /accueil@x saved a newer version of this draft on 21\/03\/2026,? 18:05 \(Europe\/Paris\)/,
    );
    await user.click(within(alert).getByRole('button', { name: /Keep my version/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Replace their draft with yours?' });
    const losses = await within(dialog).findByTestId('replace-losses');
    expect(losses).toHaveTextContent('Their changes to “E-mail to patient: SMS de la veille” would be lost');
    expect(losses).toHaveTextContent('The flow’s name would change');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.calls('PUT', '/flows/f1')).toHaveLength(1);
    expect(status()).toHaveTextContent('not saved: changed elsewhere');
  });
});
