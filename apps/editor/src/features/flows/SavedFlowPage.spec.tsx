import { remindersFlow, type Flow } from '@clinicflow/rules';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { fakeApi } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render-with-providers';
import SavedFlowPage from './SavedFlowPage';
import { emptyDiff, flowView } from './testing/flowViews';
import { readDraftBackup, writeDraftBackup } from './utils/draftBackup';

const renderPage = () =>
  renderWithProviders(
    <Routes>
      <Route path="/flows/:flowId" element={<SavedFlowPage />} />
    </Routes>,
    { route: '/flows/f1' },
  );
const status = () => screen.getByTestId('save-status');
type Saved = { revision: number; flow: Flow };

describe('SavedFlowPage', () => {
  beforeEach(() => localStorage.clear());

  it('autosaves a change after a pause with the revision it was made from, and says so', async () => {
    const user = userEvent.setup();
    let revision = 3;
    const api = fakeApi({
      'GET /flows/f1': [200, flowView()],
      'PUT /flows/f1': (body) => [200, flowView({ revision: ++revision, draft: (body as Saved).flow })],
    });
    renderPage();
    const name = await screen.findByRole('textbox', { name: 'Flow name' });
    expect(status()).toHaveTextContent('saved');
    await user.type(name, ' 2');
    expect(status()).toHaveTextContent('unsaved changes');
    expect(readDraftBackup('f1')?.flow.name).toBe(`${remindersFlow.name} 2`);
    await waitFor(() => expect(status()).toHaveTextContent(/^saved$/));
    // typing two letters saved once, from revision 3
    expect(api.calls('PUT', '/flows/f1').map((r) => (r.body as Saved).revision)).toEqual([3]);
    expect((api.calls('PUT', '/flows/f1')[0].body as Saved).flow.name).toBe(`${remindersFlow.name} 2`);
    expect(readDraftBackup('f1')).toBeNull();

    await user.type(name, '!');
    await waitFor(() => expect(api.calls('PUT', '/flows/f1')).toHaveLength(2));
    expect((api.calls('PUT', '/flows/f1')[1].body as Saved).revision).toBe(4);
  });

  it('warns when the draft changed elsewhere (409) and loads the other version on request', async () => {
    const user = userEvent.setup();
    let reads = 0;
    fakeApi({
      'GET /flows/f1': () => [
        200,
        reads++ === 0 ? flowView() : flowView({ revision: 5, draft: { ...remindersFlow, name: 'Theirs' } }),
      ],
      'PUT /flows/f1': [
        409,
        {
          statusCode: 409,
          message: 'The draft was changed by accueil@x at 10:00 (revision 4); reload it before saving',
        },
      ],
    });
    renderPage();
    await user.type(await screen.findByRole('textbox', { name: 'Flow name' }), ' mine');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this draft');
    expect(alert).toHaveTextContent('changed by accueil@x');
    expect(status()).toHaveTextContent('not saved: changed elsewhere');
    await user.click(within(alert).getByRole('button', { name: /Load their version/ }));
    expect(await screen.findByDisplayValue('Theirs')).toBeInTheDocument();
    expect(status()).toHaveTextContent('saved');
    expect(readDraftBackup('f1')).toBeNull();
  });

  it('after a conflict, keeps this browser’s version by saving it over the newer revision', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /flows/f1': () => [
        200,
        api.calls('GET', '/flows/f1').length === 1 ? flowView() : flowView({ revision: 5 }),
      ],
      'PUT /flows/f1': (body) =>
        (body as Saved).revision === 5
          ? [200, flowView({ revision: 6, draft: (body as Saved).flow })]
          : [409, { statusCode: 409, message: 'The draft was changed by someone (revision 5)' }],
    });
    renderPage();
    await user.type(await screen.findByRole('textbox', { name: 'Flow name' }), ' mine');
    const alert = await screen.findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: /Keep my version/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Replace their draft with yours?' });
    expect(api.calls('PUT', '/flows/f1')).toHaveLength(1); // nothing replaced before it is confirmed
    await user.click(await within(dialog).findByRole('button', { name: 'Replace their draft' }));
    await waitFor(() => expect(status()).toHaveTextContent(/^saved$/));
    const puts = api.calls('PUT', '/flows/f1');
    expect(puts.map((r) => (r.body as Saved).revision)).toEqual([3, 5]);
    expect((puts[1].body as Saved).flow.name).toBe(`${remindersFlow.name} mine`);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps a change that was not saved yet across a reload and saves it', async () => {
    writeDraftBackup('f1', { revision: 3, flow: { ...remindersFlow, name: 'Unsaved name' } });
    const api = fakeApi({
      'GET /flows/f1': [200, flowView()],
      'PUT /flows/f1': (body) => [200, flowView({ revision: 4, draft: (body as Saved).flow })],
    });
    renderPage();
    expect(await screen.findByDisplayValue('Unsaved name')).toBeInTheDocument();
    await waitFor(() => expect(api.calls('PUT', '/flows/f1')).toHaveLength(1));
    expect((api.calls('PUT', '/flows/f1')[0].body as Saved).flow.name).toBe('Unsaved name');
  });

  it('ignores a kept change made from an older revision (the API has newer work)', async () => {
    writeDraftBackup('f1', { revision: 2, flow: { ...remindersFlow, name: 'Old change' } });
    fakeApi({ 'GET /flows/f1': [200, flowView()] });
    renderPage();
    expect(await screen.findByDisplayValue(remindersFlow.name)).toBeInTheDocument();
  });

  it('blocks publishing while the checklist has problems', async () => {
    const user = userEvent.setup();
    fakeApi({
      'GET /flows/f1': [
        200,
        flowView({
          valid: false,
          problems: [{ nodeId: 'sms24', path: 'data.template', message: 'SMS step "sms24" has no template' }],
        }),
      ],
    });
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/1 problem\(s\) must be fixed/)).toBeInTheDocument();
    expect(within(dialog).getByText(/has no template/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Publish version 1' })).toBeDisabled();
  });

  it('publishes with a note after showing what changed, then lists the version in the history', async () => {
    const user = userEvent.setup();
    const published = {
      flowId: 'f1',
      version: 3,
      note: 'Reminder moved',
      publishedAt: '2026-03-21T10:00:00Z',
      publishedBy: 'm@x',
    };
    const api = fakeApi({
      'GET /flows/f1': [200, flowView({ latestVersion: 2 })],
      'GET /flows/f1/diff?from=2&to=draft': [
        200,
        {
          ...emptyDiff,
          from: 2,
          nodes: { added: ['sms24'], removed: [], changed: [{ id: 'wait24', fields: ['position'] }] },
        },
      ],
      'POST /flows/f1/publish': [201, published],
      'GET /flows/f1/versions': [200, [published]],
      'POST /flows/f1/versions/3/restore': [
        201,
        flowView({ revision: 4, draft: { ...remindersFlow, name: 'Restored' } }),
      ],
    });
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('No problems: the flow can be published.')).toBeInTheDocument();
    const changes = await within(dialog).findByRole('list', { name: 'Changes since version 2' });
    expect(within(changes).getByText(/^Added: /)).toBeInTheDocument();
    expect(
      within(changes).getByText('Moved on the canvas: Wait until 24 h before the appointment'),
    ).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Note for this version'), 'Reminder moved');
    await user.click(within(dialog).getByRole('button', { name: 'Publish version 3' }));
    await waitFor(() => expect(api.calls('POST', '/flows/f1/publish')).toHaveLength(1));
    expect(api.calls('POST', '/flows/f1/publish')[0].body).toEqual({ note: 'Reminder moved' });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'History' }));
    const version = await screen.findByTestId('version-3');
    expect(version).toHaveTextContent('Reminder moved');
    await user.click(within(version).getByRole('button', { name: 'Restore…' }));
    await user.click(within(version).getByRole('button', { name: 'Restore version 3' }));
    expect(await screen.findByDisplayValue('Restored')).toBeInTheDocument();
    expect(api.calls('POST', '/flows/f1/versions/3/restore')[0].body).toEqual({ revision: 3 });
  });
});
